package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;

/**
 * The JSON of MLflow's protobuf messages ({@code service.proto}, {@code model_registry.proto}) as MLflow's server
 * writes them with {@code message_to_json}: field names in snake_case, int64 fields as JSON numbers, enums by name,
 * doubles as numbers or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class MlflowJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MlflowJson() {
    }

    /** @return an empty object, the answer of calls that return nothing */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * @param experiment an experiment
     * @param locations  where its artifacts are reported
     * @return {@code Experiment}
     */
    public static ObjectNode experiment(Experiment experiment, ArtifactLocations locations) {
        ObjectNode node = object();
        node.put("experiment_id", experiment.experimentId());
        node.put("name", experiment.name());
        node.put("artifact_location", locations.of(experiment));
        node.put("lifecycle_stage", experiment.lifecycleStage().storedName());
        node.put("last_update_time", experiment.lastUpdateTime());
        node.put("creation_time", experiment.creationTime());
        node.set("tags", tags(experiment.tags()));
        return node;
    }

    /**
     * @param run       a run
     * @param locations where its artifacts are reported
     * @return {@code Run}: {@code info}, {@code data} (metrics, params, tags) and empty {@code inputs}
     */
    public static ObjectNode run(Run run, ArtifactLocations locations) {
        ObjectNode node = object();
        node.set("info", runInfo(run.info(), locations));
        ObjectNode data = node.putObject("data");
        ArrayNode metrics = data.putArray("metrics");
        run.data().metrics().values().forEach(metric -> metrics.add(metric(metric)));
        data.set("params", tags(run.data().params()));
        data.set("tags", tags(run.data().tags()));
        node.putObject("inputs");
        return node;
    }

    /**
     * @param info      a run's info
     * @param locations where its artifacts are reported
     * @return {@code RunInfo}, with both {@code run_id} and the older {@code run_uuid}
     */
    public static ObjectNode runInfo(RunInfo info, ArtifactLocations locations) {
        ObjectNode node = object();
        node.put("run_id", info.runId());
        node.put("run_uuid", info.runId());
        node.put("run_name", info.runName());
        node.put("experiment_id", info.experimentId());
        node.put("user_id", info.userId());
        node.put("status", info.status().name());
        node.put("start_time", info.startTime());
        info.endTime().ifPresent(end -> node.put("end_time", end));
        node.put("artifact_uri", locations.of(info));
        node.put("lifecycle_stage", info.lifecycleStage().storedName());
        return node;
    }

    /**
     * @param metric a metric value
     * @return {@code Metric}: key, value, timestamp, step
     */
    public static ObjectNode metric(Metric metric) {
        ObjectNode node = object();
        node.put("key", metric.key());
        double value = metric.value();
        if (Double.isFinite(value)) {
            node.put("value", value);
        } else {
            node.put("value", Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
        node.put("timestamp", metric.timestamp());
        node.put("step", metric.step());
        return node;
    }

    /**
     * @param model a registered model
     * @param latest its latest version per stage ({@code latest_versions})
     * @return {@code RegisteredModel}
     */
    public static ObjectNode registeredModel(RegisteredModel model, Iterable<ModelVersion> latest) {
        ObjectNode node = object();
        node.put("name", model.name());
        node.put("creation_timestamp", model.createdAt().toEpochMilli());
        node.put("last_updated_timestamp", model.updatedAt().toEpochMilli());
        if (!model.description().isEmpty()) {
            node.put("description", model.description());
        }
        ArrayNode versions = node.putArray("latest_versions");
        latest.forEach(version -> versions.add(modelVersion(version)));
        node.set("tags", tags(model.tags()));
        ArrayNode aliases = node.putArray("aliases");
        model.aliases().forEach((alias, version) -> aliases.addObject().put("alias", alias)
                .put("version", Integer.toString(version)));
        return node;
    }

    /**
     * @param version a model version
     * @return {@code ModelVersion}, with status {@code READY} (versions are registered whole)
     */
    public static ObjectNode modelVersion(ModelVersion version) {
        ObjectNode node = object();
        node.put("name", version.name());
        node.put("version", Integer.toString(version.version()));
        node.put("creation_timestamp", version.createdAt().toEpochMilli());
        node.put("last_updated_timestamp", version.updatedAt().toEpochMilli());
        node.put("current_stage", version.stage().displayName());
        if (!version.description().isEmpty()) {
            node.put("description", version.description());
        }
        node.put("source", version.source());
        version.runId().ifPresent(runId -> node.put("run_id", runId));
        node.put("status", "READY");
        node.set("tags", tags(version.tags()));
        ArrayNode aliases = node.putArray("aliases");
        version.aliases().forEach(aliases::add);
        return node;
    }

    /**
     * @param tags keys and values
     * @return a list of {@code {"key": ..., "value": ...}}, the shape of tags and params
     */
    public static ArrayNode tags(Map<String, String> tags) {
        ArrayNode array = NODES.arrayNode();
        tags.forEach((key, value) -> array.addObject().put("key", key).put("value", value));
        return array;
    }
}
