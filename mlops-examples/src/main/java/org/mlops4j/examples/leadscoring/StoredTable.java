package org.mlops4j.examples.leadscoring;

import java.util.Objects;

/**
 * A table a pipeline step wrote to the pipeline's database: what the step hands to the next one, which reads the
 * table back from the database.
 *
 * @param table the database table's name, such as {@code loaded_data}
 * @param rows  how many rows were written
 */
public record StoredTable(String table, int rows) {

    /** Checks the values. */
    public StoredTable {
        Objects.requireNonNull(table, "table");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, was " + rows);
        }
    }
}
