package org.mlops4j.core.data;

import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * Reads numbers. Columns of a numeric SQL type in a strictly typed database are read with {@code getDouble}; any
 * other column value by value, accepting numbers, booleans (1 and 0) and text that is a decimal number, {@code NaN} or
 * {@code [-+]Infinity}.
 */
final class NumericSink implements ColumnSink {

    private final ResultColumn column;
    private final boolean direct;
    private final NumericColumn.Builder values;

    /**
     * @param column  the result column
     * @param dialect the database
     */
    public NumericSink(ResultColumn column, SqlDialect dialect) {
        this.column = column;
        this.direct = column.kind() == SqlValueKind.NUMBER && !dialect.dynamicTyping();
        this.values = NumericColumn.builder(column.name(), 1024);
    }

    @Override
    public void read(ResultSet resultSet, long row) throws SQLException {
        if (direct) {
            double value = resultSet.getDouble(column.index());
            if (resultSet.wasNull()) {
                values.addNull();
            } else {
                values.add(value);
            }
            return;
        }
        Object value = resultSet.getObject(column.index());
        if (value == null) {
            values.addNull();
        } else if (value instanceof Number number) {
            values.add(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            values.add(bool ? 1.0 : 0.0);
        } else {
            String text = value instanceof Clob ? resultSet.getString(column.index()) : value.toString();
            values.add(parse(text, row));
        }
    }

    private double parse(String text, long row) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw column.misfit(row, text, ColumnType.NUMERIC, "it is empty text, not a number or NULL", null);
        }
        char last = Character.toLowerCase(trimmed.charAt(trimmed.length() - 1));
        if (last == 'd' || last == 'f' || trimmed.startsWith("0x") || trimmed.startsWith("0X")) {
            throw column.misfit(row, text, ColumnType.NUMERIC, "it is not a decimal number", null);
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw column.misfit(row, text, ColumnType.NUMERIC, "it is not a number", e);
        }
    }

    @Override
    public Column build() {
        return values.build();
    }
}
