package org.mlops4j.models;

import java.util.Locale;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Tribuo's own CART trainers with the parameters of mlops4j's tree families: the {@code tribuo_dt},
 * {@code tribuo_rf} and {@code tribuo_et} families, for users who want Tribuo's trees exactly (they are several times
 * slower than mlops4j's histogram trees, so comparisons leave them out unless asked).
 */
final class TribuoTreeTrainers {

    /**
     * Tribuo's bagging trainer logs "Building model N" at INFO for every tree (a thousand lines per forest);
     * held here so that java.util.logging keeps the level (it holds loggers weakly).
     */
    private static final java.util.logging.Logger BAGGING_LOG = quiet("org.tribuo.ensemble.BaggingTrainer");

    private TribuoTreeTrainers() {
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        if (logger.getLevel() == null) { // the user's own setting wins
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        return logger;
    }

    /**
     * @param maxDepth            the deepest split level; 0 or less for unlimited
     * @param minChildWeight      the least example weight in a leaf
     * @param minImpurityDecrease the least gain a split must bring
     * @param seed                the seed
     * @return a Gini CART classification trainer considering every feature
     */
    static Trainer<Label> tree(int maxDepth, double minChildWeight, double minImpurityDecrease, long seed) {
        return cart(maxDepth, minChildWeight, minImpurityDecrease, 1.0f, false, seed);
    }

    /**
     * @param trees               trees in the forest
     * @param maxDepth            the deepest split level; 0 or less for unlimited
     * @param maxFeatures         {@code sqrt}, {@code log2}, {@code all} or a fraction of the features per split
     * @param featureCount        features in the training data
     * @param minChildWeight      the least example weight in a leaf
     * @param minImpurityDecrease the least gain a split must bring
     * @param randomSplits        extra trees (random split points) rather than a random forest
     * @param seed                the seed
     * @return Tribuo's random forest or extra trees over its CART, with the mean of the trees' class frequencies
     */
    static Trainer<Label> forest(int trees, int maxDepth, String maxFeatures, int featureCount, double minChildWeight,
            double minImpurityDecrease, boolean randomSplits, long seed) {
        CARTClassificationTrainer cart = cart(maxDepth, minChildWeight, minImpurityDecrease,
                featureFraction(maxFeatures, featureCount), randomSplits, seed);
        return randomSplits
                ? new ExtraTreesTrainer<>(cart, new FullyWeightedVotingCombiner(), trees, seed)
                : new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(), trees, seed);
    }

    /**
     * @param maxDepth            the deepest split level; 0 or less for unlimited
     * @param minChildWeight      the least example weight in a leaf
     * @param minImpurityDecrease the least gain a split must bring
     * @param seed                the seed
     * @return an MSE CART regression trainer considering every feature
     */
    static Trainer<Regressor> regressionTree(int maxDepth, double minChildWeight, double minImpurityDecrease,
            long seed) {
        return regressionCart(maxDepth, minChildWeight, minImpurityDecrease, 1.0f, seed);
    }

    /**
     * @param trees               trees in the forest
     * @param maxDepth            the deepest split level; 0 or less for unlimited
     * @param maxFeatures         {@code sqrt}, {@code log2}, {@code all} or a fraction of the features per split
     * @param featureCount        features in the training data
     * @param minChildWeight      the least example weight in a leaf
     * @param minImpurityDecrease the least gain a split must bring
     * @param seed                the seed
     * @return Tribuo's random forest over its regression CART, averaging the trees
     */
    static Trainer<Regressor> regressionForest(int trees, int maxDepth, String maxFeatures, int featureCount,
            double minChildWeight, double minImpurityDecrease, long seed) {
        return new RandomForestTrainer<>(regressionCart(maxDepth, minChildWeight, minImpurityDecrease,
                featureFraction(maxFeatures, featureCount), seed), new AveragingCombiner(), trees, seed);
    }

    private static CARTClassificationTrainer cart(int maxDepth, double minChildWeight, double minImpurityDecrease,
            float fraction, boolean randomSplits, long seed) {
        return new CARTClassificationTrainer(depth(maxDepth), (float) minChildWeight, (float) minImpurityDecrease,
                fraction, randomSplits, new GiniIndex(), seed);
    }

    private static CARTRegressionTrainer regressionCart(int maxDepth, double minChildWeight,
            double minImpurityDecrease, float fraction, long seed) {
        return new CARTRegressionTrainer(depth(maxDepth), (float) minChildWeight, (float) minImpurityDecrease,
                fraction, false, new MeanSquaredError(), seed);
    }

    private static int depth(int maxDepth) {
        return maxDepth <= 0 ? Integer.MAX_VALUE : maxDepth;
    }

    /** Tribuo's forests take a fraction of the features below 1; scikit-learn's max_features counts them. */
    static float featureFraction(String maxFeatures, int featureCount) {
        int n = Math.max(1, featureCount);
        double count = switch (maxFeatures.toLowerCase(Locale.ROOT)) {
            case "sqrt" -> Math.sqrt(n);
            case "log2" -> Math.max(1, Math.log(n) / Math.log(2));
            case "all" -> n;
            default -> Double.parseDouble(maxFeatures) * n;
        };
        double fraction = Math.max(1, Math.floor(count)) / n;
        return (float) Math.min(fraction, 0.999);
    }
}
