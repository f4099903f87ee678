package org.mlops4j.models.internal.linear;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.regression.Regressor;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A Tribuo regression dataset reduced to what weighted least squares needs, in two passes over the examples: the
 * weighted means of the features and of each output dimension, and over centred values the Gram matrix
 * {@code G = Xc' W Xc} and {@code r = Xc' W yc} (one column per output dimension, by Tribuo output id), {@code W} the
 * example weights. Centring before the products keeps the precision that {@code X'WX - W xbar xbar'} would lose.
 * Features absent from an example read as 0, as in Tribuo's sparse vectors; a column is constant when all its values
 * (absent ones included) are equal. Costs {@code rows * features^2 / 2} multiply-adds and {@code features^2} doubles.
 *
 * @param means      the weighted mean of each feature, by feature id
 * @param outputMeans the weighted mean of each output dimension, by output id
 * @param gram       {@code G}, features x features, symmetric
 * @param rhs        {@code r}, features x output dimensions
 * @param constant   which features are constant
 * @param rows       the number of examples
 */
record NormalEquations(double[] means, double[] outputMeans, double[][] gram, double[][] rhs, boolean[] constant,
        int rows) {

    /**
     * @param dataset a regression dataset with at least one example and a positive total weight
     * @return its normal equations
     * @throws IllegalArgumentException when the dataset is empty, a weight is negative or the weights sum to 0
     */
    static NormalEquations of(Dataset<Regressor> dataset) {
        ImmutableFeatureMap featureMap = dataset.getFeatureIDMap();
        ImmutableOutputInfo<Regressor> outputInfo = dataset.getOutputIDInfo();
        int d = featureMap.size();
        int m = outputInfo.size();
        if (dataset.size() == 0 || m == 0) {
            throw new IllegalArgumentException("Least squares needs at least one example, found " + dataset.size());
        }
        double[] sums = new double[d];
        double[] outputSums = new double[m];
        double[] min = new double[d];
        double[] max = new double[d];
        int[] present = new int[d];
        double totalWeight = 0;
        int[] ids = new int[d];
        double[] y = new double[m];
        for (Example<Regressor> example : dataset) {
            double w = weight(example);
            totalWeight += w;
            targets(example, outputInfo, y);
            for (int o = 0; o < m; o++) {
                outputSums[o] += w * y[o];
            }
            for (Feature feature : example) {
                int id = featureMap.getID(feature.getName());
                if (id < 0) {
                    continue;
                }
                double v = feature.getValue();
                sums[id] += w * v;
                min[id] = present[id] == 0 ? v : Math.min(min[id], v);
                max[id] = present[id] == 0 ? v : Math.max(max[id], v);
                present[id]++;
            }
        }
        if (!(totalWeight > 0)) {
            throw new IllegalArgumentException("Least squares needs a positive total example weight, found "
                    + totalWeight);
        }
        int n = dataset.size();
        boolean[] constant = new boolean[d];
        double[] means = new double[d];
        for (int j = 0; j < d; j++) {
            means[j] = sums[j] / totalWeight;
            double lo = present[j] < n ? Math.min(min[j], 0) : min[j];
            double hi = present[j] < n ? Math.max(max[j], 0) : max[j];
            constant[j] = present[j] == 0 || lo == hi;
        }
        double[] outputMeans = new double[m];
        for (int o = 0; o < m; o++) {
            outputMeans[o] = outputSums[o] / totalWeight;
        }
        double[][] gram = new double[d][d];
        double[][] rhs = new double[d][m];
        double[] centred = new double[d];
        for (Example<Regressor> example : dataset) {
            double w = weight(example);
            if (w == 0) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                centred[j] = -means[j];
            }
            for (Feature feature : example) {
                int id = featureMap.getID(feature.getName());
                if (id >= 0) {
                    centred[id] += feature.getValue();
                }
            }
            targets(example, outputInfo, y);
            for (int j = 0; j < d; j++) {
                double wx = w * centred[j];
                if (wx == 0) {
                    continue;
                }
                double[] row = gram[j];
                for (int k = j; k < d; k++) {
                    row[k] += wx * centred[k];
                }
                for (int o = 0; o < m; o++) {
                    rhs[j][o] += wx * (y[o] - outputMeans[o]);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < j; k++) {
                gram[j][k] = gram[k][j];
            }
        }
        return new NormalEquations(means, outputMeans, gram, rhs, constant, n);
    }

    private static double weight(Example<Regressor> example) {
        double w = example.getWeight();
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("Example weights must be finite and at least 0, found " + w);
        }
        return w;
    }

    /** Writes the example's value of each output dimension at its Tribuo output id. */
    private static void targets(Example<Regressor> example, ImmutableOutputInfo<Regressor> outputInfo, double[] y) {
        java.util.Arrays.fill(y, Double.NaN);
        for (Regressor.DimensionTuple dimension : example.getOutput()) {
            int id = outputInfo.getID(dimension);
            if (id >= 0) {
                y[id] = dimension.getValue();
            }
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Least squares needs a finite value of every output dimension; "
                        + "an example has " + example.getOutput());
            }
        }
    }
}
