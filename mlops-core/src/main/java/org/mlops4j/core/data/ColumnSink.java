package org.mlops4j.core.data;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Collects one column of a query result, row by row, into a {@link Column}.
 */
interface ColumnSink {

    /**
     * Reads this column's value in the result set's current row.
     *
     * @param resultSet the result, positioned on a row
     * @param row       the 1-based row number, for messages
     * @throws SQLException when the driver fails
     * @throws org.mlops4j.core.DataException when the value does not fit the column's type
     */
    void read(ResultSet resultSet, long row) throws SQLException;

    /** @return the column with every value read so far */
    Column build();
}
