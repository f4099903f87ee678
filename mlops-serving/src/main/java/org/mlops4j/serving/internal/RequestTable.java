package org.mlops4j.serving.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>The rows of a scoring request as they came, before any check: column names, and per row either its values (JSON
 * nodes in column order; CSV fields as text nodes, missing ones as null nodes) or the error that keeps the row from
 * being one.
 *
 * @param columns the request's column names, in its order
 * @param rows    one entry per request row
 */
public record RequestTable(List<String> columns, List<Row> rows) {

    /** Copies the lists. */
    public RequestTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One request row.
     *
     * @param values the values by column (same order as the table's columns); empty when {@code error} is set
     * @param error  why the row is not a row of the table (not an object, too few values); empty for a row
     */
    public record Row(JsonNode[] values, Optional<RowError> error) {

        /**
         * @param values the values, in the table's column order
         * @return a row
         */
        public static Row of(JsonNode[] values) {
            return new Row(values, Optional.empty());
        }

        /**
         * @param error why it is not a row
         * @return a row that fails
         */
        public static Row failed(RowError error) {
            return new Row(new JsonNode[0], Optional.of(error));
        }
    }
}
