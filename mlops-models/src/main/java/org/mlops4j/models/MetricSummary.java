package org.mlops4j.models;

import java.util.List;

/**
 * One metric over the folds of a cross-validation: the value of each fold, their mean and their standard deviation
 * (population, {@code ddof=0}, as {@code numpy.std}).
 *
 * <p>A metric that cannot be computed for a model (AUC of a model without probabilities) is <em>not available</em>:
 * {@link #available()} is false and mean and std are {@code NaN}.
 *
 * @param mean      the mean over folds, {@code NaN} when not available
 * @param std       the population standard deviation over folds, {@code NaN} when not available
 * @param folds     the value of each fold, in fold order (empty when not available)
 * @param available whether the metric could be computed for every fold
 */
public record MetricSummary(double mean, double std, List<Double> folds, boolean available) {

    /** Copies the fold values. */
    public MetricSummary {
        folds = List.copyOf(folds);
    }

    /** @return the summary of a metric that this model cannot produce */
    public static MetricSummary notAvailable() {
        return new MetricSummary(Double.NaN, Double.NaN, List.of(), false);
    }

    /**
     * @param values one value per fold; a {@code NaN} value makes the whole summary not available
     * @return their summary
     */
    public static MetricSummary of(List<Double> values) {
        if (values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isNaN())) {
            return notAvailable();
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MetricSummary(mean, Math.sqrt(squares / values.size()), values, true);
    }
}
