package org.mlops4j.models.internal.tree;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>One trained tree in flat arrays, the compact form that scores rows without building Tribuo examples. Node 0 is
 * the root; a node with {@code feature < 0} is a leaf. A split node sends a row whose value of its feature is greater
 * than the threshold to {@code greater}, any other row (an absent feature reads as 0) to {@code lessOrEqual}, exactly as
 * Tribuo's {@code SplitNode}. A split node's two children are neighbours ({@code greater = lessOrEqual + 1}), so a
 * node's walk reads one 16-byte record. Each node carries {@code width} values: the weighted class frequencies (classification)
 * or the weighted mean of the target (regression). Immutable; thread-safe.
 */
public final class FlatTree {

    private final int[] feature;
    private final double[] threshold;
    private final int[] lessOrEqual;
    private final int[] greater;
    private final double[] impurity;
    private final double[] values;
    private final int width;
    /** Per node, the threshold's bits then (feature << 32 | lessOrEqual child): one cache line per visited node. */
    private final long[] packed;

    FlatTree(int[] feature, double[] threshold, int[] lessOrEqual, int[] greater, double[] impurity, double[] values,
            int width) {
        this.feature = feature;
        this.threshold = threshold;
        this.lessOrEqual = lessOrEqual;
        this.greater = greater;
        this.impurity = impurity;
        this.values = values;
        this.width = width;
        this.packed = new long[2 * feature.length];
        for (int n = 0; n < feature.length; n++) {
            if (feature[n] >= 0 && greater[n] != lessOrEqual[n] + 1) {
                throw new IllegalArgumentException("Node " + n + "'s children must be neighbours, found "
                        + lessOrEqual[n] + " and " + greater[n]);
            }
            packed[2 * n] = Double.doubleToRawLongBits(threshold[n]);
            packed[2 * n + 1] = ((long) feature[n] << 32) | (lessOrEqual[n] & 0xFFFFFFFFL);
        }
    }

    /**
     * @param row a dense row, indexed by feature id
     * @return the index of the leaf the row reaches
     */
    public int leafOf(double[] row) {
        int node = 0;
        while (true) {
            long meta = packed[2 * node + 1];
            int f = (int) (meta >> 32);
            if (f < 0) {
                return node;
            }
            int lessOrEqualChild = (int) meta;
            node = row[f] > Double.longBitsToDouble(packed[2 * node]) ? lessOrEqualChild + 1 : lessOrEqualChild;
        }
    }

    /** @return the number of nodes */
    public int size() {
        return feature.length;
    }

    /** @return the number of values per node */
    public int width() {
        return width;
    }

    /**
     * @param node a node
     * @return whether it is a leaf
     */
    public boolean isLeaf(int node) {
        return feature[node] < 0;
    }

    /** @param node a split node @return the feature id it tests */
    public int feature(int node) {
        return feature[node];
    }

    /** @param node a split node @return its threshold */
    public double threshold(int node) {
        return threshold[node];
    }

    /** @param node a split node @return the child for values at most the threshold */
    public int lessOrEqual(int node) {
        return lessOrEqual[node];
    }

    /** @param node a split node @return the child for values above the threshold */
    public int greater(int node) {
        return greater[node];
    }

    /** @param node a node @return its impurity (Gini or MSE) */
    public double impurity(int node) {
        return impurity[node];
    }

    /**
     * @param node a node
     * @param i    which value, below {@link #width()}
     * @return the class frequency or the mean
     */
    public double value(int node, int i) {
        return values[node * width + i];
    }

    /** @return the depth: the most splits on a path from the root to a leaf */
    public int depth() {
        int[] depth = new int[feature.length];
        int deepest = 0;
        for (int n = 0; n < feature.length; n++) { // children always come after their parent
            if (feature[n] >= 0) {
                depth[lessOrEqual[n]] = depth[n] + 1;
                depth[greater[n]] = depth[n] + 1;
                deepest = Math.max(deepest, depth[n] + 1);
            }
        }
        return deepest;
    }
}
