package org.mlops4j.drift.profile;

/**
 * Pearson's correlation between two numeric columns over the rows where both are finite (pairwise complete, as
 * pandas' {@code corr()}), computed from exact streaming co-moments.
 *
 * @param first   one column
 * @param second  the other column
 * @param pearson Pearson's r, {@code NaN} when a column is constant over the pairs or there are fewer than two
 * @param pairs   the number of rows where both are finite
 */
public record Correlation(String first, String second, double pearson, long pairs) {
}
