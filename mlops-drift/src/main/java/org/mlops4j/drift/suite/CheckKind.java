package org.mlops4j.drift.suite;

import java.util.Arrays;
import org.mlops4j.core.ConfigurationException;

/** The checks a suite can hold, with the names a suite file gives them. */
public enum CheckKind {
    /** Rows in the current window; by default within 10 % of the reference's rows. */
    ROW_COUNT("row_count"),
    /** Share of missing values per column; by default at most 1.1 × the reference's share. */
    MISSING_SHARE("missing_share"),
    /** Categories of the current window that the reference does not have, per column; by default none. */
    NEW_CATEGORIES("new_categories"),
    /** Share of current numeric values outside the reference's [min, max], per column; by default none. */
    OUT_OF_RANGE_SHARE("out_of_range_share"),
    /**
     * Columns missing from the current window or of another type (categorical and text count as one); by default
     * none.
     */
    COLUMN_TYPES("column_types"),
    /** Drift of each column by its statistical test and threshold (options {@code stattest}, {@code threshold}). */
    COLUMN_DRIFT("column_drift"),
    /** Share of drifted columns; by default at most one third, as Evidently's {@code TestShareOfDriftedColumns}. */
    DRIFTED_SHARE("drifted_share"),
    /**
     * A model quality metric on a labelled window (options {@code metric}, {@code target}, {@code prediction}); by
     * default within 20 % of the reference window's value (10 % for the regression metrics rmse, mae and r2), as
     * Evidently's quality tests.
     */
    MODEL_QUALITY("model_quality");

    private final String key;

    CheckKind(String key) {
        this.key = key;
    }

    /** @return the name in a suite file, such as {@code "missing_share"} */
    public String key() {
        return key;
    }

    /**
     * @param key a check's name in a suite file
     * @return its kind
     * @throws ConfigurationException naming the known checks
     */
    public static CheckKind fromKey(String key) {
        for (CheckKind kind : values()) {
            if (kind.key.equalsIgnoreCase(key.trim())) {
                return kind;
            }
        }
        throw new ConfigurationException("Unknown check '" + key + "'; expected one of "
                + Arrays.stream(values()).map(CheckKind::key).toList());
    }
}
