package org.mlops4j.models.internal.tree;

import java.util.List;
import org.mlops4j.models.internal.CompactScorer;
import org.mlops4j.models.internal.SparseRows;
import org.tribuo.ImmutableFeatureMap;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>The compact form of a trained tree or forest: its {@link FlatTree}s and the feature ids they test. It scores
 * encoded rows directly (each row's features mapped once to dense ids) and gives what the trainer's Tribuo model
 * gives, computed the same way: a single tree's leaf values; for a forest of classification trees Tribuo's
 * {@code FullyWeightedVotingCombiner} with uniform weights (the normalised weighted mean of the leaves' class
 * frequencies), for regression forests {@code AveragingCombiner}'s running weighted mean. Immutable; thread-safe.
 */
public final class TreeEnsemble implements CompactScorer {

    /** Rows scored together: more rows per pass over a tree reuse more of its nodes from the cache. */
    private static final int BLOCK_ROWS = 8192;
    /** At most this many dense values per block (16 MB), for data with many features. */
    private static final int BLOCK_VALUES = 1 << 21;

    private final List<FlatTree> trees;
    private final ImmutableFeatureMap featureMap;
    private final boolean classification;
    private final int width;

    TreeEnsemble(List<FlatTree> trees, ImmutableFeatureMap featureMap, boolean classification, int width) {
        this.trees = List.copyOf(trees);
        this.featureMap = featureMap;
        this.classification = classification;
        this.width = width;
    }

    /** @return the trees */
    public List<FlatTree> trees() {
        return trees;
    }

    @Override
    public int width() {
        return width;
    }

    /**
     * Scores rows in blocks of up to 8192, each tree over the whole block before the next (so the tree's nodes are
     * reused from the cache), each row's trees still combined in tree order as Tribuo combines them.
     *
     * @param rows rows of named features
     * @return per row, the class probabilities by Tribuo output id (classification) or the one predicted value
     */
    public double[][] predict(SparseRows rows) {
        int n = rows.size();
        int features = Math.max(1, featureMap.size());
        int block = Math.max(1, Math.min(Math.min(BLOCK_ROWS, n), BLOCK_VALUES / features));
        double[][] out = new double[n][width];
        double[][] dense = new double[block][features];
        int[][] ids = new int[block][];
        double[] sums = new double[block];
        for (int from = 0; from < n; from += block) {
            int size = Math.min(block, n - from);
            for (int i = 0; i < size; i++) {
                String[] names = rows.featureNames(from + i);
                double[] values = rows.values(from + i);
                int[] rowIds = new int[names.length];
                for (int j = 0; j < names.length; j++) {
                    rowIds[j] = featureMap.getID(names[j]);
                    if (rowIds[j] >= 0) {
                        dense[i][rowIds[j]] += values[j];
                    }
                }
                ids[i] = rowIds;
            }
            predictBlock(dense, size, out, from, sums);
            for (int i = 0; i < size; i++) {
                for (int id : ids[i]) {
                    if (id >= 0) {
                        dense[i][id] = 0;
                    }
                }
            }
        }
        return out;
    }

    private void predictBlock(double[][] dense, int size, double[][] out, int offset, double[] sums) {
        if (trees.size() == 1) {
            FlatTree tree = trees.get(0);
            for (int i = 0; i < size; i++) {
                int leaf = tree.leafOf(dense[i]);
                for (int c = 0; c < width; c++) {
                    out[offset + i][c] = tree.value(leaf, c);
                }
            }
            return;
        }
        double weight = 1.0f / trees.size();
        if (classification) {
            java.util.Arrays.fill(sums, 0, size, 0.0);
            for (FlatTree tree : trees) {
                for (int i = 0; i < size; i++) {
                    int leaf = tree.leafOf(dense[i]);
                    double[] o = out[offset + i];
                    for (int c = 0; c < width; c++) {
                        double score = weight * tree.value(leaf, c);
                        sums[i] += score;
                        o[c] += score;
                    }
                }
            }
            for (int i = 0; i < size; i++) {
                double[] o = out[offset + i];
                for (int c = 0; c < width; c++) {
                    o[c] /= sums[i];
                }
            }
            return;
        }
        double weightSum = 0;
        for (FlatTree tree : trees) {
            weightSum += weight;
            double step = weight / weightSum;
            for (int i = 0; i < size; i++) {
                double[] o = out[offset + i];
                o[0] += step * (tree.value(tree.leafOf(dense[i]), 0) - o[0]);
            }
        }
    }

    /**
     * @param row a dense row by feature id
     * @return the class probabilities by output id, or the one predicted value
     */
    public double[] predict(double[] row) {
        double[] out = new double[width];
        if (trees.size() == 1) {
            FlatTree tree = trees.get(0);
            int leaf = tree.leafOf(row);
            for (int c = 0; c < width; c++) {
                out[c] = tree.value(leaf, c);
            }
            return out;
        }
        double weight = 1.0f / trees.size();
        if (classification) {
            double sum = 0;
            for (FlatTree tree : trees) {
                int leaf = tree.leafOf(row);
                for (int c = 0; c < width; c++) {
                    double score = weight * tree.value(leaf, c);
                    sum += score;
                    out[c] += score;
                }
            }
            for (int c = 0; c < width; c++) {
                out[c] /= sum;
            }
            return out;
        }
        double mean = 0;
        double weightSum = 0;
        for (FlatTree tree : trees) {
            double value = tree.value(tree.leafOf(row), 0);
            weightSum += weight;
            mean += (weight / weightSum) * (value - mean);
        }
        out[0] = mean;
        return out;
    }

    /**
     * @param probabilities class probabilities by output id
     * @return the predicted class id: the first most probable, as Tribuo picks it
     */
    public static int argmax(double[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }
}
