package org.mlops4j.models.internal.linear;

import org.mlops4j.models.internal.CompactScorer;
import org.mlops4j.models.internal.SparseRows;
import org.tribuo.ImmutableFeatureMap;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>The compact form of a trained {@link LinearRegressionTrainer} model: its weights (one row per output dimension
 * by Tribuo output id, the bias last) and the feature ids. A row's prediction per dimension is its weighted sum plus
 * the bias, as Tribuo's regression {@code LinearSGDModel} computes it. Immutable; thread-safe.
 */
public final class LinearRegressionScorer implements CompactScorer {

    private final double[][] weights;
    private final ImmutableFeatureMap featureMap;

    LinearRegressionScorer(double[][] weights, ImmutableFeatureMap featureMap) {
        this.weights = weights;
        this.featureMap = featureMap;
    }

    @Override
    public int width() {
        return weights.length;
    }

    @Override
    public double[][] predict(SparseRows rows) {
        return weightedSums(weights, featureMap, rows);
    }

    /**
     * @param weights    one row per output (by Tribuo output id), the bias last
     * @param featureMap the feature ids the weights are indexed by
     * @param rows       rows of named features; features the map does not know count zero
     * @return per row and output, the weighted sum of the row's features plus the bias
     */
    static double[][] weightedSums(double[][] weights, ImmutableFeatureMap featureMap, SparseRows rows) {
        int n = rows.size();
        int bias = featureMap.size();
        double[][] out = new double[n][weights.length];
        for (int i = 0; i < n; i++) {
            String[] names = rows.featureNames(i);
            double[] values = rows.values(i);
            int[] ids = new int[names.length];
            for (int j = 0; j < names.length; j++) {
                ids[j] = featureMap.getID(names[j]);
            }
            for (int o = 0; o < weights.length; o++) {
                double[] w = weights[o];
                double z = 0;
                for (int j = 0; j < ids.length; j++) {
                    if (ids[j] >= 0) {
                        z += w[ids[j]] * values[j];
                    }
                }
                out[i][o] = z + w[bias];
            }
        }
        return out;
    }
}
