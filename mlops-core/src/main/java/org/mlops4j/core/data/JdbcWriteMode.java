package org.mlops4j.core.data;

/**
 * What {@link JdbcTableWriter} does when the target table exists. In every mode a missing table is created.
 */
public enum JdbcWriteMode {
    /** Drop the existing table and create it anew with the table's columns. */
    REPLACE,
    /**
     * Add the rows to the existing table; every column of the table must exist in it, with a compatible type. Columns
     * of the database table that the table lacks get their default value (usually NULL).
     */
    APPEND,
    /** Refuse to write, with a {@link JdbcException}, and leave the existing table as it is. */
    FAIL_IF_EXISTS
}
