package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * {@code runs/log-inputs} ({@code LogInputs}: datasets, each with its name, digest, source and schema, used by a run).
 * mlops4j's stores do not record datasets yet, so a call that carries datasets is answered
 * {@code NOT_IMPLEMENTED} (501, which MLflow's clients do not retry, and which MLflow's autologging reports as a
 * warning and goes on) with what to do instead; nothing is half-written. A call without datasets has nothing to record
 * and succeeds. The run and the fields are checked first, so that a wrong call gets the error of its mistake.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe when the
 * store is.
 */
public final class LogInputsEndpoint {

    private final TrackingStore store;

    /** @param store where the runs are */
    public LogInputsEndpoint(TrackingStore store) {
        this.store = store;
    }

    /** @param routes the table to add {@code runs/log-inputs} to */
    public void addTo(RestRoutes routes) {
        routes.add("runs/log-inputs", "POST", this::logInputs);
    }

    private ObjectNode logInputs(RestRequest request) {
        String runId = request.required("run_id");
        List<RestRequest> datasets = request.messages("datasets");
        for (RestRequest input : datasets) {
            RestRequest dataset = message(input, "dataset");
            dataset.required("name");
            dataset.required("digest");
            dataset.required("source_type");
            dataset.required("source");
        }
        store.getRun(runId).orElseThrow(() -> new RestException(ErrorCode.RESOURCE_DOES_NOT_EXIST,
                "Run with id=" + runId + " not found"));
        if (datasets.isEmpty()) {
            return MlflowJson.object();
        }
        throw new RestException(ErrorCode.NOT_IMPLEMENTED, "The store at " + store.location() + " does not record "
                + "datasets, so the " + datasets.size() + " dataset input(s) of run " + runId + " were not logged "
                + "(nothing else of the run changed). Record a dataset as params or tags (its name, digest and "
                + "source) or log the data as an artifact.");
    }

    private static RestRequest message(RestRequest request, String name) {
        if (!(request.fields().get(name) instanceof ObjectNode object)) {
            throw RestException.missing("datasets." + name);
        }
        return new RestRequest(request.method(), object);
    }
}
