package org.mlops4j.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.spi.support.Json;

/**
 * Reads and writes the JSON form of a {@link Schema}, documented on that class. Package-private.
 *
 * <p>Mapped as a tree on purpose, not through databind records: schema files are written by people, and this reader
 * names the column's index and name and the key of every mistake in the library's words (an unknown key with the
 * list of known ones, a bound in quotes, an allowed value that is not a string), which Jackson's messages would not;
 * and the writer keeps whole-number bounds without a fraction ({@code "min" : 0}), as files written before.
 */
final class SchemaJson {

    static final String FORMAT = "mlops4j-schema";
    static final int VERSION = 1;

    private static final Set<String> ROOT_KEYS =
            Set.of("format", "version", "missingColumns", "extraColumns", "strictOrder", "columns");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "nullable", "allowedValues", "min", "max");
    private static final String ROOT_KEY_LIST = "format, version, missingColumns, extraColumns, strictOrder, columns";
    private static final String COLUMN_KEY_LIST = "name, type, nullable, allowedValues, min, max";

    private SchemaJson() {
    }

    static String write(Schema schema) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("missingColumns", schema.missingColumns().key());
        root.put("extraColumns", schema.extraColumns().key());
        root.put("strictOrder", schema.strictOrder());
        ArrayNode columns = root.putArray("columns");
        for (ColumnSpec spec : schema.columns()) {
            ObjectNode column = columns.addObject();
            column.put("name", spec.name());
            spec.type().ifPresent(type -> column.put("type", type.key()));
            column.put("nullable", spec.nullable());
            if (spec.min().isPresent()) {
                putNumber(column, "min", spec.min().getAsDouble());
            }
            if (spec.max().isPresent()) {
                putNumber(column, "max", spec.max().getAsDouble());
            }
            if (!spec.allowedValues().isEmpty()) {
                ArrayNode values = column.putArray("allowedValues");
                spec.allowedValues().forEach(values::add);
            }
        }
        return Json.writePretty(root) + "\n";
    }

    static void write(Schema schema, Path file) {
        byte[] bytes = write(schema).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static Schema read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema file " + file + ": " + e.getMessage(), e);
        }
        return read(json, file.toString());
    }

    static Schema read(String json, String source) {
        JsonNode root;
        try {
            root = Json.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SchemaException("Invalid schema in " + source + ": not well-formed JSON: "
                    + e.getOriginalMessage() + locationOf(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new SchemaException("Invalid schema in " + source + ": expected a JSON object with a 'columns'"
                    + " array, found " + (root == null ? "nothing" : root.getNodeType().name().toLowerCase()));
        }
        try {
            return readRoot(root);
        } catch (SchemaException e) {
            throw new SchemaException("Invalid schema in " + source + ": " + e.getMessage(), e);
        }
    }

    private static Schema readRoot(JsonNode root) {
        checkKeys(root, ROOT_KEYS, ROOT_KEY_LIST, "the schema");
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw new SchemaException("key 'format' is '" + root.get("format").asText() + "'; expected '"
                    + FORMAT + "'");
        }
        if (root.has("version") && (!root.get("version").isInt() || root.get("version").intValue() != VERSION)) {
            throw new SchemaException("key 'version' is " + root.get("version") + "; this library reads version "
                    + VERSION);
        }
        Schema.Builder builder = Schema.builder();
        if (root.has("missingColumns")) {
            String key = text(root, "missingColumns", "the schema");
            builder.missingColumns(parse(() -> MissingColumnPolicy.fromKey(key), "missingColumns"));
        }
        if (root.has("extraColumns")) {
            String key = text(root, "extraColumns", "the schema");
            builder.extraColumns(parse(() -> ExtraColumnPolicy.fromKey(key), "extraColumns"));
        }
        if (root.has("strictOrder")) {
            builder.strictOrder(bool(root, "strictOrder", "the schema"));
        }
        JsonNode columns = root.get("columns");
        if (columns == null || !columns.isArray()) {
            throw new SchemaException("expected key 'columns' with an array of column objects, found "
                    + (columns == null ? "no such key" : columns.getNodeType().name().toLowerCase()));
        }
        for (int i = 0; i < columns.size(); i++) {
            builder.column(readColumn(columns.get(i), i));
        }
        return builder.build();
    }

    private static ColumnSpec readColumn(JsonNode node, int index) {
        String where = "columns[" + index + "]";
        if (!node.isObject()) {
            throw new SchemaException(where + " is " + node.getNodeType().name().toLowerCase()
                    + "; expected an object such as {\"name\": \"age\", \"type\": \"numeric\"}");
        }
        if (!node.has("name")) {
            throw new SchemaException(where + " has no 'name'; every column needs one");
        }
        String name = text(node, "name", where);
        String column = "column '" + name + "' (" + where + ")";
        checkKeys(node, COLUMN_KEYS, COLUMN_KEY_LIST, column);
        ColumnSpec.Builder builder = ColumnSpec.builder(name);
        if (node.has("type") && !node.get("type").isNull()) {
            String key = text(node, "type", column);
            try {
                builder.type(ColumnType.fromKey(key));
            } catch (IllegalArgumentException e) {
                throw new SchemaException(column + ": " + e.getMessage());
            }
        }
        if (node.has("nullable")) {
            builder.nullable(bool(node, "nullable", column));
        }
        if (node.has("min")) {
            builder.min(number(node, "min", column));
        }
        if (node.has("max")) {
            builder.max(number(node, "max", column));
        }
        if (node.has("allowedValues")) {
            JsonNode values = node.get("allowedValues");
            if (!values.isArray()) {
                throw new SchemaException(column + ": key 'allowedValues' must be an array of strings, found "
                        + values.getNodeType().name().toLowerCase());
            }
            List<String> allowed = new ArrayList<>();
            for (JsonNode value : values) {
                if (!value.isTextual()) {
                    throw new SchemaException(column + ": allowed value " + value + " is not a string; write it in"
                            + " quotes");
                }
                allowed.add(value.textValue());
            }
            builder.allowedValues(allowed);
        }
        return builder.build();
    }

    private static void checkKeys(JsonNode node, Set<String> known, String knownList, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!known.contains(key)) {
                throw new SchemaException(where + " has unknown key '" + key + "'; known keys are " + knownList);
            }
        }
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (!value.isTextual()) {
            throw new SchemaException(where + ": key '" + key + "' must be a string, found " + value);
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            throw new SchemaException(where + ": key '" + key + "' must be true or false, found " + value);
        }
        return value.booleanValue();
    }

    private static double number(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (!value.isNumber()) {
            throw new SchemaException(where + ": key '" + key + "' must be a number, found " + value);
        }
        return value.doubleValue();
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String key) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new SchemaException("key '" + key + "': " + e.getMessage());
        }
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        boolean negativeZero = Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && !negativeZero) {
            node.put(key, (long) value);
        } else {
            node.put(key, value);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
