package org.mlops4j.serving.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A {@code params} key beside them is allowed and ignored. The rows of {@code dataframe_split}, the format of large
 * batches, are read as they stream in ({@link SplitReader}) rather than through a tree of the whole body. A body that is not a JSON object with exactly one of these
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
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    private JsonScoringInput() {
    }

    /**
     * @param body         the request body (UTF-8 JSON)
     * @param modelColumns the model's input columns, in its order, for rows given as arrays of values
     * @return the request's rows
     * @throws BadScoringRequest when the body is not JSON or not one of the formats
     */
    public static RequestTable read(InputStream body, List<String> modelColumns) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                JsonNode root = first == null ? null : JSON.readTree(parser);
                requireEnd(parser);
                if (root == null || root.isMissingNode()) {
                    throw BadScoringRequest.badRequest("The body is empty. " + REQUIRED);
                }
                throw BadScoringRequest.badRequest("Received " + kind(root) + ". " + REQUIRED);
            }
            ObjectNode root = JSON.createObjectNode();
            RequestTable split = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (root.has(name)) {
                    throw BadScoringRequest.badRequest("The body names the field \"" + name + "\" twice; give it "
                            + "once. " + REQUIRED);
                }
                if (name.equals(DATAFRAME_SPLIT)) {
                    split = SplitReader.read(parser, value);
                    root.putNull(name);
                } else {
                    JsonNode node = JSON.readTree(parser);
                    root.set(name, node == null ? NullNode.getInstance() : node);
                }
            }
            requireEnd(parser);
            String format = format(root);
            return switch (format) {
                case DATAFRAME_SPLIT -> split;
                case DATAFRAME_RECORDS, INSTANCES -> records(format, root.get(format), modelColumns);
                default -> inputs(root.get(format), modelColumns);
            };
        } catch (JsonProcessingException e) {
            throw BadScoringRequest.badRequest("The body is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "). " + REQUIRED, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the one input field of the body's top-level object */
    private static String format(ObjectNode root) {
        List<String> present = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (FORMATS.contains(name)) {
                present.add(name);
            }
        });
        if (present.size() != 1) {
            throw BadScoringRequest.badRequest("Received an object with the fields " + fieldNames(root) + ". "
                    + REQUIRED);
        }
        return present.get(0);
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw BadScoringRequest.badRequest("The body is not valid JSON: more content follows the top-level value "
                    + "(line " + parser.currentLocation().getLineNr() + ", column "
                    + parser.currentLocation().getColumnNr() + "). " + REQUIRED);
        }
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

    static RequestTable.Row arrayRow(int index, JsonNode row, int width) {
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

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String kind(JsonNode node) {
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
