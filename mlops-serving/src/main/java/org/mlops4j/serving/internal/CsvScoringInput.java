package org.mlops4j.serving.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;

/**
 * Reads a {@code text/csv} scoring request (a header, then one line per row, as pandas' {@code to_csv} writes it; a
 * leading unnamed index column is dropped) into a {@link RequestTable}. Every field is read as text, and pandas' null
 * tokens ({@code NA}, the empty field …) as missing values, so that {@link InputCheck} judges each value the same way
 * as a JSON one. Text that is not CSV is a {@link BadScoringRequest}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class CsvScoringInput {

    private static final CsvReader READER = CsvReader.builder().defaultType(ColumnType.TEXT).build();

    private CsvScoringInput() {
    }

    /**
     * @param body   the CSV text
     * @param source what to call it in messages, such as {@code the request body} or a file name
     * @return the rows
     * @throws BadScoringRequest when the text is not CSV with a header
     */
    public static RequestTable read(Reader body, String source) {
        Table table;
        try {
            table = READER.read(body, source);
        } catch (DataException e) {
            throw BadScoringRequest.badRequest("Cannot read " + source + " as CSV with a header line: "
                    + e.getMessage(), e);
        }
        List<Column> columns = table.columns();
        List<RequestTable.Row> rows = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            JsonNode[] values = new JsonNode[columns.size()];
            for (int c = 0; c < values.length; c++) {
                Column column = columns.get(c);
                values[c] = column.isNull(row) ? NullNode.getInstance() : TextNode.valueOf(column.format(row));
            }
            rows.add(RequestTable.Row.of(values));
        }
        return new RequestTable(table.columnNames(), rows);
    }
}
