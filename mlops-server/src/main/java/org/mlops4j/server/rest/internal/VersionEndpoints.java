package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * The model-version calls of MLflow's REST API: {@code model-versions/create}, {@code get}, {@code update},
 * {@code delete}, {@code search}, {@code transition-stage}, {@code set-tag}, {@code delete-tag} and
 * {@code get-download-uri}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe when the
 * registry and the store are.
 */
public final class VersionEndpoints {

    /** The largest page of {@code model-versions/search}, as MLflow's. */
    public static final int MAX_RESULTS = 200_000;
    private static final int DEFAULT_RESULTS = 10_000;
    private static final EntityFilter<ModelVersion> FILTER = new EntityFilter<>("model version",
            Map.of("name", ModelVersion::name, "run_id", v -> v.runId().orElse(""), "source_path",
                    ModelVersion::source, "version_number", v -> Integer.toString(v.version())),
            Map.of("creation_timestamp", v -> v.createdAt().toEpochMilli(),
                    "last_updated_timestamp", v -> v.updatedAt().toEpochMilli()), ModelVersion::tags);

    private final ModelRegistry registry;
    private final TrackingStore store;
    private final ArtifactLocations locations;

    /**
     * @param registry  where the versions are registered
     * @param store     where their runs are, to answer download URIs
     * @param locations where the runs' artifacts are reported
     */
    public VersionEndpoints(ModelRegistry registry, TrackingStore store, ArtifactLocations locations) {
        this.registry = registry;
        this.store = store;
        this.locations = locations;
    }

    /**
     * @param routes the table to add the model-version calls to
     */
    public void addTo(RestRoutes routes) {
        routes.add("model-versions/create", "POST", this::create)
                .add("model-versions/get", "GET", this::get)
                .add("model-versions/update", "PATCH", this::update)
                .add("model-versions/delete", "DELETE", this::delete)
                .add("model-versions/search", "GET", this::search)
                .add("model-versions/transition-stage", "POST", this::transition)
                .add("model-versions/set-tag", "POST", this::setTag)
                .add("model-versions/delete-tag", "DELETE", this::deleteTag)
                .add("model-versions/get-download-uri", "GET", this::downloadUri);
    }

    /**
     * @param request a request with {@code version}
     * @return the version number
     * @throws RestException when it is missing or not a positive whole number
     */
    static int number(RestRequest request) {
        String text = request.required("version").trim();
        try {
            int number = Integer.parseInt(text);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RestException.invalid("version", "a model version number, 1 or more", "'" + text + "'");
    }

    private ObjectNode create(RestRequest request) {
        NewModelVersion.Builder version = NewModelVersion.builder(request.required("name"), request.required("source"))
                .description(request.text("description").orElse(""));
        request.text("run_id").filter(id -> !id.isEmpty()).ifPresent(version::runId);
        request.messages("tags").forEach(tag -> version.tag(tag.required("key"), tag.text("value").orElse("")));
        return answer(registry.createVersion(version.build()));
    }

    private ObjectNode get(RestRequest request) {
        return answer(registry.getVersion(request.required("name"), number(request)));
    }

    private ObjectNode update(RestRequest request) {
        String name = request.required("name");
        int number = number(request);
        return answer(request.text("description")
                .map(text -> registry.updateVersionDescription(name, number, text))
                .orElseGet(() -> registry.getVersion(name, number)));
    }

    private ObjectNode delete(RestRequest request) {
        String name = request.required("name");
        int number = number(request);
        registry.getVersion(name, number);
        registry.deleteVersion(name, number);
        return MlflowJson.object();
    }

    private ObjectNode search(RestRequest request) {
        Paging paging = Paging.of(request, DEFAULT_RESULTS, MAX_RESULTS);
        var filter = FILTER.parse(request.text("filter").orElse(""));
        Comparator<ModelVersion> order = order(request.texts("order_by"));
        List<ModelVersion> found = registry.listModels().stream()
                .flatMap(model -> registry.listVersions(model.name()).stream()).filter(filter)
                .sorted(order).toList();
        return paging.page(found, MlflowJson.object(), "model_versions", MlflowJson::modelVersion);
    }

    private ObjectNode transition(RestRequest request) {
        String name = request.required("name");
        int number = number(request);
        return answer(registry.transitionStage(name, number, request.required("stage"),
                request.flag("archive_existing_versions")));
    }

    private ObjectNode setTag(RestRequest request) {
        registry.setVersionTag(request.required("name"), number(request), request.required("key"),
                request.text("value").orElse(""));
        return MlflowJson.object();
    }

    private ObjectNode deleteTag(RestRequest request) {
        String name = request.required("name");
        int number = number(request);
        String key = request.required("key");
        if (!registry.getVersion(name, number).tags().containsKey(key)) {
            throw new RestException(ErrorCode.RESOURCE_DOES_NOT_EXIST, "No tag with key '" + key + "' on version "
                    + number + " of model '" + name + "'.");
        }
        registry.deleteVersionTag(name, number, key);
        return MlflowJson.object();
    }

    /** A {@code runs:/<id>/<path>} source resolves to the run's artifact URI and the path, as MLflow's. */
    private ObjectNode downloadUri(RestRequest request) {
        ModelVersion version = registry.getVersion(request.required("name"), number(request));
        String source = version.source();
        String uri = source;
        if (source.startsWith("runs:/")) {
            String[] parts = source.substring("runs:/".length()).split("/", 2);
            Optional<Run> run = store.getRun(parts[0]);
            if (run.isPresent()) {
                String base = locations.of(run.get().info()).replaceAll("/+$", "");
                uri = Stream.of(base, parts.length > 1 ? parts[1] : "").filter(s -> !s.isEmpty())
                        .reduce((a, b) -> a + "/" + b).orElse(base);
            }
        }
        return MlflowJson.object().put("artifact_uri", uri);
    }

    /** MLflow's order: the clauses given, then by name, then newest version first. */
    private static Comparator<ModelVersion> order(List<String> clauses) {
        return SortClause.order(clauses, Map.of("name", Comparator.comparing(ModelVersion::name),
                "version_number", Comparator.comparingInt(ModelVersion::version),
                "creation_timestamp", Comparator.comparing(ModelVersion::createdAt),
                "timestamp", Comparator.comparing(ModelVersion::createdAt),
                "last_updated_timestamp", Comparator.comparing(ModelVersion::updatedAt)),
                Comparator.comparing(ModelVersion::name).thenComparing(ModelVersion::version,
                        Comparator.reverseOrder()));
    }

    private static ObjectNode answer(ModelVersion version) {
        ObjectNode answer = MlflowJson.object();
        answer.set("model_version", MlflowJson.modelVersion(version));
        return answer;
    }
}
