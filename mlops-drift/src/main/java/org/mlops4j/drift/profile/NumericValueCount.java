package org.mlops4j.drift.profile;

/**
 * How often a number occurs in a numeric column (exact).
 *
 * @param value the number
 * @param count how often it occurs
 */
public record NumericValueCount(double value, long count) {
}
