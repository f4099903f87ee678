package org.mlops4j.drift.profile;

/**
 * One bin of a histogram: values from {@code lower} (inclusive) to {@code upper} (exclusive, inclusive for the last
 * bin, as numpy bins). Counts from a quantile sketch are estimates and need not be whole numbers.
 *
 * @param lower the bin's lower edge
 * @param upper the bin's upper edge
 * @param count how many values fall in the bin, exact or estimated
 */
public record HistogramBin(double lower, double upper, double count) {
}
