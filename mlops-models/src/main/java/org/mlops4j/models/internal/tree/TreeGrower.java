package org.mlops4j.models.internal.tree;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Grows one CART tree on binned features, depth first. Each node holds a contiguous range of an array of row
 * indices, partitioned in place when the node splits. To find a split it builds, for each candidate feature, a
 * histogram of the node's rows over that feature's bins (weighted class counts for Gini, weighted sums of the target
 * for MSE) and scans it once: every boundary between two non-empty bins is a candidate (plain CART), or one threshold
 * drawn uniformly between the node's least and greatest value (extra trees). The criterion is scikit-learn's: the
 * split maximising {@code sum_c w_left_c^2 / w_left + sum_c w_right_c^2 / w_right} (Gini) or
 * {@code s_left^2 / w_left + s_right^2 / w_right} (MSE); a node is a leaf when it is at the depth limit, pure, has
 * fewer than two rows or less than twice the least child weight, or no split leaves each child that weight and brings
 * the least impurity decrease. Candidate features are drawn without replacement until the wanted number were drawn
 * and at least one was not constant in the node, as scikit-learn does; features constant in a node are remembered
 * for its descendants. Not thread-safe: one grower per thread.
 */
final class TreeGrower {

    /** scikit-learn's EPSILON for purity and impurity-decrease checks (the double machine epsilon). */
    private static final double EPSILON = Math.ulp(1.0);

    private final BinnedFeatures data;
    private final int[] classOf;
    private final int classes;
    private final double[] target;
    private final GrowthLimits limits;
    private final int stride;
    private final double[] hist;
    private final double[] left;
    private final double[] total;
    private final int[] featureOrder;
    private final int[] presentBins = new int[BinnedFeatures.MAX_BINS];
    private final boolean[] binListed = new boolean[BinnedFeatures.MAX_BINS];

    private double[] weight;
    private int[] rows;
    private SplittableRandom rng;
    private double rootWeight;

    private int bestFeature;
    private int bestBin;
    private double bestThreshold;
    private double bestProxy;

    private int nodeCount;
    private int[] feature;
    private double[] threshold;
    private int[] lessOrEqual;
    private int[] greater;
    private double[] impurity;
    private double[] values;

    private record Pending(int node, int start, int end, int depth, boolean[] constant) {
    }

    /**
     * @param data    the binned features
     * @param classOf each row's class id, or {@code null} for regression
     * @param classes the number of classes (0 for regression)
     * @param target  each row's target value (regression), or {@code null}
     * @param limits  how trees grow
     */
    TreeGrower(BinnedFeatures data, int[] classOf, int classes, double[] target, GrowthLimits limits) {
        this.data = data;
        this.classOf = classOf;
        this.classes = classes;
        this.target = target;
        this.limits = limits;
        this.stride = classes > 0 ? classes : 2;
        this.hist = new double[BinnedFeatures.MAX_BINS * stride];
        this.left = new double[stride];
        this.total = new double[stride];
        this.featureOrder = new int[data.features()];
        for (int f = 0; f < featureOrder.length; f++) {
            featureOrder[f] = f;
        }
    }

    /**
     * @param rowWeights each row's weight (example weight times its bootstrap count); rows of weight 0 take no part
     * @param random     the source of feature draws and random thresholds
     * @return the tree
     */
    FlatTree grow(double[] rowWeights, SplittableRandom random) {
        this.weight = rowWeights;
        this.rng = random;
        int used = 0;
        int[] all = new int[data.rows()];
        double w = 0;
        for (int r = 0; r < all.length; r++) {
            if (rowWeights[r] > 0) {
                all[used++] = r;
                w += rowWeights[r];
            }
        }
        this.rows = all;
        this.rootWeight = w;
        int width = classes > 0 ? classes : 1;
        int capacity = 64;
        nodeCount = 1;
        feature = new int[capacity];
        threshold = new double[capacity];
        lessOrEqual = new int[capacity];
        greater = new int[capacity];
        impurity = new double[capacity];
        values = new double[capacity * width];
        ArrayDeque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(0, 0, used, 0, new boolean[data.features()]));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            grow(p, stack, width);
        }
        return new FlatTree(Arrays.copyOf(feature, nodeCount), Arrays.copyOf(threshold, nodeCount),
                Arrays.copyOf(lessOrEqual, nodeCount), Arrays.copyOf(greater, nodeCount),
                Arrays.copyOf(impurity, nodeCount), Arrays.copyOf(values, nodeCount * width), width);
    }

    private void grow(Pending p, ArrayDeque<Pending> stack, int width) {
        int node = p.node();
        Arrays.fill(total, 0);
        double sumSquares = 0;
        for (int i = p.start(); i < p.end(); i++) {
            int r = rows[i];
            double w = weight[r];
            if (classes > 0) {
                total[classOf[r]] += w;
            } else {
                double y = target[r];
                total[0] += w;
                total[1] += w * y;
                sumSquares += w * y * y;
            }
        }
        double nodeWeight;
        double nodeImpurity;
        if (classes > 0) {
            nodeWeight = 0;
            for (int c = 0; c < classes; c++) {
                nodeWeight += total[c];
            }
            double squares = 0;
            for (int c = 0; c < classes; c++) {
                double share = total[c] / nodeWeight;
                squares += share * share;
                values[node * width + c] = share;
            }
            nodeImpurity = 1.0 - squares;
        } else {
            nodeWeight = total[0];
            double mean = total[1] / nodeWeight;
            nodeImpurity = sumSquares / nodeWeight - mean * mean;
            values[node] = mean;
        }
        impurity[node] = nodeImpurity;
        feature[node] = -1;
        int n = p.end() - p.start();
        if (p.depth() >= limits.depthLimit() || n < 2 || nodeWeight < 2 * limits.minChildWeight()
                || nodeImpurity <= EPSILON) {
            return;
        }
        bestFeature = -1;
        bestProxy = Double.NEGATIVE_INFINITY;
        boolean[] constant = p.constant();
        findSplit(p.start(), p.end(), nodeWeight, constant);
        if (bestFeature < 0) {
            return;
        }
        double childImpurity = classes > 0 ? nodeWeight - bestProxy : sumSquares - bestProxy;
        double improvement = nodeWeight / rootWeight * (nodeImpurity - childImpurity / nodeWeight);
        if (improvement + EPSILON < limits.minImpurityDecrease()) {
            return;
        }
        int mid = partition(p.start(), p.end(), data.column(bestFeature), bestBin);
        int leftNode = nodeCount;
        int rightNode = nodeCount + 1;
        ensureCapacity(nodeCount + 2, width);
        nodeCount += 2;
        feature[node] = bestFeature;
        threshold[node] = bestThreshold;
        lessOrEqual[node] = leftNode;
        greater[node] = rightNode;
        stack.push(new Pending(rightNode, mid, p.end(), p.depth() + 1, constant.clone()));
        stack.push(new Pending(leftNode, p.start(), mid, p.depth() + 1, constant));
    }

    private void findSplit(int start, int end, double nodeWeight, boolean[] constant) {
        int features = featureOrder.length;
        int wanted = limits.featuresPerSplit();
        if (wanted >= features && !limits.randomSplits()) {
            for (int f = 0; f < features; f++) {
                if (!constant[f] && !evaluate(f, start, end, nodeWeight)) {
                    constant[f] = true;
                }
            }
            return;
        }
        int remaining = features;
        int drawn = 0;
        int nonConstant = 0;
        while (remaining > 0 && (drawn < wanted || nonConstant == 0)) {
            int j = rng.nextInt(remaining);
            int f = featureOrder[j];
            featureOrder[j] = featureOrder[remaining - 1];
            featureOrder[remaining - 1] = f;
            remaining--;
            drawn++;
            if (constant[f]) {
                continue;
            }
            if (evaluate(f, start, end, nodeWeight)) {
                nonConstant++;
            } else {
                constant[f] = true;
            }
        }
    }

    /** Builds the feature's histogram over the node's rows and scans it; returns false when it is constant there. */
    private boolean evaluate(int f, int start, int end, double nodeWeight) {
        if (limits.randomSplits()) {
            return evaluateRandom(f, start, end, nodeWeight);
        }
        byte[] column = data.column(f);
        // a cheap pass first: features constant in the node (often one-hot levels deep in a tree) need no histogram
        int first = column[rows[start]];
        int i0 = start + 1;
        while (i0 < end && column[rows[i0]] == first) {
            i0++;
        }
        if (i0 == end) {
            return false;
        }
        int minBin = BinnedFeatures.MAX_BINS;
        int maxBin = -1;
        if (classes > 0) {
            for (int i = start; i < end; i++) {
                int r = rows[i];
                int b = column[r] & 0xFF;
                hist[b * stride + classOf[r]] += weight[r];
                if (b < minBin) {
                    minBin = b;
                }
                if (b > maxBin) {
                    maxBin = b;
                }
            }
        } else {
            for (int i = start; i < end; i++) {
                int r = rows[i];
                int b = column[r] & 0xFF;
                double w = weight[r];
                hist[2 * b] += w;
                hist[2 * b + 1] += w * target[r];
                if (b < minBin) {
                    minBin = b;
                }
                if (b > maxBin) {
                    maxBin = b;
                }
            }
        }
        int count = 0;
        if ((end - start) * 4 < maxBin - minBin) {
            // few rows over a wide range of bins: list the bins they use instead of walking the range
            for (int i = start; i < end; i++) {
                int b = column[rows[i]] & 0xFF;
                if (!binListed[b]) {
                    binListed[b] = true;
                    presentBins[count++] = b;
                }
            }
            Arrays.sort(presentBins, 0, count);
            scanAll(f, count, nodeWeight);
            for (int k = 0; k < count; k++) {
                int b = presentBins[k];
                binListed[b] = false;
                Arrays.fill(hist, b * stride, (b + 1) * stride, 0.0);
            }
        } else {
            for (int b = minBin; b <= maxBin; b++) {
                if (binWeight(b) > 0) {
                    presentBins[count++] = b;
                }
            }
            scanAll(f, count, nodeWeight);
            Arrays.fill(hist, minBin * stride, (maxBin + 1) * stride, 0.0);
        }
        return true;
    }

    private double binWeight(int b) {
        if (classes == 0) {
            return hist[2 * b];
        }
        double w = 0;
        for (int c = 0; c < classes; c++) {
            w += hist[b * stride + c];
        }
        return w;
    }

    private void addToLeft(int b) {
        for (int c = 0; c < stride; c++) {
            left[c] += hist[b * stride + c];
        }
    }

    private double proxy(double leftWeight, double rightWeight) {
        if (classes == 0) {
            double rightSum = total[1] - left[1];
            return left[1] * left[1] / leftWeight + rightSum * rightSum / rightWeight;
        }
        double l = 0;
        double r = 0;
        for (int c = 0; c < classes; c++) {
            double lc = left[c];
            double rc = total[c] - lc;
            l += lc * lc;
            r += rc * rc;
        }
        return l / leftWeight + r / rightWeight;
    }

    /** Scans the boundaries between the {@code count} non-empty bins listed in ascending order. */
    private void scanAll(int f, int count, double nodeWeight) {
        Arrays.fill(left, 0);
        double minChild = limits.minChildWeight();
        double leftWeight = 0;
        for (int k = 0; k < count; k++) {
            int b = presentBins[k];
            if (k > 0) {
                double rightWeight = nodeWeight - leftWeight;
                if (rightWeight < minChild) {
                    break;
                }
                if (leftWeight >= minChild) {
                    double proxy = proxy(leftWeight, rightWeight);
                    if (proxy > bestProxy) {
                        int previous = presentBins[k - 1];
                        record(f, previous, midpoint(data.binMax(f, previous), data.binMin(f, b)), proxy);
                    }
                }
            }
            addToLeft(b);
            leftWeight += binWeight(b);
        }
    }

    /**
     * Extra trees: one pass for the node's least and greatest bin, a threshold drawn uniformly between the least and
     * greatest value, and one pass summing the rows at or below it; no histogram, so small nodes stay cheap. A
     * threshold inside a wide bin (only features with more than MAX_BINS distinct values have those) is moved to
     * that bin's upper edge, or to its lower edge for the node's top bin. Returns false when the feature is constant.
     */
    private boolean evaluateRandom(int f, int start, int end, double nodeWeight) {
        byte[] column = data.column(f);
        int minBin = BinnedFeatures.MAX_BINS;
        int maxBin = -1;
        for (int i = start; i < end; i++) {
            int b = column[rows[i]] & 0xFF;
            if (b < minBin) {
                minBin = b;
            }
            if (b > maxBin) {
                maxBin = b;
            }
        }
        if (minBin == maxBin) {
            return false;
        }
        double low = data.binMin(f, minBin);
        double high = data.binMax(f, maxBin);
        double drawn = low + rng.nextDouble() * (high - low);
        if (drawn >= high) {
            drawn = low;
        }
        int splitBin = data.lastBinStartingAtOrBelow(f, drawn, minBin, maxBin - 1);
        Arrays.fill(left, 0);
        double leftWeight = 0;
        int lastLeft = minBin;
        int firstRight = maxBin;
        for (int i = start; i < end; i++) {
            int r = rows[i];
            int b = column[r] & 0xFF;
            if (b <= splitBin) {
                double w = weight[r];
                leftWeight += w;
                if (classes > 0) {
                    left[classOf[r]] += w;
                } else {
                    left[0] += w;
                    left[1] += w * target[r];
                }
                if (b > lastLeft) {
                    lastLeft = b;
                }
            } else if (b < firstRight) {
                firstRight = b;
            }
        }
        double rightWeight = nodeWeight - leftWeight;
        if (leftWeight < limits.minChildWeight() || rightWeight < limits.minChildWeight()) {
            return true;
        }
        double split = data.binMax(f, lastLeft) <= drawn && drawn < data.binMin(f, firstRight) ? drawn
                : midpoint(data.binMax(f, lastLeft), data.binMin(f, firstRight));
        double proxy = proxy(leftWeight, rightWeight);
        if (proxy > bestProxy) {
            record(f, splitBin, split, proxy);
        }
        return true;
    }

    private void record(int f, int bin, double split, double proxy) {
        bestFeature = f;
        bestBin = bin;
        bestThreshold = split;
        bestProxy = proxy;
    }

    /** scikit-learn's threshold between two neighbouring values, never equal to the upper one. */
    private static double midpoint(double below, double above) {
        double mid = below / 2.0 + above / 2.0;
        return mid == above || Double.isInfinite(mid) ? below : mid;
    }

    private int partition(int start, int end, byte[] column, int bin) {
        int i = start;
        int j = end - 1;
        while (i <= j) {
            int r = rows[i];
            if ((column[r] & 0xFF) <= bin) {
                i++;
            } else {
                rows[i] = rows[j];
                rows[j] = r;
                j--;
            }
        }
        return i;
    }

    private void ensureCapacity(int needed, int width) {
        if (needed <= feature.length) {
            return;
        }
        int capacity = Math.max(needed, feature.length * 2);
        feature = Arrays.copyOf(feature, capacity);
        threshold = Arrays.copyOf(threshold, capacity);
        lessOrEqual = Arrays.copyOf(lessOrEqual, capacity);
        greater = Arrays.copyOf(greater, capacity);
        impurity = Arrays.copyOf(impurity, capacity);
        values = Arrays.copyOf(values, capacity * width);
    }
}
