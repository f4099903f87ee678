package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * {@code runs/log-model}, which MLflow's clients call after saving a model under a run ({@code mlflow.<flavor>
 * .log_model}): the model's {@code MLmodel} description, as JSON, is appended to the run's
 * {@value #HISTORY_TAG} tag, a JSON list, as MLflow's stores record it.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe when the
 * store is; two calls on one run at once may keep only one of the two entries (MLflow's file store has the same race).
 */
public final class LogModelEndpoint {

    /** The run tag holding the logged models, as MLflow names it. */
    public static final String HISTORY_TAG = "mlflow.log-model.history";
    private static final Set<String> REQUIRED = Set.of("artifact_path", "flavors", "utc_time_created", "run_id");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrackingStore store;

    /** @param store where the runs are */
    public LogModelEndpoint(TrackingStore store) {
        this.store = store;
    }

    /** @param routes the table to add {@code runs/log-model} to */
    public void addTo(RestRoutes routes) {
        routes.add("runs/log-model", "POST", this::logModel);
    }

    private ObjectNode logModel(RestRequest request) {
        String runId = request.required("run_id");
        JsonNode model = parse(request.required("model_json"));
        Set<String> missing = new TreeSet<>(REQUIRED);
        model.fieldNames().forEachRemaining(missing::remove);
        if (!missing.isEmpty()) {
            throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Model json is missing mandatory fields: "
                    + missing + "; send the model's MLmodel description as MLflow's Model.to_json() writes it.");
        }
        String previous = store.getRun(runId).orElseThrow(() -> new RestException(ErrorCode.RESOURCE_DOES_NOT_EXIST,
                "Run with id=" + runId + " not found")).data().tags().getOrDefault(HISTORY_TAG, "[]");
        ArrayNode history = history(previous, runId);
        history.add(model);
        store.logBatch(runId, List.of(), List.of(), List.of(new RunTag(HISTORY_TAG, history.toString())));
        return MlflowJson.object();
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Malformed model info: 'model_json' is not a "
                + "JSON object: " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
    }

    /** The list so far; a tag that is not a JSON list (set by hand) is refused rather than overwritten. */
    private static ArrayNode history(String text, String runId) {
        try {
            if (JSON.readTree(text) instanceof ArrayNode list) {
                return list;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "The tag " + HISTORY_TAG + " of run " + runId
                + " is not a JSON list, so no model can be added to it; delete the tag (runs/delete-tag) first.");
    }
}
