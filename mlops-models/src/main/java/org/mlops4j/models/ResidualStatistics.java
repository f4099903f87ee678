package org.mlops4j.models;

import java.util.Arrays;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Summary statistics of regression residuals ({@code actual - predicted}) over every row: mean, population
 * standard deviation (numpy's {@code std}, ddof 0), quartiles by linear interpolation (numpy's default
 * {@code percentile}), MAE, RMSE and R².
 */
final class ResidualStatistics {

    private ResidualStatistics() {
    }

    /**
     * @param actual    true values
     * @param predicted predicted values, as many
     * @return the summary; {@code NaN} statistics when there are no rows
     */
    static ResidualSummary summarize(double[] actual, double[] predicted) {
        int n = actual.length;
        double[] residual = new double[n];
        double sum = 0;
        double sumActual = 0;
        double absolute = 0;
        double squared = 0;
        for (int i = 0; i < n; i++) {
            residual[i] = actual[i] - predicted[i];
            sum += residual[i];
            sumActual += actual[i];
            absolute += Math.abs(residual[i]);
            squared += residual[i] * residual[i];
        }
        double mean = sum / n;
        double meanActual = sumActual / n;
        double deviations = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            deviations += (residual[i] - mean) * (residual[i] - mean);
            total += (actual[i] - meanActual) * (actual[i] - meanActual);
        }
        double[] sorted = residual.clone();
        Arrays.sort(sorted);
        double r2 = total == 0 ? (squared == 0 ? 1.0 : 0.0) : 1 - squared / total;
        return new ResidualSummary(n, mean, Math.sqrt(deviations / n), n == 0 ? Double.NaN : sorted[0],
                percentile(sorted, 0.25), percentile(sorted, 0.5), percentile(sorted, 0.75),
                n == 0 ? Double.NaN : sorted[n - 1], absolute / n, Math.sqrt(squared / n), r2);
    }

    /**
     * @param sorted values in ascending order
     * @param q      the quantile, in [0, 1]
     * @return numpy's linear-interpolation percentile
     */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = (sorted.length - 1) * q;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double t = position - below;
        double a = sorted[below];
        double b = sorted[above];
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }
}
