package org.mlops4j.core;

import java.util.Optional;

/**
 * Input data is malformed: a file cannot be parsed, a value has the wrong type, a column is missing or repeated.
 *
 * <p>The exception carries the location of the bad value as far as it is known (the source, such as a file path or a
 * database table; the 1-based line or row; the column; the value itself), and the message always spells it out, with
 * the column and the value shown by {@link PrintableValue} (control characters such as NUL escaped, long values
 * shortened); the accessors give them as they were read.
 */
public class DataException extends MlopsException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;
    private final String value;

    /**
     * @param problem what is wrong, without the location (it is appended)
     * @param source  the file, table or stream the data came from; {@code null} when unknown
     * @param line    the 1-based line (for files) or row number; 0 or less when unknown
     * @param column  the column's name; {@code null} when the problem is not about one column
     * @param value   the offending value as it was read; {@code null} when not about one value
     */
    public DataException(String problem, String source, long line, String column, String value) {
        this(problem, source, line, column, value, null);
    }

    /**
     * @param problem what is wrong, without the location (it is appended)
     * @param source  the file, table or stream the data came from; {@code null} when unknown
     * @param line    the 1-based line (for files) or row number; 0 or less when unknown
     * @param column  the column's name; {@code null} when the problem is not about one column
     * @param value   the offending value as it was read; {@code null} when not about one value
     * @param cause   the underlying failure, or {@code null}
     */
    public DataException(String problem, String source, long line, String column, String value, Throwable cause) {
        this(problem, source, line, "line", column, value, cause);
    }

    private DataException(String problem, String source, long line, String unit, String column, String value,
            Throwable cause) {
        super(describe(problem, source, line, unit, column, value), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    /**
     * A problem located by row number rather than by file line, as for database tables and in-memory tables.
     *
     * @param problem what is wrong, without the location (it is appended)
     * @param source  the table or query the data came from; {@code null} when unknown
     * @param row     the 1-based row number; 0 or less when unknown
     * @param column  the column's name; {@code null} when the problem is not about one column
     * @param value   the offending value as it was read; {@code null} when not about one value
     * @param cause   the underlying failure, or {@code null}
     * @return the exception, with "row N" in its message
     */
    public static DataException atRow(String problem, String source, long row, String column, String value,
            Throwable cause) {
        return new DataException(problem, source, row, "row", column, value, cause);
    }

    /** @return the file, table or stream the data came from, if known */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** @return the 1-based line (or, for {@link #atRow}, row) number, or 0 when unknown */
    public long line() {
        return Math.max(0, line);
    }

    /** @return the column's name, if the problem is about one column */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** @return the offending value as it was read, if the problem is about one value */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    private static String describe(String problem, String source, long line, String unit, String column,
            String value) {
        StringBuilder where = new StringBuilder();
        if (source != null) {
            where.append(source);
        }
        if (line > 0) {
            where.append(where.length() > 0 ? ", " : "").append(unit).append(' ').append(line);
        }
        if (column != null) {
            where.append(where.length() > 0 ? ", " : "").append("column ").append(PrintableValue.quoted(column));
        }
        if (value != null) {
            where.append(where.length() > 0 ? ", " : "").append("value ").append(PrintableValue.quoted(value));
        }
        return where.length() == 0 ? problem : problem + " (" + where + ")";
    }
}
