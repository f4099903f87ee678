package org.mlops4j.drift.profile;

/**
 * The number of distinct values in a column: exact while the profile counts values one by one, otherwise a CPC
 * sketch's estimate with bounds at three standard errors (about 99.7% confidence).
 *
 * @param estimate   the count or its estimate
 * @param lowerBound the lower bound (equal to the estimate when exact)
 * @param upperBound the upper bound (equal to the estimate when exact)
 * @param exact      whether the count is exact
 */
public record DistinctCount(double estimate, double lowerBound, double upperBound, boolean exact) {

    /**
     * @param count an exact count
     * @return the exact distinct count
     */
    public static DistinctCount exactly(long count) {
        return new DistinctCount(count, count, count, true);
    }

    /** @return the estimate rounded to a whole number */
    public long rounded() {
        return Math.round(estimate);
    }
}
