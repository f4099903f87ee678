package org.mlops4j.tracking.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunData;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;

/**
 * MLflow's protobuf messages as JSON (the shape of {@code service.proto} and {@code model_registry.proto} under
 * {@code message_to_json}: snake_case names, int64 as numbers or strings, enums by name, doubles as numbers or
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}) read into mlops4j's records and written from them. The
 * shape is MLflow's, not ours, so the trees are mapped by hand (see {@link org.mlops4j.core.spi.support.Json}).
 */
final class MlflowMessages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MlflowMessages() {
    }

    /** @return an empty request message */
    static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * @param node an {@code Experiment}
     * @return the experiment
     */
    static Experiment experiment(JsonNode node) {
        return new Experiment(node.path("experiment_id").asText(), node.path("name").asText(),
                node.path("artifact_location").asText(""), stage(node), keyValues(node.path("tags")),
                node.path("creation_time").asLong(0), node.path("last_update_time").asLong(0));
    }

    /**
     * @param node a {@code Run}
     * @return the run
     */
    static Run run(JsonNode node) {
        JsonNode data = node.path("data");
        Map<String, Metric> metrics = new LinkedHashMap<>();
        data.path("metrics").forEach(m -> {
            Metric metric = metric(m);
            metrics.put(metric.key(), metric);
        });
        return new Run(runInfo(node.path("info")), new RunData(metrics, keyValues(data.path("params")),
                keyValues(data.path("tags"))));
    }

    /**
     * @param node a {@code RunInfo}
     * @return the run's info
     */
    static RunInfo runInfo(JsonNode node) {
        String runId = node.hasNonNull("run_id") ? node.get("run_id").asText() : node.path("run_uuid").asText();
        OptionalLong end = node.hasNonNull("end_time") ? OptionalLong.of(node.get("end_time").asLong())
                : OptionalLong.empty();
        return new RunInfo(runId, node.path("experiment_id").asText(), node.path("run_name").asText(""),
                node.path("user_id").asText(""), status(node.path("status")), node.path("start_time").asLong(0), end,
                node.path("artifact_uri").asText(""), stage(node));
    }

    /**
     * @param node a {@code Metric}
     * @return the metric value
     */
    static Metric metric(JsonNode node) {
        return new Metric(node.path("key").asText(), number(node.path("value")), node.path("timestamp").asLong(0),
                node.path("step").asLong(0));
    }

    /**
     * @param metric a metric value
     * @return {@code Metric}, with a value that is not finite written as MLflow writes it
     */
    static ObjectNode metric(Metric metric) {
        ObjectNode node = object().put("key", metric.key());
        double value = metric.value();
        if (Double.isFinite(value)) {
            node.put("value", value);
        } else {
            node.put("value", Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
        return node.put("timestamp", metric.timestamp()).put("step", metric.step());
    }

    /**
     * @param node     a {@code RegisteredModel}
     * @return the model
     */
    static RegisteredModel registeredModel(JsonNode node) {
        Map<String, Integer> aliases = new LinkedHashMap<>();
        node.path("aliases").forEach(a -> aliases.put(a.path("alias").asText(), a.path("version").asInt()));
        return new RegisteredModel(node.path("name").asText(), millis(node.path("creation_timestamp")),
                millis(node.path("last_updated_timestamp")), node.path("description").asText(""),
                keyValues(node.path("tags")), aliases);
    }

    /**
     * @param node a {@code ModelVersion}
     * @return the version; its input schema is read from the tags {@link InputSchemaTags} wrote
     */
    static ModelVersion modelVersion(JsonNode node) {
        Map<String, String> tags = keyValues(node.path("tags"));
        Optional<Schema> schema = InputSchemaTags.read(tags);
        TreeSet<String> aliases = new TreeSet<>();
        node.path("aliases").forEach(a -> aliases.add(a.asText()));
        Optional<String> runId = Optional.of(node.path("run_id").asText("")).filter(id -> !id.isEmpty());
        return new ModelVersion(node.path("name").asText(), node.path("version").asInt(),
                millis(node.path("creation_timestamp")), millis(node.path("last_updated_timestamp")),
                ModelStage.parse(node.path("current_stage").asText("None")), node.path("source").asText(""), runId,
                schema, node.path("description").asText(""), InputSchemaTags.without(tags), aliases);
    }

    /**
     * @param tags keys and values
     * @return a list of {@code {"key": ..., "value": ...}}, the shape of tags and params
     */
    static ArrayNode keyValues(Map<String, String> tags) {
        ArrayNode array = NODES.arrayNode();
        tags.forEach((key, value) -> array.addObject().put("key", key).put("value", value));
        return array;
    }

    /**
     * @param array a list of {@code {"key": ..., "value": ...}}
     * @return the keys and values, in order; for a key given twice the last value
     */
    static Map<String, String> keyValues(JsonNode array) {
        Map<String, String> map = new LinkedHashMap<>();
        array.forEach(entry -> map.put(entry.path("key").asText(), entry.path("value").asText("")));
        return map;
    }

    /**
     * @param items the strings
     * @return them as a JSON array
     */
    static ArrayNode array(List<String> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static double number(JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        return switch (value.asText("").trim().toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value.asText());
        };
    }

    private static LifecycleStage stage(JsonNode node) {
        return LifecycleStage.fromStoredName(node.path("lifecycle_stage").asText("active"));
    }

    private static RunStatus status(JsonNode status) {
        if (status.isInt()) {
            return RunStatus.fromCode(status.asInt());
        }
        return RunStatus.valueOf(status.asText("RUNNING").trim().toUpperCase(Locale.ROOT));
    }

    private static Instant millis(JsonNode node) {
        return Instant.ofEpochMilli(node.asLong(0));
    }
}
