package org.mlops4j.core.data;

import org.mlops4j.core.DataException;

/**
 * One column of a query result being read: where it comes from, what the database says it holds and the column type
 * it is read as. Builds the messages for values that do not fit.
 *
 * @param source   the table or query, with the database's URL, for messages
 * @param name     the column's label in the result
 * @param index    the 1-based index in the result
 * @param typeName the SQL type name the database reports
 * @param kind     what the database column holds
 * @param forced   whether the column type was set by the caller rather than taken from the SQL type
 */
record ResultColumn(String source, String name, int index, String typeName, SqlValueKind kind,
        boolean forced) {

    /**
     * @param row    the 1-based row number
     * @param value  the value as read
     * @param target the column type it should have become
     * @param reason why it does not fit, such as "it is not a number"
     * @param cause  the underlying failure, or {@code null}
     * @return an exception naming source, row, column and value, and how to read the column otherwise
     */
    public DataException misfit(long row, Object value, ColumnType target, String reason, Throwable cause) {
        String why = forced ? "its type was set to " + target.key() + " by the reader's columnType option"
                : "its SQL type " + typeName + " maps to " + target.key();
        String problem = "Row " + row + " of column '" + name + "' cannot be read as " + target.key() + ": " + reason
                + ". The column is read as " + target.key() + " because " + why + "; fix the value, or read the"
                + " column as another type with JdbcTableReader.Builder.columnType(\"" + name + "\", ...)";
        return DataException.atRow(problem, source, row, name, String.valueOf(value), cause);
    }
}
