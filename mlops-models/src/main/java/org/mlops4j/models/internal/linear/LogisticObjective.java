package org.mlops4j.models.internal.linear;

import java.util.Arrays;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>L2-regularised logistic loss as scikit-learn 1.2's {@code LogisticRegression} minimises it with lbfgs:
 * {@code sum_i w_i * loss_i + 0.5 / C * ||coef||^2}, the intercept not penalised. That is scikit-learn's documented
 * objective {@code C * sum_i w_i * loss_i + 0.5 * ||coef||^2} divided by {@code C}: the same optimum, and a gradient
 * on the scale scikit-learn compares with its {@code tol}.
 *
 * <p>Binary (two classes): one weight vector and a sigmoid, the positive class given; the
 * parameters are {@code [coef_0 .. coef_{d-1}, intercept]}. More classes: multinomial softmax over one weight vector
 * per class, the parameters stored feature-major, {@code x[j * K + k]} the weight of feature {@code j} for class
 * {@code k} and {@code x[d * K + k]} the class's intercept, so one row's scores and gradient touch contiguous memory.
 *
 * <p>Each evaluation is one pass over the rows. Not thread-safe (it keeps per-row scratch).
 */
final class LogisticObjective implements DifferentiableFunction {

    private final TrainingMatrix data;
    private final double inverseC;
    private final int k;
    private final double[] scores;
    private final int positive;

    /**
     * @param data     the training rows
     * @param c        the inverse regularisation strength, positive
     * @param positive the positive class's output id (used when there are two classes)
     */
    LogisticObjective(TrainingMatrix data, double c, int positive) {
        this.data = data;
        this.positive = positive;
        this.inverseC = 1.0 / c;
        this.k = data.classes() <= 2 ? 1 : data.classes();
        this.scores = new double[Math.max(1, k)];
    }

    /** @return 1 for a binary problem (one sigmoid), else the number of classes */
    int outputsPerFeature() {
        return k;
    }

    /**
     * @param x parameters
     * @return the Tribuo weight matrix: one row per class by output id, the bias last; for two classes the positive
     *         class's row holds the weights and the other row is zero, so a softmax over the rows is the sigmoid
     */
    double[][] weightMatrix(double[] x) {
        int d = data.columns();
        double[][] out = new double[data.classes()][d + 1];
        if (k == 1) {
            System.arraycopy(x, 0, out[positive], 0, d + 1);
            return out;
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                out[c][j] = x[j * k + c];
            }
            out[c][d] = x[d * k + c];
        }
        return out;
    }

    @Override
    public int dimension() {
        return (data.columns() + 1) * k;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        Arrays.fill(gradient, 0.0);
        double loss = k == 1 ? binary(x, gradient) : multinomial(x, gradient);
        int d = data.columns();
        double penalty = 0;
        for (int j = 0; j < d * k; j++) {
            penalty += x[j] * x[j];
            gradient[j] += inverseC * x[j];
        }
        return loss + 0.5 * inverseC * penalty;
    }

    private double binary(double[] x, double[] gradient) {
        int n = data.rows();
        int d = data.columns();
        double[] values = data.values();
        int[] columnIndex = data.columnIndex();
        int[] rowStart = data.rowStart();
        int[] classOf = data.classOf();
        double[] weights = data.weights();
        boolean dense = data.dense();
        double intercept = x[d];
        double loss = 0;
        double interceptGradient = 0;
        for (int i = 0; i < n; i++) {
            double z = intercept + (dense ? dot(values, i * d, x, d)
                    : sparseDot(values, columnIndex, rowStart[i], rowStart[i + 1], x));
            double w = weights[i];
            double y = classOf[i] == positive ? 1.0 : 0.0;
            double e = Math.exp(-Math.abs(z));
            // log(1 + exp(z)); Math.log(1 + e) rather than the much slower log1p: e <= 1, so the absolute error
            // stays at rounding level, and only absolute errors add up in the sum
            double softplus = Math.max(z, 0.0) + Math.log(1.0 + e);
            double p = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            loss += w * (softplus - y * z);
            double r = w * (p - y);
            interceptGradient += r;
            if (dense) {
                addScaled(r, values, i * d, gradient, d);
            } else {
                sparseAddScaled(r, values, columnIndex, rowStart[i], rowStart[i + 1], gradient);
            }
        }
        gradient[d] = interceptGradient;
        return loss;
    }

    // Small methods, one per loop: the JIT compiles them after a few hundred rows, long before it would compile a
    // whole pass (which runs a few dozen times per fit), so even the first fits of a JVM run mostly compiled code.

    private static double dot(double[] values, int base, double[] x, int d) {
        double z = 0;
        for (int j = 0; j < d; j++) {
            z += values[base + j] * x[j];
        }
        return z;
    }

    private static double sparseDot(double[] values, int[] columnIndex, int from, int to, double[] x) {
        double z = 0;
        for (int p = from; p < to; p++) {
            z += values[p] * x[columnIndex[p]];
        }
        return z;
    }

    private static void addScaled(double r, double[] values, int base, double[] gradient, int d) {
        for (int j = 0; j < d; j++) {
            gradient[j] += r * values[base + j];
        }
    }

    private static void sparseAddScaled(double r, double[] values, int[] columnIndex, int from, int to,
            double[] gradient) {
        for (int p = from; p < to; p++) {
            gradient[columnIndex[p]] += r * values[p];
        }
    }

    private double multinomial(double[] x, double[] gradient) {
        int n = data.rows();
        int d = data.columns();
        double[] values = data.values();
        int[] columnIndex = data.columnIndex();
        int[] rowStart = data.rowStart();
        int[] classOf = data.classOf();
        double[] weights = data.weights();
        boolean dense = data.dense();
        double[] z = scores;
        int interceptBase = d * k;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, interceptBase, z, 0, k);
            if (dense) {
                int base = i * d;
                for (int j = 0; j < d; j++) {
                    double v = values[base + j];
                    int o = j * k;
                    for (int c = 0; c < k; c++) {
                        z[c] += v * x[o + c];
                    }
                }
            } else {
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    double v = values[p];
                    int o = columnIndex[p] * k;
                    for (int c = 0; c < k; c++) {
                        z[c] += v * x[o + c];
                    }
                }
            }
            double max = z[0];
            for (int c = 1; c < k; c++) {
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z[c] - max);
            }
            double w = weights[i];
            int y = classOf[i];
            double logSum = max + Math.log(sum);
            loss += w * (logSum - z[y]);
            for (int c = 0; c < k; c++) { // z becomes the residual w * (softmax - onehot)
                z[c] = w * (Math.exp(z[c] - logSum) - (c == y ? 1.0 : 0.0));
                gradient[interceptBase + c] += z[c];
            }
            if (dense) {
                int base = i * d;
                for (int j = 0; j < d; j++) {
                    double v = values[base + j];
                    int o = j * k;
                    for (int c = 0; c < k; c++) {
                        gradient[o + c] += v * z[c];
                    }
                }
            } else {
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    double v = values[p];
                    int o = columnIndex[p] * k;
                    for (int c = 0; c < k; c++) {
                        gradient[o + c] += v * z[c];
                    }
                }
            }
        }
        return loss;
    }
}
