package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;

/**
 * The experiment calls of MLflow's REST API: {@code experiments/create}, {@code get}, {@code get-by-name},
 * {@code search}, {@code update}, {@code delete}, {@code restore} and {@code set-experiment-tag}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe when the
 * store is.
 */
public final class ExperimentEndpoints {

    /** The largest page of {@code experiments/search}, as MLflow's. */
    public static final int MAX_RESULTS = 50_000;
    private static final int DEFAULT_RESULTS = 1000;

    private static final EntityFilter<Experiment> FILTER = new EntityFilter<>("experiment",
            Map.of("name", Experiment::name), Map.of("creation_time", Experiment::creationTime,
            "last_update_time", Experiment::lastUpdateTime), Experiment::tags);

    private final TrackingStore store;
    private final ArtifactLocations locations;

    /**
     * @param store     where the experiments are
     * @param locations where their artifacts are reported
     */
    public ExperimentEndpoints(TrackingStore store, ArtifactLocations locations) {
        this.store = store;
        this.locations = locations;
    }

    /**
     * @param routes the table to add the experiment calls to
     */
    public void addTo(RestRoutes routes) {
        routes.add("experiments/create", "POST", this::create)
                .add("experiments/get", "GET", this::get)
                .add("experiments/get-by-name", "GET", this::getByName)
                .add("experiments/search", Set.of("GET", "POST"), this::search)
                .add("experiments/update", "POST", this::update)
                .add("experiments/delete", "POST", this::delete)
                .add("experiments/restore", "POST", this::restore)
                .add("experiments/set-experiment-tag", "POST", this::setTag);
    }

    private ObjectNode create(RestRequest request) {
        String name = request.required("name");
        if (request.text("artifact_location").filter(location -> !location.isEmpty()).isPresent()) {
            throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "This server places artifacts itself, under "
                    + "its store; create the experiment without 'artifact_location'.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        request.messages("tags").forEach(tag -> tags.put(tag.required("key"), tag.text("value").orElse("")));
        Experiment created = store.createExperiment(name, tags);
        return MlflowJson.object().put("experiment_id", created.experimentId());
    }

    private ObjectNode get(RestRequest request) {
        return answer(experiment(request.required("experiment_id")));
    }

    private ObjectNode getByName(RestRequest request) {
        String name = request.required("experiment_name");
        return answer(store.getExperimentByName(name).orElseThrow(() -> new RestException(
                ErrorCode.RESOURCE_DOES_NOT_EXIST, "Could not find experiment with name '" + name + "'.")));
    }

    private ObjectNode search(RestRequest request) {
        Paging paging = Paging.of(request, DEFAULT_RESULTS, MAX_RESULTS);
        ViewType view = Views.parse(request.text("view_type"));
        var filter = FILTER.parse(request.text("filter").orElse(""));
        Comparator<Experiment> order = order(request.texts("order_by"));
        List<Experiment> found = store.listExperiments(view).stream().filter(filter).sorted(order).toList();
        return paging.page(found, MlflowJson.object(), "experiments", e -> MlflowJson.experiment(e, locations));
    }

    private ObjectNode update(RestRequest request) {
        String id = request.required("experiment_id");
        experiment(id);
        request.text("new_name").filter(name -> !name.isEmpty()).ifPresent(name -> store.renameExperiment(id, name));
        return MlflowJson.object();
    }

    private ObjectNode delete(RestRequest request) {
        String id = request.required("experiment_id");
        experiment(id);
        store.deleteExperiment(id);
        return MlflowJson.object();
    }

    private ObjectNode restore(RestRequest request) {
        String id = request.required("experiment_id");
        experiment(id);
        store.restoreExperiment(id);
        return MlflowJson.object();
    }

    private ObjectNode setTag(RestRequest request) {
        String id = request.required("experiment_id");
        experiment(id);
        store.setExperimentTag(id, request.required("key"), request.text("value").orElse(""));
        return MlflowJson.object();
    }

    private Experiment experiment(String id) {
        return store.getExperiment(id).orElseThrow(() -> new RestException(ErrorCode.RESOURCE_DOES_NOT_EXIST,
                "No Experiment with id=" + id + " exists"));
    }

    private ObjectNode answer(Experiment experiment) {
        ObjectNode answer = MlflowJson.object();
        answer.set("experiment", MlflowJson.experiment(experiment, locations));
        return answer;
    }

    /** MLflow's order: the clauses given, then newest first, then by id. */
    private static Comparator<Experiment> order(List<String> clauses) {
        return SortClause.order(clauses, Map.of("name", Comparator.comparing(Experiment::name),
                "experiment_id", Comparator.comparing(Experiment::experimentId, ExperimentEndpoints::byId),
                "creation_time", Comparator.comparingLong(Experiment::creationTime),
                "last_update_time", Comparator.comparingLong(Experiment::lastUpdateTime)),
                Comparator.comparingLong(Experiment::creationTime).reversed()
                        .thenComparing(Experiment::experimentId, ExperimentEndpoints::byId));
    }

    private static int byId(String a, String b) {
        return a.length() != b.length() && a.chars().allMatch(Character::isDigit)
                && b.chars().allMatch(Character::isDigit) ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
