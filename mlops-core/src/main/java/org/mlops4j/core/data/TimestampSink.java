package org.mlops4j.core.data;

import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.mlops4j.core.data.internal.SqlTimestamps;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * Reads points in time. SQL timestamps without a time zone and dates are taken as UTC, those with a time zone are
 * converted to UTC; nothing depends on the JVM's default time zone. Text is read as ISO-8601 (see
 * {@link SqlTimestamps#parse(String)}) and integers as epoch milliseconds, which is how SQLite tools store times.
 */
final class TimestampSink implements ColumnSink {

    private final ResultColumn column;
    private final boolean direct;
    private final TimestampColumn.Builder values;

    /**
     * @param column  the result column
     * @param dialect the database
     */
    public TimestampSink(ResultColumn column, SqlDialect dialect) {
        this.column = column;
        this.direct = column.kind().isTime() && !dialect.dynamicTyping();
        this.values = TimestampColumn.builder(column.name(), 1024);
    }

    @Override
    public void read(ResultSet resultSet, long row) throws SQLException {
        Object value = direct ? readTyped(resultSet) : resultSet.getObject(column.index());
        if (value == null) {
            values.addNull();
            return;
        }
        try {
            values.addEpochMillis(toEpochMillis(value, resultSet, row));
        } catch (DateTimeException | ArithmeticException e) {
            throw column.misfit(row, value, ColumnType.TIMESTAMP, "it is not a date and time (" + e.getMessage()
                    + ")", e);
        }
    }

    private Object readTyped(ResultSet resultSet) throws SQLException {
        int index = column.index();
        return switch (column.kind()) {
            case OFFSET_TIMESTAMP -> resultSet.getObject(index, OffsetDateTime.class);
            case DATE -> resultSet.getObject(index, LocalDate.class);
            default -> resultSet.getObject(index, LocalDateTime.class);
        };
    }

    private long toEpochMillis(Object value, ResultSet resultSet, long row) throws SQLException {
        if (value instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof java.sql.Date date) {
            return toEpochMillis(date.toLocalDate(), resultSet, row);
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d != Math.rint(d) || Math.abs(d) > 9.2e18) {
                throw column.misfit(row, value, ColumnType.TIMESTAMP,
                        "a number is read as whole epoch milliseconds, and this one is not whole", null);
            }
            return (long) d;
        }
        if (value instanceof String || value instanceof Clob) {
            String text = value instanceof String s ? s : resultSet.getString(column.index());
            return SqlTimestamps.parse(text);
        }
        throw column.misfit(row, value, ColumnType.TIMESTAMP, "the driver returned a "
                + value.getClass().getName() + ", which is not a date and time", null);
    }

    @Override
    public Column build() {
        return values.build();
    }
}
