package org.mlops4j.core.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * Reads true/false values: SQL booleans, the numbers 1 and 0, and the text {@code true}, {@code false}, {@code t},
 * {@code f}, {@code yes}, {@code no}, {@code 1}, {@code 0} in any case.
 */
final class BooleanSink implements ColumnSink {

    private final ResultColumn column;
    private final boolean direct;
    private final BooleanColumn.Builder values;

    /**
     * @param column  the result column
     * @param dialect the database
     */
    public BooleanSink(ResultColumn column, SqlDialect dialect) {
        this.column = column;
        this.direct = column.kind() == SqlValueKind.BOOLEAN && !dialect.dynamicTyping();
        this.values = BooleanColumn.builder(column.name());
    }

    @Override
    public void read(ResultSet resultSet, long row) throws SQLException {
        if (direct) {
            boolean value = resultSet.getBoolean(column.index());
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
        } else if (value instanceof Boolean bool) {
            values.add(bool.booleanValue());
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d != 0.0 && d != 1.0) {
                throw column.misfit(row, value, ColumnType.BOOLEAN, "only the numbers 1 and 0 are booleans", null);
            }
            values.add(d == 1.0);
        } else {
            values.add(parse(resultSet.getString(column.index()), row));
        }
    }

    private boolean parse(String text, long row) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "1" -> true;
            case "false", "f", "no", "0" -> false;
            default -> throw column.misfit(row, text, ColumnType.BOOLEAN,
                    "expected true, false, t, f, yes, no, 1 or 0", null);
        };
    }

    @Override
    public Column build() {
        return values.build();
    }
}
