package org.mlops4j.core.data;

import java.util.Objects;

/**
 * A table read from CSV together with the report of how it was read.
 *
 * @param table  the rows that were read
 * @param report counts of rows read and quarantined, and the columns' types
 */
public record CsvReadResult(Table table, CsvReadReport report) {

    /** Checks the values. */
    public CsvReadResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(report, "report");
    }
}
