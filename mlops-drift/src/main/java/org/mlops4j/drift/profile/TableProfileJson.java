package org.mlops4j.drift.profile;

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
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.spi.support.Json;

/**
 * Reads and writes the JSON form of a {@link TableProfile}. Numbers are kept at full precision; sketches are their
 * DataSketches serialisations in base64; min and max of a column without finite values are {@code null}.
 *
 * <p>Mapped as a tree, not through databind records: a profile file comes from elsewhere (a reference saved with a
 * model, profiles merged across processes) and is checked key by key with its path in the message ({@code at
 * $.columns[2].moments.n: expected a whole number of at least 0}); a column's keys depend on its {@code type}
 * (numeric or categorical state), exact values are {@code [value, count]} pairs mixing numbers and the text
 * {@code "Infinity"}, and sketches are base64. Records would need a custom deserializer for most of that, the same
 * code moved. {@link ReferenceProfile} wraps this tree and is mapped the same way.
 */
final class TableProfileJson {

    static final String FORMAT = "mlops4j-profile";
    static final int VERSION = 1;

    private TableProfileJson() {
    }

    static String write(TableProfile profile) {
        return Json.write(toNode(profile)) + "\n";
    }

    static void write(TableProfile profile, Path file) {
        byte[] bytes = write(profile).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    static ObjectNode toNode(TableProfile profile) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("options", optionsNode(profile.options()));
        root.put("rowCount", profile.rowCount());
        ArrayNode columns = root.putArray("columns");
        for (ColumnProfile column : profile.columns()) {
            ObjectNode node = columns.addObject();
            node.put("name", column.name());
            node.put("type", column.type().key());
            if (column instanceof NumericProfile numeric) {
                writeNumeric(node, numeric.state().state());
            } else {
                writeCategorical(node, ((CategoricalProfile) column).state().state());
            }
        }
        DuplicateRowCounter duplicates = profile.duplicateCounter();
        if (duplicates != null) {
            ObjectNode node = root.putObject("duplicateRows");
            node.put("exactLimit", duplicates.exactLimit());
            node.put("lgK", duplicates.lgK());
            node.put("rows", duplicates.rows());
            long[] hashes = duplicates.hashes();
            if (hashes != null) {
                node.put("hashes", base64(hashes));
            } else {
                node.put("cpc", Base64.getEncoder().encodeToString(duplicates.sketch().toByteArray()));
            }
        }
        ArrayNode pairs = root.putArray("correlations");
        profile.coMoments().forEach((key, c) -> {
            ObjectNode node = pairs.addObject();
            node.put("first", key.get(0));
            node.put("second", key.get(1));
            node.put("n", c.count());
            node.put("meanX", c.meanX());
            node.put("meanY", c.meanY());
            node.put("m2x", c.m2x());
            node.put("m2y", c.m2y());
            node.put("cxy", c.cxy());
        });
        return root;
    }

    private static ObjectNode optionsNode(ProfileOptions options) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kllK", options.kllK());
        node.put("distinctLgK", options.distinctLgK());
        node.put("exactDistinctLimit", options.exactDistinctLimit());
        node.put("categoryExactLimit", options.categoryExactLimit());
        node.put("frequentItemsMapSize", options.frequentItemsMapSize());
        node.put("duplicateRows", options.duplicateRows());
        node.put("duplicateRowsExactLimit", options.duplicateRowsExactLimit());
        node.put("correlations", options.correlations());
        node.put("maxCorrelationColumns", options.maxCorrelationColumns());
        return node;
    }

    private static void writeNumeric(ObjectNode node, NumericState s) {
        node.put("kllK", s.kllK());
        node.put("distinctLgK", s.distinctLgK());
        node.put("exactDistinctLimit", s.exactDistinctLimit());
        node.put("nulls", s.nulls());
        node.put("nan", s.nan());
        node.put("positiveInfinity", s.positiveInfinity());
        node.put("negativeInfinity", s.negativeInfinity());
        node.put("zeros", s.zeros());
        node.put("negatives", s.negatives());
        boolean empty = s.moments().count() == 0;
        if (empty) {
            node.putNull("min");
            node.putNull("max");
        } else {
            node.put("min", s.min());
            node.put("max", s.max());
        }
        ObjectNode moments = node.putObject("moments");
        moments.put("n", s.moments().count());
        moments.put("mean", empty ? 0.0 : s.moments().mean());
        moments.put("m2", s.moments().m2());
        moments.put("m3", s.moments().m3());
        moments.put("m4", s.moments().m4());
        node.put("kll", Base64.getEncoder().encodeToString(s.kll()));
        if (s.exactValues() != null) {
            ArrayNode values = node.putArray("exactValues");
            for (int i = 0; i < s.exactValues().length; i++) {
                double v = s.exactValues()[i];
                ArrayNode pair = values.addArray();
                if (Double.isInfinite(v)) {
                    pair.add(v > 0 ? "Infinity" : "-Infinity");
                } else {
                    pair.add(v);
                }
                pair.add(s.exactCounts()[i]);
            }
        } else {
            node.put("cpc", Base64.getEncoder().encodeToString(s.cpc()));
        }
    }

    private static void writeCategorical(ObjectNode node, CategoricalState s) {
        node.put("distinctLgK", s.distinctLgK());
        node.put("frequentItemsMapSize", s.frequentItemsMapSize());
        node.put("categoryExactLimit", s.categoryExactLimit());
        node.put("count", s.count());
        node.put("nulls", s.nulls());
        if (s.exactCounts() != null) {
            ArrayNode values = node.putArray("exactCounts");
            s.exactCounts().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> values.addArray().add(e.getKey()).add(e.getValue()));
        } else {
            node.put("frequentItems", Base64.getEncoder().encodeToString(s.frequentItems()));
            node.put("cpc", Base64.getEncoder().encodeToString(s.cpc()));
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    static TableProfile read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read profile file " + file + ": " + e.getMessage(), e);
        }
        return read(json, file.toString());
    }

    static TableProfile read(String json, String source) {
        JsonNode root;
        try {
            root = Json.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProfileFormatException("Invalid profile in " + source + ": not well-formed JSON: "
                    + e.getOriginalMessage(), e);
        }
        try {
            return fromNode(root);
        } catch (ProfileFormatException e) {
            throw new ProfileFormatException("Invalid profile in " + source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ProfileFormatException("Invalid profile in " + source + ": a sketch does not decode ("
                    + e.getMessage() + "); the file is damaged or was not written by this library", e);
        }
    }

    static TableProfile fromNode(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ProfileFormatException("expected a JSON object with format '" + FORMAT + "'");
        }
        String format = text(root, "format", "$");
        if (!FORMAT.equals(format)) {
            throw new ProfileFormatException("key 'format' is '" + format + "'; expected '" + FORMAT + "'");
        }
        long version = number(root, "version", "$");
        if (version != VERSION) {
            throw new ProfileFormatException("key 'version' is " + version + "; this library reads version "
                    + VERSION);
        }
        JsonNode o = object(root, "options", "$");
        ProfileOptions options;
        try {
            options = new ProfileOptions((int) number(o, "kllK", "$.options"),
                    (int) number(o, "distinctLgK", "$.options"), (int) number(o, "exactDistinctLimit", "$.options"),
                    (int) number(o, "categoryExactLimit", "$.options"),
                    (int) number(o, "frequentItemsMapSize", "$.options"), bool(o, "duplicateRows", "$.options"),
                    (int) number(o, "duplicateRowsExactLimit", "$.options"), bool(o, "correlations", "$.options"),
                    (int) number(o, "maxCorrelationColumns", "$.options"));
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("at $.options: " + e.getMessage(), e);
        }
        long rowCount = number(root, "rowCount", "$");
        Map<String, ColumnProfile> columns = new LinkedHashMap<>();
        JsonNode columnNodes = array(root, "columns", "$");
        for (int i = 0; i < columnNodes.size(); i++) {
            String path = "$.columns[" + i + "]";
            JsonNode node = columnNodes.get(i);
            String name = text(node, "name", path);
            ColumnType type;
            try {
                type = ColumnType.fromKey(text(node, "type", path));
            } catch (IllegalArgumentException e) {
                throw new ProfileFormatException("at " + path + ".type: " + e.getMessage(), e);
            }
            if (columns.containsKey(name)) {
                throw new ProfileFormatException("at " + path + ": column '" + name + "' appears twice");
            }
            if (type == ColumnType.NUMERIC || type == ColumnType.TIMESTAMP) {
                columns.put(name, new NumericProfile(name, NumericAccumulator.restore(readNumeric(node, type, path))));
            } else {
                columns.put(name, new CategoricalProfile(name,
                        CategoricalAccumulator.restore(readCategorical(node, type, path))));
            }
        }
        DuplicateRowCounter duplicates = null;
        if (root.hasNonNull("duplicateRows")) {
            JsonNode node = object(root, "duplicateRows", "$");
            String path = "$.duplicateRows";
            duplicates = DuplicateRowCounter.restore((int) number(node, "exactLimit", path),
                    (int) number(node, "lgK", path), number(node, "rows", path),
                    node.has("hashes") ? longs(decode(node, "hashes", path)) : null,
                    node.has("hashes") ? null : decode(node, "cpc", path));
        }
        Map<List<String>, CoMoments> pairs = new LinkedHashMap<>();
        if (root.has("correlations")) {
            JsonNode pairNodes = array(root, "correlations", "$");
            for (int i = 0; i < pairNodes.size(); i++) {
                String path = "$.correlations[" + i + "]";
                JsonNode node = pairNodes.get(i);
                pairs.put(List.of(text(node, "first", path), text(node, "second", path)),
                        CoMoments.of(number(node, "n", path), real(node, "meanX", path), real(node, "meanY", path),
                                real(node, "m2x", path), real(node, "m2y", path), real(node, "cxy", path)));
            }
        }
        return new TableProfile(options, rowCount, columns, duplicates, pairs);
    }

    private static NumericState readNumeric(JsonNode node, ColumnType type, String path) {
        JsonNode m = object(node, "moments", path);
        Moments moments = Moments.of(number(m, "n", path + ".moments"), real(m, "mean", path + ".moments"),
                real(m, "m2", path + ".moments"), real(m, "m3", path + ".moments"), real(m, "m4", path + ".moments"));
        boolean empty = moments.count() == 0;
        double min = empty ? Double.POSITIVE_INFINITY : real(node, "min", path);
        double max = empty ? Double.NEGATIVE_INFINITY : real(node, "max", path);
        double[] values = null;
        long[] counts = null;
        byte[] cpc = null;
        int limit = (int) number(node, "exactDistinctLimit", path);
        if (node.has("exactValues")) {
            JsonNode pairs = array(node, "exactValues", path);
            if (pairs.size() > limit) {
                throw new ProfileFormatException("at " + path + ".exactValues: " + pairs.size()
                        + " values but exactDistinctLimit is " + limit);
            }
            values = new double[pairs.size()];
            counts = new long[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                JsonNode pair = pairs.get(i);
                String at = path + ".exactValues[" + i + "]";
                if (!pair.isArray() || pair.size() != 2 || !pair.get(1).canConvertToLong()) {
                    throw new ProfileFormatException("at " + at + ": expected [value, count], found " + pair);
                }
                JsonNode v = pair.get(0);
                if (v.isNumber()) {
                    values[i] = v.doubleValue();
                } else if ("Infinity".equals(v.asText()) || "-Infinity".equals(v.asText())) {
                    values[i] = "Infinity".equals(v.asText()) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                } else {
                    throw new ProfileFormatException("at " + at + ": expected a number, found " + v);
                }
                counts[i] = pair.get(1).longValue();
            }
        } else {
            cpc = decode(node, "cpc", path);
        }
        return new NumericState(type, (int) number(node, "kllK", path), (int) number(node, "distinctLgK", path),
                limit, number(node, "nulls", path), number(node, "nan", path),
                number(node, "positiveInfinity", path), number(node, "negativeInfinity", path),
                number(node, "zeros", path), number(node, "negatives", path), min, max, moments,
                decode(node, "kll", path), values, counts, cpc);
    }

    private static CategoricalState readCategorical(JsonNode node, ColumnType type, String path) {
        Map<String, Long> exact = null;
        byte[] frequent = null;
        byte[] cpc = null;
        if (node.has("exactCounts")) {
            exact = new LinkedHashMap<>();
            JsonNode pairs = array(node, "exactCounts", path);
            for (int i = 0; i < pairs.size(); i++) {
                JsonNode pair = pairs.get(i);
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual()
                        || !pair.get(1).canConvertToLong()) {
                    throw new ProfileFormatException("at " + path + ".exactCounts[" + i
                            + "]: expected [level, count], found " + pair);
                }
                exact.put(pair.get(0).asText(), pair.get(1).longValue());
            }
        } else {
            frequent = decode(node, "frequentItems", path);
            cpc = decode(node, "cpc", path);
        }
        return new CategoricalState(type, (int) number(node, "distinctLgK", path),
                (int) number(node, "frequentItemsMapSize", path), (int) number(node, "categoryExactLimit", path),
                number(node, "count", path), number(node, "nulls", path), exact, frequent, cpc);
    }

    // ---- small readers that say where a problem is ---------------------------------------------------------------

    private static JsonNode field(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new ProfileFormatException("at " + path + ": missing key '" + key + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String key, String path) {
        JsonNode value = field(node, key, path);
        if (!value.isTextual()) {
            throw new ProfileFormatException("at " + path + "." + key + ": expected a string, found " + value);
        }
        return value.asText();
    }

    private static long number(JsonNode node, String key, String path) {
        JsonNode value = field(node, key, path);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new ProfileFormatException("at " + path + "." + key + ": expected a whole number of at least 0,"
                    + " found " + value);
        }
        return value.longValue();
    }

    private static double real(JsonNode node, String key, String path) {
        JsonNode value = field(node, key, path);
        if (!value.isNumber()) {
            throw new ProfileFormatException("at " + path + "." + key + ": expected a number, found " + value);
        }
        return value.doubleValue();
    }

    private static boolean bool(JsonNode node, String key, String path) {
        JsonNode value = field(node, key, path);
        if (!value.isBoolean()) {
            throw new ProfileFormatException("at " + path + "." + key + ": expected true or false, found " + value);
        }
        return value.booleanValue();
    }

    private static JsonNode object(JsonNode node, String key, String path) {
        JsonNode value = field(node, key, path);
        if (!value.isObject()) {
            throw new ProfileFormatException("at " + path + "." + key + ": expected an object, found "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String key, String path) {
        JsonNode value = field(node, key, path);
        if (!value.isArray()) {
            throw new ProfileFormatException("at " + path + "." + key + ": expected an array, found "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value;
    }

    private static byte[] decode(JsonNode node, String key, String path) {
        String text = text(node, key, path);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("at " + path + "." + key + ": not valid base64 (" + e.getMessage()
                    + ")", e);
        }
    }

    private static String base64(long[] values) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * 8);
        for (long value : values) {
            buffer.putLong(value);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    private static long[] longs(byte[] bytes) {
        if (bytes.length % 8 != 0) {
            throw new ProfileFormatException("row hashes are " + bytes.length + " bytes, not a multiple of 8");
        }
        java.nio.LongBuffer buffer = java.nio.ByteBuffer.wrap(bytes).asLongBuffer();
        long[] out = new long[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
