package org.mlops4j.core.pipeline.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineStep;
import org.mlops4j.core.pipeline.RetryPolicy;
import org.mlops4j.core.pipeline.Step;
import org.mlops4j.core.pipeline.TriggerRule;
import org.mlops4j.core.pipeline.internal.PipelineJson;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.PipelineStepProvider;
import org.mlops4j.core.spi.support.YamlTrees;

/**
 * Reads pipeline declarations from JSON or YAML; see {@link org.mlops4j.core.pipeline.file.PipelineFile} for the
 * format.
 */
final class PipelineFileParser {

    private static final Set<String> PIPELINE_KEYS = Set.of("name", "steps", "description", "schedule");
    private static final Set<String> STEP_KEYS = Set.of("name", "type", "params", "inputs", "outputs", "after",
            "retries", "retry_delay", "max_retry_delay", "timeout", "trigger_rule", "version", "persist_outputs",
            "description");

    private PipelineFileParser() {
    }

    /**
     * @param file      the file
     * @param providers the step providers
     * @return the pipeline
     */
    public static Pipeline read(Path file, ProviderSet<PipelineStepProvider> providers) {
        boolean yaml = isYaml(file);
        return parse(readText(file), yaml, file.toString(), providers);
    }

    /**
     * @param file a pipeline file
     * @return whether it is YAML (else JSON)
     * @throws ConfigurationException when its extension is neither
     */
    static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (!yaml && !name.endsWith(".json")) {
            throw new ConfigurationException("Pipeline file " + file + " has an unknown extension; expected .json, "
                    + ".yaml or .yml");
        }
        return yaml;
    }

    /**
     * @param file a pipeline file
     * @return its text
     * @throws ConfigurationException naming the file when it cannot be read
     */
    static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read pipeline file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param text   a declaration that {@link #parse} has read without error (so YAML is on the class path when it is
     *               YAML)
     * @param yaml   whether it is YAML
     * @param source the file, for messages
     * @return the declaration's tree, for the blocks that other readers interpret (the schedule)
     */
    static JsonNode tree(String text, boolean yaml, String source) {
        try {
            return yaml ? YamlTrees.read(text) : PipelineJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new ConfigurationException("Pipeline file " + source + " is not valid " + (yaml ? "YAML" : "JSON")
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the declaration as a JSON tree (YAML through {@link YamlTrees}) on purpose, not through databind records:
     * pipeline files are written by people, a step's {@code params} are free-form (each step provider reads its own
     * keys), and every error names the step and the key in the library's words, where databind would give Jackson's.
     *
     * @param text      the declaration
     * @param yaml      whether it is YAML
     * @param source    the file or resource, for messages
     * @param providers the step providers
     * @return the pipeline
     */
    public static Pipeline parse(String text, boolean yaml, String source,
                                 ProviderSet<PipelineStepProvider> providers) {
        if (yaml && !YamlTrees.available()) {
            throw new ConfigurationException("Pipeline file " + source + " is YAML, which needs "
                    + YamlTrees.ARTIFACT + " (the Jackson version mlops4j uses) on"
                    + " the class path: add that dependency, or write the pipeline as JSON");
        }
        JsonNode root;
        try {
            root = yaml ? YamlTrees.read(text) : PipelineJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new ConfigurationException("Pipeline file " + source + " is not valid " + (yaml ? "YAML" : "JSON")
                    + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException("Pipeline file " + source + " must hold an object with 'name' and "
                    + "'steps'");
        }
        checkKeys(root, PIPELINE_KEYS, source, "the pipeline");
        String pipelineName = text(root, "name", source, "the pipeline", true);
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw new ConfigurationException("Pipeline file " + source + ": 'steps' must be a non-empty list of steps");
        }
        Pipeline.Builder builder;
        try {
            builder = Pipeline.builder(pipelineName);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Pipeline file " + source + ": " + e.getMessage(), e);
        }
        int position = 0;
        for (JsonNode node : steps) {
            position++;
            builder.step(step(node, position, source, providers));
        }
        try {
            return builder.build();
        } catch (ConfigurationException e) {
            throw new ConfigurationException("Pipeline file " + source + ": " + e.getMessage(), e);
        }
    }

    private static Step step(JsonNode node, int position, String source, ProviderSet<PipelineStepProvider> providers) {
        if (!node.isObject()) {
            throw new ConfigurationException("Pipeline file " + source + ": step #" + position + " must be an object");
        }
        String name = text(node, "name", source, "step #" + position, true);
        String where = "step '" + name + "'";
        checkKeys(node, STEP_KEYS, source, where);
        String type = text(node, "type", source, where, true);
        Map<String, Object> params = params(node, source, where);
        try {
            Step.Builder step = Step.named(name).type(type).params(params)
                    .inputs(strings(node, "inputs", source, where))
                    .outputs(strings(node, "outputs", source, where))
                    .after(strings(node, "after", source, where));
            if (node.has("retries")) {
                JsonNode retries = node.get("retries");
                if (!retries.canConvertToInt() || !retries.isIntegralNumber() || retries.asInt() < 0) {
                    throw new ConfigurationException("Pipeline file " + source + ", " + where + ": 'retries' must be "
                            + "a whole number >= 0, found " + retries);
                }
                RetryPolicy policy = RetryPolicy.retries(retries.asInt());
                if (node.has("retry_delay")) {
                    policy = policy.withInitialDelay(duration(node, "retry_delay", source, where));
                }
                if (node.has("max_retry_delay")) {
                    policy = policy.withMaxDelay(duration(node, "max_retry_delay", source, where));
                }
                step.retry(policy);
            }
            if (node.has("timeout")) {
                step.timeout(duration(node, "timeout", source, where));
            }
            if (node.has("trigger_rule")) {
                step.triggerRule(TriggerRule.fromKey(text(node, "trigger_rule", source, where, true)));
            }
            if (node.has("version")) {
                step.version(node.get("version").asText());
            }
            if (node.has("persist_outputs")) {
                step.persistOutputs(node.get("persist_outputs").asBoolean());
            }
            PipelineStepProvider provider = providers.find(type).orElseThrow(() -> new ConfigurationException(
                    "Pipeline file " + source + ", " + where + ": no step type '" + type + "' (available: "
                            + providers.names() + "); add the jar that provides it, or register a "
                            + "PipelineStepProvider named '" + type + "'"));
            return step.run(create(provider, params, source, where));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Pipeline file " + source + ", " + where + ": " + e.getMessage(), e);
        }
    }

    private static PipelineStep create(PipelineStepProvider provider, Map<String, Object> params, String source,
                                       String where) {
        PipelineStep action;
        try {
            action = provider.create(params);
        } catch (MlopsException e) {
            throw new ConfigurationException("Pipeline file " + source + ", " + where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConfigurationException("Pipeline file " + source + ", " + where + ": step type '"
                    + provider.name() + "' (" + provider.getClass().getName() + ") failed to make the step: " + e, e);
        }
        if (action == null) {
            throw new ConfigurationException("Pipeline file " + source + ", " + where + ": step type '"
                    + provider.name() + "' (" + provider.getClass().getName() + ") returned no step");
        }
        return action;
    }

    private static void checkKeys(JsonNode node, Set<String> accepted, String source, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!accepted.contains(key)) {
                throw new ConfigurationException("Pipeline file " + source + ", " + where + ": unknown key '" + key
                        + "'; accepted keys are " + new java.util.TreeSet<>(accepted));
            }
        }
    }

    private static String text(JsonNode node, String key, String source, String where, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                throw new ConfigurationException("Pipeline file " + source + ", " + where + ": '" + key
                        + "' is required");
            }
            return "";
        }
        if (!value.isValueNode()) {
            throw new ConfigurationException("Pipeline file " + source + ", " + where + ": '" + key
                    + "' must be text, found " + value);
        }
        return value.asText();
    }

    private static String[] strings(JsonNode node, String key, String source, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return new String[0];
        }
        if (value.isTextual()) {
            return new String[] {value.asText()};
        }
        if (!value.isArray()) {
            throw new ConfigurationException("Pipeline file " + source + ", " + where + ": '" + key
                    + "' must be a list of names, found " + value);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new ConfigurationException("Pipeline file " + source + ", " + where + ": '" + key
                        + "' must hold names, found " + item);
            }
            names.add(item.asText());
        }
        return names.toArray(new String[0]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(JsonNode node, String source, String where) {
        JsonNode value = node.get("params");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new ConfigurationException("Pipeline file " + source + ", " + where
                    + ": 'params' must be an object of names and values, found " + value);
        }
        return PipelineJson.MAPPER.convertValue(value, LinkedHashMap.class);
    }

    private static Duration duration(JsonNode node, String key, String source, String where) {
        JsonNode value = node.get(key);
        try {
            if (value.isNumber()) {
                return Duration.ofMillis(Math.round(value.asDouble() * 1000));
            }
            return Duration.parse(value.asText().trim());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("Pipeline file " + source + ", " + where + ": '" + key + "' must be an "
                    + "ISO-8601 duration such as PT30S or a number of seconds, found '" + value.asText() + "'", e);
        }
    }
}
