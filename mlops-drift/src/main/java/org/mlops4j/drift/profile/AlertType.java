package org.mlops4j.drift.profile;

/**
 * The kinds of warnings a {@link ProfileReport} raises, named and judged as ydata-profiling's alerts; thresholds in
 * {@link AlertThresholds}.
 */
public enum AlertType {
    /** The column has a single distinct value. */
    CONSTANT,
    /** Every non-missing value is different (judged only when the distinct count is exact). */
    UNIQUE,
    /** A categorical or text column has more distinct values than the threshold. */
    HIGH_CARDINALITY,
    /** The absolute skewness exceeds the threshold. */
    SKEWED,
    /** The share of zeros exceeds the threshold. */
    ZEROS,
    /** The share of missing values exceeds the threshold. */
    MISSING,
    /** The share of infinite values exceeds the threshold. */
    INFINITE,
    /** The levels of a categorical column are unevenly spread: {@code 1 - entropy / ln(levels)} above threshold. */
    IMBALANCE,
    /** The table has duplicate rows. */
    DUPLICATES,
    /** Two numeric columns have an absolute Pearson correlation above the threshold. */
    HIGH_CORRELATION,
    /** The table has no rows. */
    EMPTY
}
