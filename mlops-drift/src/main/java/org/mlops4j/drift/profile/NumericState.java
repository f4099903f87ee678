package org.mlops4j.drift.profile;

import org.mlops4j.core.data.ColumnType;

/**
 * The saved fields of a {@link NumericAccumulator}, as the JSON form holds them.
 *
 * <p>Package-private: not part of the API.
 *
 * @param type               numeric or timestamp
 * @param kllK               the KLL sketch's k
 * @param distinctLgK        log2 of the CPC sketch's size
 * @param exactDistinctLimit the limit of exact value counts (0 when they were dropped)
 * @param nulls              missing values
 * @param nan                NaN values that are not missing values
 * @param positiveInfinity   +infinity values
 * @param negativeInfinity   -infinity values
 * @param zeros              zeros
 * @param negatives          values below zero
 * @param min                smallest finite value (+infinity when none)
 * @param max                largest finite value (-infinity when none)
 * @param moments            moments of the finite values
 * @param kll                the serialised KLL sketch
 * @param exactValues        distinct values in ascending order, or {@code null} when counted by sketch
 * @param exactCounts        their counts, or {@code null}
 * @param cpc                the serialised CPC sketch, or {@code null} while values are counted exactly
 */
record NumericState(ColumnType type, int kllK, int distinctLgK, int exactDistinctLimit, long nulls, long nan,
                           long positiveInfinity, long negativeInfinity, long zeros, long negatives, double min,
                           double max, Moments moments, byte[] kll, double[] exactValues, long[] exactCounts,
                           byte[] cpc) {
}
