package org.mlops4j.models;

import java.util.EnumMap;
import java.util.Map;

/**
 * Regression scores computed from predictions, defined as scikit-learn defines them: RMSE is the square root of
 * {@code mean_squared_error}, MAE is {@code mean_absolute_error}, R2 is {@code r2_score} (1 when the truth is
 * constant and predicted exactly, 0 when it is constant and not). Pure functions, safe from several threads.
 */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    /**
     * @param actual    the true values
     * @param predicted the predicted values, same length
     * @return RMSE, MAE and R2; {@code NaN} for an empty input
     */
    public static Map<EvaluationMetric, Double> compute(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " values but predicted has "
                    + predicted.length);
        }
        int n = actual.length;
        double mean = 0;
        for (double a : actual) {
            mean += a;
        }
        mean /= n;
        double squares = 0;
        double absolutes = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double error = actual[i] - predicted[i];
            squares += error * error;
            absolutes += Math.abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        Map<EvaluationMetric, Double> out = new EnumMap<>(EvaluationMetric.class);
        out.put(EvaluationMetric.RMSE, n == 0 ? Double.NaN : Math.sqrt(squares / n));
        out.put(EvaluationMetric.MAE, n == 0 ? Double.NaN : absolutes / n);
        out.put(EvaluationMetric.R2, n == 0 ? Double.NaN : total == 0 ? (squares == 0 ? 1.0 : 0.0) : 1 - squares / total);
        return out;
    }
}
