package org.mlops4j.drift.profile;

import org.mlops4j.core.data.ColumnType;

/**
 * The statistics of one column, computed in one pass with bounded memory and mergeable with the profile of the same
 * column over other rows. Numeric and timestamp columns give a {@link NumericProfile}; categorical, boolean and text
 * columns a {@link CategoricalProfile}.
 *
 * <p>Profiles are immutable and safe to share between threads; {@link #merge} returns a new profile.
 */
public sealed interface ColumnProfile permits NumericProfile, CategoricalProfile {

    /** @return the column's name */
    String name();

    /** @return the column's type */
    ColumnType type();

    /** @return the number of rows: values, missing values and (numeric) NaN */
    long rowCount();

    /** @return the number of missing (null) values */
    long nullCount();

    /**
     * @return the number of values treated as missing in reports and drift: nulls, and for numeric columns also
     *         {@code NaN}
     */
    long missingCount();

    /** @return the number of distinct values other than missing ones, exact or estimated */
    DistinctCount distinct();

    /**
     * @param other the profile of the same column over other rows
     * @return the profile of both sets of rows
     * @throws org.mlops4j.core.MlopsException when the names or kinds of profile differ
     */
    ColumnProfile merge(ColumnProfile other);
}
