package org.mlops4j.core.data;

import java.util.Objects;

/**
 * How many values of one column break one row-level rule. Reports list these completely, however many violations
 * they keep in detail.
 *
 * @param column the column's name
 * @param rule   the row-level rule
 * @param count  how many values break it, > 0
 */
public record ViolationCount(String column, ValidationRule rule, long count) {

    /** Checks that no part is missing. */
    public ViolationCount {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rule, "rule");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, found " + count);
        }
    }
}
