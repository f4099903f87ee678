package org.mlops4j.core.data;

import java.util.Objects;

/**
 * A table cut in two by rows: {@link Table#splitAt(int)} (the first rows and the rest, in order) or
 * {@link Table#randomSplit(double, long)} (a seeded random share and the rest, each in the table's order).
 *
 * @param first  the first part: the rows before the cut, or the random share
 * @param second the other rows
 */
public record TableSplit(Table first, Table second) {

    /** Checks that both parts are present. */
    public TableSplit {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
