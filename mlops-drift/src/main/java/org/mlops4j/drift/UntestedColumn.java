package org.mlops4j.drift;

import java.util.Objects;

/**
 * A column the drift report could not test, and why: it is empty in a window after dropping missing, {@code NaN} and
 * infinite values, or it holds one and the same value in both windows (nothing to compare). The dataset verdict is
 * made from the tested columns only.
 *
 * @param column the column's name
 * @param reason why it was not tested, for people, such as {@code "constant: every value in both windows is 0.0"}
 */
public record UntestedColumn(String column, String reason) {

    /** Checks that nothing is missing. */
    public UntestedColumn {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reason, "reason");
    }
}
