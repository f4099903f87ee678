package org.mlops4j.models.internal.tree;

import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>{@link TreeTrainer} for single-dimension regression, MSE impurity. A leaf predicts the weighted mean of its
 * rows' targets; a forest averages its trees with {@link AveragingCombiner}.
 */
public final class RegressionTreeTrainer extends TreeTrainer<Regressor> {

    /** For olcut. */
    private RegressionTreeTrainer() {
    }

    private RegressionTreeTrainer(int maxDepth, double minChildWeight, double minImpurityDecrease, String maxFeatures,
            int numTrees, boolean bootstrap, boolean randomSplits, long seed) {
        super(maxDepth, minChildWeight, minImpurityDecrease, maxFeatures, numTrees, bootstrap, randomSplits, seed);
    }

    /**
     * @param maxDepth            the most splits on a path (0: unlimited)
     * @param minChildWeight      the least total example weight in a leaf
     * @param minImpurityDecrease the least weighted impurity decrease of a split
     * @param seed                the seed (unused by a plain tree but recorded)
     * @return a CART regression tree trainer on all features
     */
    public static RegressionTreeTrainer cart(int maxDepth, double minChildWeight, double minImpurityDecrease,
            long seed) {
        return new RegressionTreeTrainer(maxDepth, minChildWeight, minImpurityDecrease, "all", 1, false, false, seed);
    }

    /**
     * @param numTrees            trees
     * @param maxDepth            the most splits on a path (0: unlimited)
     * @param maxFeatures         features per split: {@code sqrt}, {@code log2}, {@code all} or a fraction
     * @param minChildWeight      the least total example weight in a leaf
     * @param minImpurityDecrease the least weighted impurity decrease of a split
     * @param seed                the seed
     * @return a random forest trainer (bootstrap samples, best thresholds)
     */
    public static RegressionTreeTrainer randomForest(int numTrees, int maxDepth, String maxFeatures,
            double minChildWeight, double minImpurityDecrease, long seed) {
        return new RegressionTreeTrainer(maxDepth, minChildWeight, minImpurityDecrease, maxFeatures, numTrees, true,
                false, seed);
    }

    /**
     * @param numTrees            trees
     * @param maxDepth            the most splits on a path (0: unlimited)
     * @param maxFeatures         features per split
     * @param minChildWeight      the least total example weight in a leaf
     * @param minImpurityDecrease the least weighted impurity decrease of a split
     * @param seed                the seed
     * @return an extra trees trainer (every row, random thresholds)
     */
    public static RegressionTreeTrainer extraTrees(int numTrees, int maxDepth, String maxFeatures,
            double minChildWeight, double minImpurityDecrease, long seed) {
        return new RegressionTreeTrainer(maxDepth, minChildWeight, minImpurityDecrease, maxFeatures, numTrees, false,
                true, seed);
    }

    @Override
    TreeGrower grower(BinnedFeatures columns, Dataset<Regressor> examples, GrowthLimits limits) {
        if (examples.getOutputIDInfo().size() != 1) {
            throw new IllegalArgumentException("Regression trees predict one dimension; the data has "
                    + examples.getOutputIDInfo().size());
        }
        double[] target = new double[examples.size()];
        int row = 0;
        for (Example<Regressor> example : examples) {
            target[row++] = example.getOutput().getValues()[0];
        }
        return new TreeGrower(columns, null, 0, target, limits);
    }

    @Override
    TribuoTrees.LeafOutputs<Regressor> leafOutputs(ImmutableOutputInfo<Regressor> outputInfo) {
        String dimension = Regressor.extractNames(outputInfo)[0];
        return new TribuoTrees.LeafOutputs<>() {
            @Override
            public Regressor output(FlatTree tree, int node) {
                return new Regressor(dimension, tree.value(node, 0));
            }

            @Override
            public Map<String, Regressor> scores(FlatTree tree, int node) {
                return Map.of();
            }
        };
    }

    @Override
    int width(ImmutableOutputInfo<Regressor> outputInfo) {
        return 1;
    }

    @Override
    EnsembleCombiner<Regressor> combiner() {
        return new AveragingCombiner();
    }

    @Override
    boolean generatesProbabilities() {
        return false;
    }

    @Override
    String modelName() {
        return "regression-tree";
    }
}
