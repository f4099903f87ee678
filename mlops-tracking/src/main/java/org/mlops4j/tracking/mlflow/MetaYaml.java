package org.mlops4j.tracking.mlflow;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One {@code meta.yaml} file of MLflow's file store: a flat YAML mapping that Python's {@code yaml.safe_dump} wrote
 * ({@code mlflow/utils/file_utils.py}, {@code write_yaml}). Values are read leniently, as MLflow's readers do: ids
 * written as integers by old versions are read as text, {@code null} and missing fields alike are absent.
 *
 * <p>{@link #dump} writes one as {@code write_yaml} does ({@code yaml.dump(data, default_flow_style=False,
 * allow_unicode=True, Dumper=SafeDumper)}): one {@code key: value} line per field, keys sorted, text plain when
 * PyYAML would leave it plain and single-quoted otherwise (so {@code experiment_id: '0'} stays text), {@code null},
 * integers, and {@code []} for the empty list MLflow keeps in a run's {@code tags} for old readers; a registered
 * model's {@code aliases} mapping and a version's {@code aliases} list as PyYAML's block styles.
 */
record MetaYaml(Path file, JsonNode fields) {

    /** The file name MLflow gives every meta file ({@code FileStore.META_DATA_FILE_NAME}). */
    static final String FILE_NAME = "meta.yaml";

    private static final ObjectMapper YAML = new YAMLMapper();

    /**
     * Reads the meta file of a folder.
     *
     * @param folder an experiment, run, registered model or model version folder
     * @return its fields
     * @throws MalformedFolderException when the file is missing, empty, not YAML or not a mapping
     */
    static MetaYaml of(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        JsonNode fields;
        try {
            fields = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new MalformedFolderException(folder, "it has no " + FILE_NAME);
        } catch (JacksonException e) {
            throw new MalformedFolderException(folder, FILE_NAME + " is not YAML: "
                    + e.getOriginalMessage().replaceAll("\\s+", " ").trim());
        } catch (IOException e) {
            throw new MalformedFolderException(folder, FILE_NAME + " cannot be read: " + e);
        }
        if (fields == null || !fields.isObject()) {
            throw new MalformedFolderException(folder, FILE_NAME + " holds no mapping of fields");
        }
        return new MetaYaml(file, fields);
    }

    /**
     * @param name a field
     * @return its value as text (numbers in their decimal form), when present and not {@code null}
     */
    Optional<String> text(String name) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? Optional.empty()
                : Optional.of(value.asText());
    }

    /**
     * @param name a field
     * @return its value as text
     * @throws MalformedFolderException when it is missing or {@code null}
     */
    String required(String name) {
        return text(name).orElseThrow(() -> new MalformedFolderException(file.getParent(), FILE_NAME
                + " has no field '" + name + "'"));
    }

    /**
     * @param name a field holding whole milliseconds, such as {@code start_time}
     * @return its value, when present, not {@code null} and a whole number
     */
    OptionalLong millis(String name) {
        JsonNode value = fields.get(name);
        if (value != null && value.canConvertToLong() && value.isIntegralNumber()) {
            return OptionalLong.of(value.longValue());
        }
        if (value != null && value.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(value.textValue().trim()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** What PyYAML's resolver reads as another type than text (bool, int, float, null, timestamp, merge, value). */
    private static final Pattern RESOLVED = Pattern.compile(String.join("|",
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
            "~|null|Null|NULL", "[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?.*", "<<", "="));
    /** PyYAML writes a mapping key shorter than this plain after its indent ({@code Emitter.check_simple_key}). */
    private static final int SIMPLE_KEY_LIMIT = 128;
    /** Characters that may not start a plain scalar ({@code yaml.emitter.Emitter.analyze_scalar}). */
    private static final String INDICATORS = "#,[]{}&*!|>'\"%@`";

    /**
     * @param fields the fields: text, whole numbers, booleans, {@code null}, lists of such values, or mappings of text
     *               to such values (MLflow's registered model keeps its aliases as one)
     * @return the file's bytes, as MLflow's {@code write_yaml} writes them (UTF-8)
     * @throws IllegalArgumentException when a field holds another kind of value (a float, a list of lists)
     */
    static byte[] dump(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder(512);
        mapping(out, "", fields);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return every field with its value as {@link #dump} takes it back: text, {@code Integer} or {@code Long},
     *         {@code Boolean}, {@code null}, lists and mappings (floats too, which {@link #dump} refuses)
     */
    Map<String, Object> toMap() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        fields.fields().forEachRemaining(field -> map.put(field.getKey(), YAML.convertValue(field.getValue(),
                Object.class)));
        return map;
    }

    /** A block mapping, keys sorted; a key of 128 characters or more is written after {@code ?}, as PyYAML does. */
    private static void mapping(StringBuilder out, String indent, Map<String, ?> fields) {
        for (Map.Entry<String, ?> field : new TreeMap<>(fields).entrySet()) {
            String key = scalar(field.getKey());
            if (field.getKey().length() < SIMPLE_KEY_LIMIT) {
                out.append(indent).append(key).append(':');
            } else {
                out.append(indent).append("? ").append(key).append('\n').append(indent).append(':');
            }
            value(out, indent, field.getValue());
        }
    }

    /** A mapping's value: a nested block mapping, a block sequence (not indented, as PyYAML's), or a scalar. */
    @SuppressWarnings("unchecked")
    private static void value(StringBuilder out, String indent, Object value) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('\n');
            mapping(out, indent + "  ", (Map<String, ?>) map);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            for (Object item : list) {
                out.append(indent).append("- ").append(scalar(item)).append('\n');
            }
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return "[]";
        }
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return "{}";
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("A meta.yaml field holds text, a whole number, a boolean, null, a list"
                    + " or a mapping of them; found " + value.getClass().getName() + " (" + value + ")");
        }
        boolean printable = text.chars().allMatch(MetaYaml::isPrintable);
        if (printable && isPlain(text) && !RESOLVED.matcher(text).matches()) {
            return text;
        }
        if (printable) {
            return "'" + text.replace("'", "''") + "'";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c < 0x20 || c == 0x7f ? String.format("\\x%02X", (int) c) : c);
            }
        }
        return quoted.append('"').toString();
    }

    /** As PyYAML's {@code analyze_scalar} allows a plain scalar in block context (line breaks aside, checked before). */
    private static boolean isPlain(String text) {
        if (text.isEmpty() || text.startsWith(" ") || text.endsWith(" ") || text.endsWith(":")
                || text.contains(": ") || text.contains(" #") || INDICATORS.indexOf(text.charAt(0)) >= 0) {
            return false;
        }
        char first = text.charAt(0);
        return !((first == '-' || first == '?' || first == ':') && (text.length() == 1 || text.charAt(1) == ' '));
    }

    /** PyYAML's printable characters, with {@code allow_unicode}. */
    private static boolean isPrintable(int c) {
        return (c >= 0x20 && c <= 0x7e) || c == 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd
                && c != 0xfeff) || Character.isSurrogate((char) c);
    }
}
