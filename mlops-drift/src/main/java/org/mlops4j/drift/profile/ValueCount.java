package org.mlops4j.drift.profile;

/**
 * How often a level occurs in a column. Exact counts have equal bounds; counts from a frequent-items sketch carry
 * the sketch's guaranteed bounds.
 *
 * @param value      the level
 * @param count      its count or estimate
 * @param lowerBound a guaranteed lower bound
 * @param upperBound a guaranteed upper bound
 */
public record ValueCount(String value, long count, long lowerBound, long upperBound) {

    /** @return whether the count is exact */
    public boolean exact() {
        return lowerBound == upperBound;
    }
}
