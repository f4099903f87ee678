package org.mlops4j.models.internal.linear;

import org.mlops4j.models.internal.CompactScorer;
import org.mlops4j.models.internal.SparseRows;
import org.tribuo.ImmutableFeatureMap;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>The compact form of a trained {@link LogisticRegressionTrainer} model: its weight matrix (one row per class by
 * Tribuo output id, the bias last) and the feature ids. A row's class probabilities are the softmax of its scores,
 * computed as Tribuo's {@code LinearSGDModel} with {@code ExpNormalizer} computes them. Immutable; thread-safe.
 */
public final class LinearScorer implements CompactScorer {

    private final double[][] weights;
    private final ImmutableFeatureMap featureMap;

    LinearScorer(double[][] weights, ImmutableFeatureMap featureMap) {
        this.weights = weights;
        this.featureMap = featureMap;
    }

    @Override
    public int width() {
        return weights.length;
    }

    @Override
    public double[][] predict(SparseRows rows) {
        double[][] out = LinearRegressionScorer.weightedSums(weights, featureMap, rows);
        for (double[] scores : out) {
            double max = Double.NEGATIVE_INFINITY;
            for (double z : scores) {
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < scores.length; c++) {
                scores[c] = Math.exp(scores[c] - max);
                sum += scores[c];
            }
            for (int c = 0; c < scores.length; c++) {
                scores[c] /= sum;
            }
        }
        return out;
    }
}
