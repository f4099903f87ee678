package org.mlops4j.drift.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.support.Json;
import org.mlops4j.core.spi.support.YamlTrees;

/**
 * Reads a {@link CheckSuite} from JSON (or the same document in YAML, for a file named {@code .yaml} or {@code .yml},
 * when jackson-dataformat-yaml is on the class path, as it is in {@code mlops.jar}):
 *
 * <pre>{@code
 * {
 *   "name": "nightly batch",
 *   "checks": [
 *     {"check": "row_count", "condition": {"between": [900, 1100]}},
 *     {"check": "missing_share", "columns": ["age"], "condition": {"lte": 0.05}, "severity": "warn"},
 *     {"check": "new_categories"},
 *     {"check": "column_drift", "columns": ["age", "city"], "stattest": "psi", "threshold": 0.2},
 *     {"check": "drifted_share", "condition": {"lt": 0.3}},
 *     {"check": "model_quality", "metric": "f1", "target": "label", "prediction": "prediction",
 *      "condition": {"gte": 0.7}}
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code check} names a {@link CheckKind}; {@code columns} (default: every column the check applies to),
 * {@code condition} (keys {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code eq}, {@code between}, all of which
 * must hold; default: the check's own, from the reference) and {@code severity} ({@code fail}, the default, or
 * {@code warn}, Evidently's {@code is_critical: false}) are common; the other keys are the check's options. Presets
 * ship as resources: {@link #preset(String)}.
 */
public final class SuiteFile {

    private static final Set<String> COMMON_KEYS = Set.of("check", "columns", "condition", "severity");
    private static final Set<String> OPTION_KEYS = Set.of("stattest", "threshold", "metric", "target", "prediction");
    private static final String PRESET_FOLDER = "/org/mlops4j/drift/suite/presets/";
    /** The presets this module ships. */
    public static final List<String> PRESETS = List.of("data-stability");

    private SuiteFile() {
    }

    /**
     * @param file a suite file
     * @return its suite
     * @throws ConfigurationException naming the file and the check when it is not a valid suite
     */
    public static CheckSuite read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return yaml ? parseYaml(text, file.toString()) : parse(text, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("Suite file " + file + " does not exist; check the path", e);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read suite file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param name a preset's name: {@code data-stability} (rows, column types, missing values, values out of range,
     *             new categories, each by its default condition)
     * @return the preset's suite
     * @throws ConfigurationException naming the presets when there is no such preset
     */
    public static CheckSuite preset(String name) {
        return resource(SuiteFile.class, PRESET_FOLDER + name + ".json", "preset '" + name + "'", PRESETS);
    }

    /**
     * @param owner    the class whose module holds the resource
     * @param resource the resource's absolute path
     * @param what     what to call it in messages
     * @param known    the names to offer when it is missing
     * @return the suite the resource declares
     */
    public static CheckSuite resource(Class<?> owner, String resource, String what, List<String> known) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigurationException("There is no " + what + "; expected one of " + known);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), what);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param json   a suite as JSON
     * @param source what to call it in messages (a file's name)
     * @return the suite
     * @throws ConfigurationException naming the source and the check when it is not a valid suite
     */
    public static CheckSuite parse(String json, String source) {
        JsonNode root;
        try {
            root = Json.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("Suite " + source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return suite(root, source);
    }

    private static CheckSuite suite(JsonNode root, String source) {
        if (root == null || !root.isObject() || !root.path("checks").isArray()) {
            throw new ConfigurationException("Suite " + source + " must be a JSON object with a \"checks\" array");
        }
        List<Check> checks = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.path("checks")) {
            String where = "Suite " + source + ", checks[" + index++ + "]";
            try {
                checks.add(check(node));
            } catch (ConfigurationException e) {
                throw new ConfigurationException(where + ": " + e.getMessage(), e);
            }
        }
        return new CheckSuite(root.path("name").asText(source), checks);
    }

    /**
     * @param yaml   a suite as YAML, the same document as the JSON form
     * @param source what to call it in messages (a file's name)
     * @return the suite
     * @throws ConfigurationException naming the source and the check when it is not a valid suite, or naming the
     *                                artifact to add when YAML support is not on the class path
     */
    public static CheckSuite parseYaml(String yaml, String source) {
        if (!YamlTrees.available()) {
            throw new ConfigurationException("Suite " + source + " is YAML, which needs " + YamlTrees.ARTIFACT
                    + " on the class path: add that dependency, or write the suite as JSON");
        }
        try {
            return suite(YamlTrees.read(yaml), source);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("Suite " + source + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param text   an option's text
     * @param option the option's name, for the message
     * @return the number
     * @throws ConfigurationException when the text is not a number
     */
    static double number(String text, String option) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Option '" + option + "' must be a number; found '" + text + "'", e);
        }
    }

    private static Check check(JsonNode node) {
        if (!node.isObject() || !node.path("check").isTextual()) {
            throw new ConfigurationException("a check must be an object with \"check\" naming it, such as "
                    + "{\"check\": \"row_count\"}");
        }
        CheckKind kind = CheckKind.fromKey(node.get("check").asText());
        Map<String, String> options = new LinkedHashMap<>();
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (OPTION_KEYS.contains(key)) {
                options.put(key, node.get(key).asText());
            } else if (!COMMON_KEYS.contains(key)) {
                throw new ConfigurationException("unknown key '" + key + "' in check '" + kind.key()
                        + "'; expected " + COMMON_KEYS + " or options " + OPTION_KEYS);
            }
        }
        Optional<Condition> condition = node.has("condition") ? Optional.of(condition(node.get("condition")))
                : Optional.empty();
        if (kind == CheckKind.COLUMN_DRIFT && condition.isPresent()) {
            throw new ConfigurationException("column_drift decides by its test's threshold, not a condition; give "
                    + "\"threshold\" (and \"stattest\") instead");
        }
        return new Check(kind, columns(node.path("columns")), condition, severity(node.path("severity")), options);
    }

    private static List<String> columns(JsonNode node) {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ConfigurationException("\"columns\" must be an array of column names, such as [\"age\"]");
        }
        List<String> names = new ArrayList<>();
        node.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static boolean severity(JsonNode node) {
        if (node.isMissingNode()) {
            return true;
        }
        return switch (node.asText()) {
            case "fail" -> true;
            case "warn" -> false;
            default -> throw new ConfigurationException("\"severity\" must be \"fail\" or \"warn\"; found "
                    + node);
        };
    }

    private static Condition condition(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            throw new ConfigurationException("\"condition\" must be an object such as {\"lte\": 0.1} or "
                    + "{\"between\": [1, 5]}; found " + node);
        }
        Condition condition = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Condition next = field.getKey().equals("between") ? between(field.getValue())
                    : Condition.of(Condition.Operator.fromKey(field.getKey()), bound(field.getKey(),
                            field.getValue()));
            condition = condition == null ? next : condition.and(next);
        }
        return condition;
    }

    private static Condition between(JsonNode node) {
        if (!node.isArray() || node.size() != 2) {
            throw new ConfigurationException("\"between\" must be [low, high]; found " + node);
        }
        return Condition.between(bound("between", node.get(0)), bound("between", node.get(1)));
    }

    private static double bound(String key, JsonNode node) {
        if (!node.isNumber()) {
            throw new ConfigurationException("Condition '" + key + "' needs a number; found " + node);
        }
        return node.asDouble();
    }
}
