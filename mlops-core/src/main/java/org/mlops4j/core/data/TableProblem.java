package org.mlops4j.core.data;

import java.util.Objects;

/**
 * A way in which a table as a whole does not match a {@link Schema}: a missing, extra, misordered or mistyped column.
 * Any table problem makes the table invalid and every row rejected.
 *
 * @param rule     the table-level rule broken
 * @param column   the column concerned (for an order problem, the first column out of place)
 * @param expected what the schema expects, such as {@code "numeric"}
 * @param found    what the table has, such as {@code "text"}
 * @param message  the whole story in one sentence: source, column, expected, found and how to fix it
 */
public record TableProblem(ValidationRule rule, String column, String expected, String found, String message) {

    /** Checks that no part is missing and that the rule is a table-level one. */
    public TableProblem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(message, "message");
        if (rule.rowLevel()) {
            throw new IllegalArgumentException("Rule " + rule.key() + " is row-level, not table-level");
        }
    }
}
