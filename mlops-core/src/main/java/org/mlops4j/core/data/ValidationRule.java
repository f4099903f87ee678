package org.mlops4j.core.data;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The rules that {@link Schema#validate(Table)} checks. Table-level rules concern the table's columns as a whole and
 * appear as {@link TableProblem}s; row-level rules concern single values and appear as {@link RowViolation}s.
 */
public enum ValidationRule {
    /** The schema names a column the table lacks. Table-level. */
    MISSING_COLUMN(false),
    /** The table has a column the schema does not name, and the schema's policy is {@link ExtraColumnPolicy#FAIL}. */
    EXTRA_COLUMN(false),
    /** The schema asks for a strict column order and the table's columns are in another order. Table-level. */
    COLUMN_ORDER(false),
    /** A whole column has another type than the schema's. Table-level. */
    COLUMN_TYPE(false),
    /** A value is null in a column that is not nullable. Row-level. */
    NOT_NULL(true),
    /** A categorical or text value is not among the column's allowed values. Row-level. */
    ALLOWED_VALUES(true),
    /** A numeric value is below the column's minimum, above its maximum, or NaN where a range is set. Row-level. */
    RANGE(true),
    /**
     * A value in a text or categorical column is not a number where the schema says numeric (the column is converted
     * and only such rows are rejected). Row-level.
     */
    VALUE_TYPE(true);

    private final boolean rowLevel;

    ValidationRule(boolean rowLevel) {
        this.rowLevel = rowLevel;
    }

    /** @return whether the rule concerns single values (true) or whole columns (false) */
    public boolean rowLevel() {
        return rowLevel;
    }

    /** @return the lower-case name used in reports and JSON, such as {@code "not_null"} */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
