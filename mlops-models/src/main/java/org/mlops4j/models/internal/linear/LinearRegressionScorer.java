package org.mlops4j.models.internal.linear;

import org.mlops4j.models.EncodedRows;
import org.mlops4j.models.internal.CompactScorer;
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
    public double[][] predict(EncodedRows rows) {
        int n = rows.size();
        int bias = featureMap.size();
        double[][] out = new double[n][weights.length];
        for (int i = 0; i < n; i++) {
            String[] names = rows.featureNames(i);
            double[] values = rows.values(i);
            for (int o = 0; o < weights.length; o++) {
                double[] w = weights[o];
                double z = 0;
                for (int j = 0; j < names.length; j++) {
                    int id = featureMap.getID(names[j]);
                    if (id >= 0) {
                        z += w[id] * values[j];
                    }
                }
                out[i][o] = z + w[bias];
            }
        }
        return out;
    }
}
