package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;

/**
 * The registered-model calls of MLflow's REST API: {@code registered-models/create}, {@code get}, {@code rename},
 * {@code update}, {@code delete}, {@code search}, {@code get-latest-versions}, {@code set-tag}, {@code delete-tag},
 * and {@code alias} (set with POST, delete with DELETE, get with GET).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe when the
 * registry is.
 */
public final class ModelEndpoints {

    /** The largest page of {@code registered-models/search}, as MLflow's. */
    public static final int MAX_RESULTS = 1000;
    private static final int DEFAULT_RESULTS = 100;
    private static final EntityFilter<RegisteredModel> FILTER = new EntityFilter<>("registered model",
            Map.of("name", RegisteredModel::name), Map.of("creation_timestamp", m -> m.createdAt().toEpochMilli(),
            "last_updated_timestamp", m -> m.updatedAt().toEpochMilli()), RegisteredModel::tags);

    private final ModelRegistry registry;

    /** @param registry where the models are registered */
    public ModelEndpoints(ModelRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param routes the table to add the registered-model calls to
     */
    public void addTo(RestRoutes routes) {
        routes.add("registered-models/create", "POST", this::create)
                .add("registered-models/get", "GET", this::get)
                .add("registered-models/rename", "POST", this::rename)
                .add("registered-models/update", "PATCH", this::update)
                .add("registered-models/delete", "DELETE", this::delete)
                .add("registered-models/search", "GET", this::search)
                .add("registered-models/get-latest-versions", Set.of("GET", "POST"), this::latestVersions)
                .add("registered-models/set-tag", "POST", this::setTag)
                .add("registered-models/delete-tag", "DELETE", this::deleteTag)
                .add("registered-models/alias", Set.of("GET", "POST", "DELETE"), this::alias);
    }

    private ObjectNode create(RestRequest request) {
        Map<String, String> tags = new LinkedHashMap<>();
        request.messages("tags").forEach(tag -> tags.put(tag.required("key"), tag.text("value").orElse("")));
        return answer(registry.createModel(request.required("name"), request.text("description").orElse(""), tags));
    }

    private ObjectNode get(RestRequest request) {
        return answer(registry.getModel(request.required("name")));
    }

    private ObjectNode rename(RestRequest request) {
        return answer(registry.renameModel(request.required("name"), request.required("new_name")));
    }

    private ObjectNode update(RestRequest request) {
        String name = request.required("name");
        return answer(request.text("description").map(text -> registry.updateModelDescription(name, text))
                .orElseGet(() -> registry.getModel(name)));
    }

    private ObjectNode delete(RestRequest request) {
        registry.deleteModel(request.required("name"));
        return MlflowJson.object();
    }

    private ObjectNode search(RestRequest request) {
        Paging paging = Paging.of(request, DEFAULT_RESULTS, MAX_RESULTS);
        var filter = FILTER.parse(request.text("filter").orElse(""));
        List<RegisteredModel> found = registry.listModels().stream().filter(filter)
                .sorted(order(request.texts("order_by"))).toList();
        return paging.page(found, MlflowJson.object(), "registered_models", this::json);
    }

    private ObjectNode latestVersions(RestRequest request) {
        String name = request.required("name");
        registry.getModel(name);
        List<ModelStage> stages = request.texts("stages").stream().map(ModelStage::parse).toList();
        ObjectNode answer = MlflowJson.object();
        var versions = answer.putArray("model_versions");
        registry.latestVersions(name, stages).forEach(version -> versions.add(MlflowJson.modelVersion(version)));
        return answer;
    }

    private ObjectNode setTag(RestRequest request) {
        registry.setModelTag(request.required("name"), request.required("key"), request.text("value").orElse(""));
        return MlflowJson.object();
    }

    private ObjectNode deleteTag(RestRequest request) {
        String name = request.required("name");
        String key = request.required("key");
        if (!registry.getModel(name).tags().containsKey(key)) {
            throw new RestException(ErrorCode.RESOURCE_DOES_NOT_EXIST, "No tag with key '" + key
                    + "' on registered model '" + name + "'.");
        }
        registry.deleteModelTag(name, key);
        return MlflowJson.object();
    }

    /** One path, three calls: MLflow tells them apart by method. */
    private ObjectNode alias(RestRequest request) {
        String name = request.required("name");
        String alias = request.required("alias");
        return switch (request.method()) {
            case "POST" -> {
                registry.setAlias(name, alias, VersionEndpoints.number(request));
                yield MlflowJson.object();
            }
            case "DELETE" -> {
                registry.deleteAlias(name, alias);
                yield MlflowJson.object();
            }
            default -> {
                ObjectNode answer = MlflowJson.object();
                answer.set("model_version", MlflowJson.modelVersion(registry.getByAlias(name, alias)));
                yield answer;
            }
        };
    }

    private ObjectNode answer(RegisteredModel model) {
        ObjectNode answer = MlflowJson.object();
        answer.set("registered_model", json(model));
        return answer;
    }

    private ObjectNode json(RegisteredModel model) {
        List<ModelVersion> latest = registry.latestVersions(model.name(), List.of());
        return MlflowJson.registeredModel(model, latest);
    }

    /** MLflow's order: the clauses given, then by name. */
    private static Comparator<RegisteredModel> order(List<String> clauses) {
        return SortClause.order(clauses, Map.of("name", Comparator.comparing(RegisteredModel::name),
                "creation_timestamp", Comparator.comparing(RegisteredModel::createdAt),
                "timestamp", Comparator.comparing(RegisteredModel::createdAt),
                "last_updated_timestamp", Comparator.comparing(RegisteredModel::updatedAt)),
                Comparator.comparing(RegisteredModel::name));
    }
}
