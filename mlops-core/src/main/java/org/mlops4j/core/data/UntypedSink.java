package org.mlops4j.core.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.DataException;

/**
 * Reads a column whose SQL type says nothing (SQLite columns without a declared type, such as expressions): a column
 * of numbers becomes numeric, one with any text becomes a string column (numbers in it as their text), a column of
 * nulls only becomes numeric.
 */
final class UntypedSink implements ColumnSink {

    private final ResultColumn column;
    private final List<Object> values = new ArrayList<>();
    private boolean onlyNumbers = true;

    /** @param column the result column */
    public UntypedSink(ResultColumn column) {
        this.column = column;
    }

    @Override
    public void read(ResultSet resultSet, long row) throws SQLException {
        Object value = resultSet.getObject(column.index());
        if (value instanceof byte[]) {
            throw DataException.atRow("Column '" + column.name() + "' holds bytes (a BLOB), which no column type"
                    + " holds; leave the column out of the query or convert it",
                    column.source(), row, column.name(), "(" + ((byte[]) value).length + " bytes)", null);
        }
        if (value != null && !(value instanceof Number)) {
            onlyNumbers = false;
        }
        values.add(value);
    }

    @Override
    public Column build() {
        if (onlyNumbers) {
            NumericColumn.Builder out = NumericColumn.builder(column.name(), values.size());
            for (Object value : values) {
                out.add(value == null ? null : ((Number) value).doubleValue());
            }
            return out.build();
        }
        StringSink strings = new StringSink(column, null);
        for (Object value : values) {
            strings.add(value == null ? null : value.toString());
        }
        return strings.build();
    }
}
