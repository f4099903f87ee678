package org.mlops4j.drift.profile;

import java.util.Map;

/**
 * The descriptive statistics of a numeric column in a {@link ProfileReport}, as ydata-profiling shows them. Values
 * are {@code NaN} when the column has no finite value.
 *
 * @param min               smallest finite value
 * @param max               largest finite value
 * @param mean              mean of the finite values
 * @param standardDeviation sample standard deviation
 * @param variance          sample variance
 * @param skewness          adjusted skewness (pandas)
 * @param kurtosis          excess kurtosis (pandas)
 * @param sum               sum of the finite values
 * @param zeros             number of zeros
 * @param negatives         number of values below zero
 * @param infinite          number of infinite values
 * @param quantiles         the 5%, 25%, 50%, 75% and 95% quantiles, keyed {@code "5%"}, {@code "25%"}...
 * @param range             max - min
 * @param interquartileRange 75% quantile - 25% quantile
 * @param coefficientOfVariation standard deviation / mean
 * @param quantilesExact    whether quantiles and the histogram are exact
 * @param rankError         the quantiles' normalised rank error (0 when exact)
 */
public record NumericSummary(double min, double max, double mean, double standardDeviation, double variance,
                             double skewness, double kurtosis, double sum, long zeros, long negatives, long infinite,
                             Map<String, Double> quantiles, double range, double interquartileRange,
                             double coefficientOfVariation, boolean quantilesExact, double rankError) {

    /** Copies the quantiles, keeping their order. */
    public NumericSummary {
        quantiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quantiles));
    }
}
