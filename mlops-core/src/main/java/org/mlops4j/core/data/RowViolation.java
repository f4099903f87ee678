package org.mlops4j.core.data;

import java.util.Objects;

/**
 * One value that breaks a row-level rule of a {@link Schema}.
 *
 * @param row      the row's number: 1-based (or from {@link ValidationOptions#firstRowNumber()}), or the source line
 *                 when the options name a line column
 * @param column   the column's name
 * @param rule     the row-level rule broken
 * @param expected what the schema expects, such as {@code "in [0, 89]"}
 * @param found    the value as text, or {@code "null"} for a missing value
 * @param message  the whole story in one line: source, row, column, expected and found
 */
public record RowViolation(long row, String column, ValidationRule rule, String expected, String found,
                           String message) {

    /** Checks that no part is missing and that the rule is a row-level one. */
    public RowViolation {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(message, "message");
        if (!rule.rowLevel()) {
            throw new IllegalArgumentException("Rule " + rule.key() + " is table-level, not row-level");
        }
    }
}
