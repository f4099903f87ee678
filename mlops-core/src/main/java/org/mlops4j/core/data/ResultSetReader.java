package org.mlops4j.core.data;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlops4j.core.DataException;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * Reads a whole {@link ResultSet} into a {@link Table}: one {@link ColumnSink} per result column, chosen from the
 * caller's column types first, then from the SQL type.
 */
final class ResultSetReader {

    private ResultSetReader() {
    }

    /**
     * @param resultSet   the result, before its first row; it is read to the end but not closed
     * @param dialect     the database
     * @param source      the table or query, with the database's URL, for messages
     * @param columnTypes column types set by the caller, by column label
     * @param stringsAs   the type of every string column the caller did not set; {@code null} to take it from the SQL
     *                    type, or from the values where the SQL type does not tell (see {@link StringSink#chooseType})
     * @param fromValues  whether the values decide the type of every string column the caller did not set, whatever
     *                    its SQL type (ignored when {@code stringsAs} is set)
     * @return the table
     * @throws SQLException  when the driver fails
     * @throws DataException when a value does not fit its column's type, a label repeats, or a column type is set for
     *                       a column the result does not have
     */
    public static Table read(ResultSet resultSet, SqlDialect dialect, String source,
            Map<String, ColumnType> columnTypes, ColumnType stringsAs, boolean fromValues) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        int count = meta.getColumnCount();
        List<ColumnSink> sinks = new ArrayList<>(count);
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 1; i <= count; i++) {
            String label = meta.getColumnLabel(i);
            if (!labels.add(label)) {
                throw new DataException("The result has two columns named '" + label + "'; give them distinct names"
                        + " with AS in the query", source, 0, label, null);
            }
            sinks.add(sinkFor(new ResultColumn(source, label, i, meta.getColumnTypeName(i), kind(meta, i, dialect),
                    columnTypes.containsKey(label)), dialect, columnTypes.get(label), stringsAs, fromValues));
        }
        Set<String> unknown = new HashSet<>(columnTypes.keySet());
        unknown.removeAll(labels);
        if (!unknown.isEmpty()) {
            throw new DataException("Column types are set for " + unknown + ", which the result does not have; its"
                    + " columns are " + labels, source, 0, null, null);
        }
        long row = 0;
        while (resultSet.next()) {
            row++;
            for (ColumnSink sink : sinks) {
                sink.read(resultSet, row);
            }
        }
        List<Column> columns = new ArrayList<>(count);
        for (ColumnSink sink : sinks) {
            columns.add(sink.build());
        }
        return Table.of(columns);
    }

    /**
     * SQLite reports the declared type of a column that comes straight from a table, and for an expression the type
     * of its first value; an expression (no table name) is therefore typed by all its values instead.
     */
    private static SqlValueKind kind(ResultSetMetaData meta, int index, SqlDialect dialect) throws SQLException {
        if (dialect == SqlDialect.SQLITE) {
            String table = meta.getTableName(index);
            if (table == null || table.isEmpty()) {
                return SqlValueKind.UNTYPED;
            }
        }
        return SqlValueKind.of(dialect, meta.getColumnType(index), meta.getColumnTypeName(index));
    }

    private static ColumnSink sinkFor(ResultColumn column, SqlDialect dialect, ColumnType forced,
            ColumnType stringsAs, boolean fromValues) {
        SqlValueKind kind = column.kind();
        ColumnType target;
        if (forced != null) {
            target = forced;
        } else if (kind.isString() && stringsAs != null) {
            target = stringsAs;
        } else if (kind.isString() && fromValues) {
            target = null;
        } else {
            target = kind.defaultColumnType().orElse(null);
        }
        if (target == null) {
            return switch (kind) {
                case STRING, SHORT_STRING, LONG_STRING -> new StringSink(column, null);
                case UNTYPED -> new UntypedSink(column);
                default -> throw new DataException("Column '" + column.name() + "' has SQL type "
                        + column.typeName() + ", which no column type holds; leave it out of the query, convert it"
                        + " in SQL (such as CAST(" + column.name() + " AS VARCHAR)), or read it as text with"
                        + " JdbcTableReader.Builder.columnType(\"" + column.name() + "\", ColumnType.TEXT)",
                        column.source(), 0, column.name(), null);
            };
        }
        return switch (target) {
            case NUMERIC -> new NumericSink(column, dialect);
            case BOOLEAN -> new BooleanSink(column, dialect);
            case TIMESTAMP -> new TimestampSink(column, dialect);
            case CATEGORICAL, TEXT -> new StringSink(column, target);
        };
    }
}
