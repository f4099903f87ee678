package org.mlops4j.models.internal.tree;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>How one tree grows.
 *
 * @param maxDepth            the most splits on a path from the root (0 or less: unlimited)
 * @param minChildWeight      the least total example weight in each child of a split
 * @param minImpurityDecrease the least weighted impurity decrease a split must bring, as scikit-learn's
 *                            {@code min_impurity_decrease}: {@code W_node / W_total * (impurity - W_left / W_node *
 *                            impurity_left - W_right / W_node * impurity_right)}
 * @param featuresPerSplit    how many features are drawn at random per split (all of them: plain CART)
 * @param randomSplits        whether each drawn feature gets one threshold drawn uniformly between the node's least
 *                            and greatest value (extra trees) instead of the best threshold
 */
record GrowthLimits(int maxDepth, double minChildWeight, double minImpurityDecrease, int featuresPerSplit,
        boolean randomSplits) {

    /** @return the depth limit, {@link Integer#MAX_VALUE} when unlimited */
    int depthLimit() {
        return maxDepth <= 0 ? Integer.MAX_VALUE : maxDepth;
    }
}
