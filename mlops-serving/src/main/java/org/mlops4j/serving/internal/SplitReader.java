package org.mlops4j.serving.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the value of {@code dataframe_split} ({@code {"columns": [...], "data": [[...], ...]}}, pandas' split orient)
 * from the parser as it streams: each row's values become value nodes straight from the parser's tokens, without a
 * tree of the request. {@code columns} may come before or after {@code data}; {@code index} and other fields are
 * skipped. A row that is not an array, or has another number of values than there are columns, becomes that row's
 * {@link RowError}; values that are themselves arrays or objects are kept as they are and refused by the input
 * check.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
final class SplitReader {

    private static final String NAME = JsonScoringInput.DATAFRAME_SPLIT;

    private SplitReader() {
    }

    /**
     * @param parser positioned on the first token of {@code dataframe_split}'s value; left on its last token
     * @param first  that token
     * @return the request's rows
     * @throws BadScoringRequest when the value is not an object with an array of column names and an array of rows
     * @throws IOException       when the body cannot be read or is not JSON
     */
    static RequestTable read(JsonParser parser, JsonToken first) throws IOException {
        if (first != JsonToken.START_OBJECT) {
            throw shape(JsonScoringInput.kind(JsonScoringInput.JSON.readTree(parser)), List.of());
        }
        List<String> fields = new ArrayList<>();
        JsonNode columns = null;
        List<Object> data = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            fields.add(field);
            if (field.equals("columns")) {
                columns = JsonScoringInput.JSON.readTree(parser);
            } else if (field.equals("data") && value == JsonToken.START_ARRAY) {
                data = rows(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (columns == null || !columns.isArray() || data == null) {
            throw shape("an object", fields);
        }
        List<String> names = names(columns);
        List<RequestTable.Row> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            rows.add(row(i, data.get(i), names.size()));
        }
        return new RequestTable(names, rows);
    }

    /** @return per row, its values ({@code JsonNode[]}) or, for a row that is not an array, the row ({@code JsonNode}) */
    private static List<Object> rows(JsonParser parser) throws IOException {
        List<Object> rows = new ArrayList<>();
        JsonNode[] buffer = new JsonNode[16];
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_ARRAY) {
                rows.add(JsonScoringInput.JSON.readTree(parser));
                continue;
            }
            int size = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, size * 2);
                }
                buffer[size++] = value(parser, token);
            }
            rows.add(Arrays.copyOf(buffer, size));
        }
        return rows;
    }

    /** @return the value the parser is on, as the node a tree of it would hold */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(parser.getDoubleValue());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> IntNode.valueOf(parser.getIntValue());
                case LONG -> LongNode.valueOf(parser.getLongValue());
                default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
            };
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            default -> JsonScoringInput.JSON.readTree(parser);
        };
    }

    private static RequestTable.Row row(int index, Object read, int width) {
        if (read instanceof JsonNode notAnArray) {
            return JsonScoringInput.arrayRow(index, notAnArray, width);
        }
        JsonNode[] values = (JsonNode[]) read;
        if (values.length != width) {
            return RequestTable.Row.failed(RowError.ofRow(index, width + " values, one per column",
                    values.length + " values"));
        }
        return RequestTable.Row.of(values);
    }

    private static List<String> names(JsonNode columns) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode name : columns) {
            if (!name.isTextual()) {
                throw BadScoringRequest.badRequest("\"" + NAME + "\".\"columns\" must hold column names as strings; "
                        + "found " + Values.show(name) + ".");
            }
            if (!names.add(name.asText())) {
                throw BadScoringRequest.badRequest("\"" + NAME + "\".\"columns\" names column '" + name.asText()
                        + "' twice; name each column once.");
            }
        }
        return List.copyOf(names);
    }

    private static BadScoringRequest shape(String found, List<String> fields) {
        return BadScoringRequest.badRequest("\"" + NAME + "\" must be an object with \"columns\" (an array of column "
                + "names) and \"data\" (an array of rows, each an array of values); found " + found
                + (found.equals("an object") ? " with the fields " + fields : "") + ".");
    }
}
