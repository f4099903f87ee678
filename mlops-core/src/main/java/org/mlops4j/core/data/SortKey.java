package org.mlops4j.core.data;

import java.util.Objects;

/**
 * One key of a sort: a column and a direction.
 *
 * @param column    the column's name
 * @param ascending {@code true} for smallest first
 */
public record SortKey(String column, boolean ascending) {

    /** Checks the column name. */
    public SortKey {
        Objects.requireNonNull(column, "column");
    }

    /** @param column a column's name @return an ascending key */
    public static SortKey asc(String column) {
        return new SortKey(column, true);
    }

    /** @param column a column's name @return a descending key */
    public static SortKey desc(String column) {
        return new SortKey(column, false);
    }
}
