package org.mlops4j.tracking.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;

/**
 * The JSON form of experiment and run meta files and index records. Field names are MLflow's meta.yaml keys
 * ({@code run_id}, {@code experiment_id}, {@code status} as MLflow's number, times in epoch milliseconds), written as
 * JSON instead of YAML.
 *
 * <p>Mapped as a tree, not through databind records: the shape is MLflow's (its key names, {@code run_uuid} beside
 * {@code run_id}, {@code end_time} and {@code deleted_time} written as {@code null}, status as MLflow's number), meta
 * files of older stores lack keys that are read with MLflow's defaults, and {@link RunIndex}'s records are built from
 * and folded into the same nodes.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class MetaJson {

    /** The shared mapper: sorted keys, pretty output for meta files. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private MetaJson() {
    }

    /**
     * @param info        a run's info
     * @param deletedTime when it was deleted, if it is
     * @return its meta JSON
     */
    public static ObjectNode run(RunInfo info, OptionalLong deletedTime) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("run_id", info.runId());
        node.put("run_uuid", info.runId());
        node.put("experiment_id", info.experimentId());
        node.put("run_name", info.runName());
        node.put("user_id", info.userId());
        node.put("status", info.status().code());
        node.put("start_time", info.startTime());
        if (info.endTime().isPresent()) {
            node.put("end_time", info.endTime().getAsLong());
        } else {
            node.putNull("end_time");
        }
        node.put("artifact_uri", info.artifactUri());
        node.put("lifecycle_stage", info.lifecycleStage().storedName());
        if (deletedTime.isPresent()) {
            node.put("deleted_time", deletedTime.getAsLong());
        } else {
            node.putNull("deleted_time");
        }
        return node;
    }

    /**
     * @param node a run meta JSON
     * @return the run's info
     */
    public static RunInfo runInfo(JsonNode node) {
        JsonNode end = node.path("end_time");
        return new RunInfo(node.path("run_id").asText(), node.path("experiment_id").asText(),
                node.path("run_name").asText(""), node.path("user_id").asText(""),
                node.hasNonNull("status") ? RunStatus.fromCode(node.path("status").asInt()) : RunStatus.RUNNING,
                node.path("start_time").asLong(),
                end.isNull() || end.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(end.asLong()),
                node.path("artifact_uri").asText(""),
                node.hasNonNull("lifecycle_stage")
                        ? LifecycleStage.fromStoredName(node.path("lifecycle_stage").asText())
                        : LifecycleStage.ACTIVE);
    }

    /**
     * @param node a run meta JSON
     * @return when the run was deleted, if it is
     */
    public static OptionalLong deletedTime(JsonNode node) {
        JsonNode deleted = node.path("deleted_time");
        return deleted.isNumber() ? OptionalLong.of(deleted.asLong()) : OptionalLong.empty();
    }

    /**
     * @param experiment  an experiment (its tags are kept elsewhere)
     * @param deletedTime when it was deleted, if it is
     * @return its meta JSON
     */
    public static ObjectNode experiment(Experiment experiment, OptionalLong deletedTime) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("experiment_id", experiment.experimentId());
        node.put("name", experiment.name());
        node.put("artifact_location", experiment.artifactLocation());
        node.put("lifecycle_stage", experiment.lifecycleStage().storedName());
        node.put("creation_time", experiment.creationTime());
        node.put("last_update_time", experiment.lastUpdateTime());
        if (deletedTime.isPresent()) {
            node.put("deleted_time", deletedTime.getAsLong());
        }
        return node;
    }

    /**
     * @param node an experiment meta JSON
     * @param tags the experiment's tags
     * @return the experiment
     */
    public static Experiment experiment(JsonNode node, Map<String, String> tags) {
        return new Experiment(node.path("experiment_id").asText(), node.path("name").asText(),
                node.path("artifact_location").asText(""),
                node.hasNonNull("lifecycle_stage")
                        ? LifecycleStage.fromStoredName(node.path("lifecycle_stage").asText())
                        : LifecycleStage.ACTIVE,
                tags, node.path("creation_time").asLong(), node.path("last_update_time").asLong());
    }

    /**
     * @param node a JSON value
     * @return it as pretty-printed UTF-8 bytes with a final line break
     * @throws IOException never in practice
     */
    public static byte[] pretty(JsonNode node) throws IOException {
        byte[] json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        byte[] out = new byte[json.length + 1];
        System.arraycopy(json, 0, out, 0, json.length);
        out[json.length] = '\n';
        return out;
    }
}
