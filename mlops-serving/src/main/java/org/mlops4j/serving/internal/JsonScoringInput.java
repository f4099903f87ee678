package org.mlops4j.serving.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON body of a scoring request in MLflow's four formats into a {@link RequestTable}:
 * <ul>
 *   <li>{@code {"dataframe_split": {"columns": [...], "data": [[...], ...]}}} (pandas' split orient; {@code index} is
 *       ignored);</li>
 *   <li>{@code {"dataframe_records": [{"column": value, ...}, ...]}} (pandas' records orient; a key a record lacks is a
 *       missing value);</li>
 *   <li>{@code {"instances": [...]}} (TensorFlow Serving's row format): records as above, or arrays of values in the
 *       model's column order, or single values for a model of one column;</li>
 *   <li>{@code {"inputs": ...}} (TensorFlow Serving's columnar format): {@code {"column": [values], ...}}, or
 *       {@code {"column": value, ...}} for one row, or a list as for {@code instances}.</li>
 * </ul>
 * A {@code params} key beside them is allowed and ignored. A body that is not a JSON object with exactly one of these
 * keys, or whose key holds the wrong kind of value, is a {@link BadScoringRequest}; a single row of the wrong shape
 * becomes that row's {@link RowError}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class JsonScoringInput {

    /** pandas' split orient. */
    public static final String DATAFRAME_SPLIT = "dataframe_split";
    /** pandas' records orient. */
    public static final String DATAFRAME_RECORDS = "dataframe_records";
    /** TensorFlow Serving's row format. */
    public static final String INSTANCES = "instances";
    /** TensorFlow Serving's columnar format. */
    public static final String INPUTS = "inputs";

    private static final List<String> FORMATS = List.of(DATAFRAME_SPLIT, DATAFRAME_RECORDS, INSTANCES, INPUTS);
    private static final String REQUIRED = "The input must be a JSON object with exactly one of the input fields "
            + FORMATS + " (MLflow's scoring protocol), such as {\"dataframe_split\": {\"columns\": [\"a\", \"b\"], "
            + "\"data\": [[1, 2]]}}.";
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonScoringInput() {
    }

    /**
     * @param body         the request body (UTF-8 JSON)
     * @param modelColumns the model's input columns, in its order, for rows given as arrays of values
     * @return the request's rows
     * @throws BadScoringRequest when the body is not JSON or not one of the formats
     */
    public static RequestTable read(InputStream body, List<String> modelColumns) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw BadScoringRequest.badRequest("The body is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "). " + REQUIRED, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode()) {
            throw BadScoringRequest.badRequest("The body is empty. " + REQUIRED);
        }
        if (!root.isObject()) {
            throw BadScoringRequest.badRequest("Received " + kind(root) + ". " + REQUIRED);
        }
        List<String> present = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (FORMATS.contains(name)) {
                present.add(name);
            }
        });
        if (present.size() != 1) {
            List<String> keys = new ArrayList<>();
            root.fieldNames().forEachRemaining(keys::add);
            throw BadScoringRequest.badRequest("Received an object with the fields " + keys + ". " + REQUIRED);
        }
        String format = present.get(0);
        JsonNode input = root.get(format);
        return switch (format) {
            case DATAFRAME_SPLIT -> split(input);
            case DATAFRAME_RECORDS -> records(format, input, modelColumns);
            case INSTANCES -> records(format, input, modelColumns);
            default -> inputs(input, modelColumns);
        };
    }

    private static RequestTable split(JsonNode split) {
        if (!split.isObject() || !split.path("columns").isArray() || !split.path("data").isArray()) {
            throw BadScoringRequest.badRequest("\"" + DATAFRAME_SPLIT + "\" must be an object with \"columns\" (an "
                    + "array of column names) and \"data\" (an array of rows, each an array of values); found "
                    + kind(split) + (split.isObject() ? " with the fields " + fieldNames(split) : "") + ".");
        }
        List<String> columns = new ArrayList<>();
        for (JsonNode name : split.get("columns")) {
            if (!name.isTextual()) {
                throw BadScoringRequest.badRequest("\"" + DATAFRAME_SPLIT + "\".\"columns\" must hold column names "
                        + "as strings; found " + Values.show(name) + ".");
            }
            columns.add(name.asText());
        }
        requireDistinct(columns);
        List<RequestTable.Row> rows = new ArrayList<>();
        JsonNode data = split.get("data");
        for (int i = 0; i < data.size(); i++) {
            rows.add(arrayRow(i, data.get(i), columns.size()));
        }
        return new RequestTable(columns, rows);
    }

    /** Rows as records, arrays of values in the model's order, or single values for a model of one column. */
    private static RequestTable records(String format, JsonNode list, List<String> modelColumns) {
        if (!list.isArray()) {
            throw BadScoringRequest.badRequest("\"" + format + "\" must be an array of rows (objects of column name "
                    + "to value); found " + kind(list) + ".");
        }
        Set<String> names = new LinkedHashSet<>();
        boolean objects = false;
        for (JsonNode row : list) {
            if (row.isObject()) {
                objects = true;
                row.fieldNames().forEachRemaining(names::add);
            }
        }
        boolean scalars = !objects && modelColumns.size() == 1 && list.size() > 0 && list.get(0).isValueNode();
        if (!objects && (list.size() == 0 || list.get(0).isArray() || scalars)) {
            List<RequestTable.Row> rows = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode row = list.get(i);
                rows.add(scalars && row.isValueNode() ? RequestTable.Row.of(new JsonNode[] {row})
                        : arrayRow(i, row, modelColumns.size()));
            }
            return new RequestTable(modelColumns, rows);
        }
        List<String> columns = new ArrayList<>(names);
        List<RequestTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode row = list.get(i);
            if (!row.isObject()) {
                rows.add(RequestTable.Row.failed(RowError.ofRow(i, "an object of column name to value",
                        Values.show(row))));
                continue;
            }
            JsonNode[] values = new JsonNode[columns.size()];
            for (int c = 0; c < values.length; c++) {
                JsonNode value = row.get(columns.get(c));
                values[c] = value == null ? NullNode.getInstance() : value;
            }
            rows.add(RequestTable.Row.of(values));
        }
        return new RequestTable(columns, rows);
    }

    private static RequestTable inputs(JsonNode inputs, List<String> modelColumns) {
        if (inputs.isArray()) {
            return records(INPUTS, inputs, modelColumns);
        }
        if (!inputs.isObject()) {
            throw BadScoringRequest.badRequest("\"" + INPUTS + "\" must be an object of column name to an array of "
                    + "values (or to one value, for one row), or an array of rows; found " + kind(inputs) + ".");
        }
        List<String> columns = new ArrayList<>();
        List<JsonNode> arrays = new ArrayList<>();
        int arraysSeen = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            columns.add(field.getKey());
            arrays.add(field.getValue());
            arraysSeen += field.getValue().isArray() ? 1 : 0;
        }
        if (arraysSeen == 0) {
            JsonNode[] values = arrays.toArray(new JsonNode[0]);
            return new RequestTable(columns, List.of(RequestTable.Row.of(values)));
        }
        int length = arrays.get(0).size();
        for (int c = 0; c < columns.size(); c++) {
            JsonNode values = arrays.get(c);
            if (!values.isArray() || values.size() != length) {
                throw BadScoringRequest.badRequest("Every column of \"" + INPUTS + "\" must be an array of the same "
                        + "length; column '" + columns.get(0) + "' has " + length + " values, column '"
                        + columns.get(c) + "' has " + (values.isArray() ? values.size() + " values" : kind(values))
                        + ".");
            }
        }
        List<RequestTable.Row> rows = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            JsonNode[] values = new JsonNode[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = arrays.get(c).get(i);
            }
            rows.add(RequestTable.Row.of(values));
        }
        return new RequestTable(columns, rows);
    }

    private static RequestTable.Row arrayRow(int index, JsonNode row, int width) {
        if (!row.isArray()) {
            return RequestTable.Row.failed(RowError.ofRow(index, "an array of " + width + " values",
                    Values.show(row)));
        }
        if (row.size() != width) {
            return RequestTable.Row.failed(RowError.ofRow(index, width + " values, one per column",
                    row.size() + " values"));
        }
        JsonNode[] values = new JsonNode[width];
        for (int c = 0; c < width; c++) {
            values[c] = row.get(c);
        }
        return RequestTable.Row.of(values);
    }

    private static void requireDistinct(List<String> columns) {
        Set<String> seen = new LinkedHashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                throw BadScoringRequest.badRequest("\"" + DATAFRAME_SPLIT + "\".\"columns\" names column '" + column
                        + "' twice; name each column once.");
            }
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
