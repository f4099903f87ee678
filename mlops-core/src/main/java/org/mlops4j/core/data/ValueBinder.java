package org.mlops4j.core.data;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import org.mlops4j.core.data.internal.SqlTimestamps;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * Puts one column's value of a row into an {@code INSERT} statement's parameter, in the form the target column
 * takes: in SQLite numbers as REAL (NaN as NULL, since SQLite has no NaN), booleans as 0/1 and timestamps as UTC text;
 * elsewhere as the SQL type itself, timestamps as UTC date-times.
 */
@FunctionalInterface
interface ValueBinder {

    /**
     * @param statement the statement
     * @param parameter the 1-based parameter index
     * @param row       the table's row
     * @throws SQLException when the driver refuses the value
     */
    void bind(PreparedStatement statement, int parameter, int row) throws SQLException;

    /**
     * @param column  the column to write
     * @param dialect the database
     * @param target  what the target column holds
     * @return a binder, or empty when the target column cannot hold the column's values
     */
    static Optional<ValueBinder> of(Column column, SqlDialect dialect, SqlValueKind target) {
        boolean sqlite = dialect == SqlDialect.SQLITE;
        boolean untyped = target == SqlValueKind.UNTYPED;
        if (column instanceof NumericColumn numbers) {
            if (target != SqlValueKind.NUMBER && !untyped) {
                return Optional.empty();
            }
            return Optional.of((statement, parameter, row) -> {
                double value = numbers.getDouble(row);
                if (numbers.isNull(row) || (sqlite && Double.isNaN(value))) {
                    statement.setNull(parameter, Types.DOUBLE);
                } else {
                    statement.setDouble(parameter, value);
                }
            });
        }
        if (column instanceof BooleanColumn booleans) {
            if (target != SqlValueKind.BOOLEAN && target != SqlValueKind.NUMBER && !untyped) {
                return Optional.empty();
            }
            boolean asNumber = sqlite || target != SqlValueKind.BOOLEAN;
            return Optional.of((statement, parameter, row) -> {
                if (booleans.isNull(row)) {
                    statement.setNull(parameter, asNumber ? Types.INTEGER : Types.BOOLEAN);
                } else if (asNumber) {
                    statement.setInt(parameter, booleans.getBoolean(row) ? 1 : 0);
                } else {
                    statement.setBoolean(parameter, booleans.getBoolean(row));
                }
            });
        }
        if (column instanceof TimestampColumn times) {
            if (!target.isTime() && !target.isString() && !untyped) {
                return Optional.empty();
            }
            boolean asText = sqlite || !target.isTime();
            return Optional.of((statement, parameter, row) -> {
                if (times.isNull(row)) {
                    statement.setNull(parameter, asText ? Types.VARCHAR : Types.TIMESTAMP);
                } else if (asText) {
                    statement.setString(parameter, SqlTimestamps.format(times.getEpochMillis(row)));
                } else {
                    statement.setObject(parameter, SqlTimestamps.toUtc(times.getEpochMillis(row)));
                }
            });
        }
        if (!target.isString() && !untyped) {
            return Optional.empty();
        }
        if (column instanceof CategoricalColumn categories) {
            return Optional.of((statement, parameter, row) -> setString(statement, parameter,
                    categories.getString(row)));
        }
        TextColumn texts = column.asText();
        return Optional.of((statement, parameter, row) -> setString(statement, parameter, texts.getString(row)));
    }

    private static void setString(PreparedStatement statement, int parameter, String value) throws SQLException {
        if (value == null) {
            statement.setNull(parameter, Types.VARCHAR);
        } else {
            statement.setString(parameter, value);
        }
    }
}
