package org.mlops4j.core.data;

/**
 * One immutable, typed column of a {@link Table}: a name and a value (or null) per row.
 *
 * <p>Each {@link ColumnType} has one implementation; switch over them with pattern matching on this sealed type.
 * Columns are immutable and safe to share between threads and tables: operations that change something return a new
 * column, and operations that change nothing (such as renaming) share the underlying storage.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, BooleanColumn, TimestampColumn, TextColumn {

    /** @return the column's name, never blank */
    String name();

    /** @return the column's type */
    ColumnType type();

    /** @return the number of rows */
    int size();

    /**
     * @param row a row index from 0 to {@code size() - 1}
     * @return whether the value in this row is null (missing)
     */
    boolean isNull(int row);

    /** @return how many rows hold null */
    int nullCount();

    /**
     * The value in a row as an object: {@link Double}, {@link String}, {@link Boolean}, {@link java.time.Instant} or
     * {@code null}. Meant for generic code and display; typed columns have faster accessors.
     *
     * @param row a row index from 0 to {@code size() - 1}
     * @return the value, or {@code null} for a missing value
     */
    Object get(int row);

    /**
     * The value in a row as text, as a CSV writer would write it; empty for null.
     *
     * @param row a row index from 0 to {@code size() - 1}
     * @return the value's text form
     */
    String format(int row);

    /**
     * @param newName the new name
     * @return this column under another name, sharing its storage
     */
    Column rename(String newName);

    /**
     * Picks rows by index, in the given order; indices may repeat.
     *
     * @param rows row indices from 0 to {@code size() - 1}
     * @return a new column with {@code rows.length} rows
     */
    Column take(int[] rows);

    /**
     * Appends the rows of another column of the same type.
     *
     * @param other a column of the same type (its name is ignored)
     * @return a new column with this column's rows followed by the other's
     * @throws IllegalArgumentException when the types differ
     */
    Column concat(Column other);

    /**
     * Compares two rows of this column for sorting; null sorts after every value.
     *
     * @param a a row index
     * @param b a row index
     * @return negative, zero or positive as row {@code a} sorts before, with or after row {@code b}
     */
    int compareRows(int a, int b);

    /**
     * A key for grouping and de-duplication: equal values give equal keys, and null gives {@code null}.
     *
     * @param row a row index
     * @return a value with meaningful {@code equals} and {@code hashCode}
     */
    Object groupKey(int row);

    /** @return an estimate of the heap bytes this column's storage uses */
    long estimatedBytes();

    /**
     * @return this column, when it is numeric
     * @throws org.mlops4j.core.DataException naming the actual type; for a text or categorical column, also the first
     *         value that is not a number and its 1-based row
     */
    default NumericColumn asNumeric() {
        if (this instanceof NumericColumn c) {
            return c;
        }
        throw Columns.wrongType(this, ColumnType.NUMERIC);
    }

    /** @return a categorical view of this column, or an exception naming the actual type */
    default CategoricalColumn asCategorical() {
        if (this instanceof CategoricalColumn c) {
            return c;
        }
        throw Columns.wrongType(this, ColumnType.CATEGORICAL);
    }

    /** @return a boolean view of this column, or an exception naming the actual type */
    default BooleanColumn asBoolean() {
        if (this instanceof BooleanColumn c) {
            return c;
        }
        throw Columns.wrongType(this, ColumnType.BOOLEAN);
    }

    /** @return a timestamp view of this column, or an exception naming the actual type */
    default TimestampColumn asTimestamp() {
        if (this instanceof TimestampColumn c) {
            return c;
        }
        throw Columns.wrongType(this, ColumnType.TIMESTAMP);
    }

    /** @return a text view of this column, or an exception naming the actual type */
    default TextColumn asText() {
        if (this instanceof TextColumn c) {
            return c;
        }
        throw Columns.wrongType(this, ColumnType.TEXT);
    }
}
