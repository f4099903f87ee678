package org.mlops4j.drift.profile;

import org.apache.datasketches.cpc.CpcSketch;

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

    /**
     * @param sketch a CPC sketch of the distinct values
     * @param atMost how many values were counted: no bound exceeds it
     * @return the sketch's estimate with bounds at three standard errors
     */
    static DistinctCount estimated(CpcSketch sketch, long atMost) {
        return new DistinctCount(Math.min(atMost, sketch.getEstimate()), Math.min(atMost, sketch.getLowerBound(3)),
                Math.min(atMost, sketch.getUpperBound(3)), false);
    }

    /** @return the estimate rounded to a whole number */
    public long rounded() {
        return Math.round(estimate);
    }
}
