package org.mlops4j.tracking.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.tracking.registry.internal.RegistryRules;

/**
 * A model registry on a tracking server, ours ({@code mlops server}) or MLflow's, reached through MLflow's REST API
 * 2.0 ({@code registered-models/*}, {@code model-versions/*}) at an {@code http:} or {@code https:} URI.
 *
 * <p>The server keeps the registry's rules (names, numbering, stages, aliases); this class maps the calls, and checks
 * model names first with the stores' own rules ({@link RegistryRules}), so that a name MLflow's server would call
 * missing (the empty one) is refused as invalid, as every store refuses it. A version's
 * input schema, which MLflow's API has no field for, travels as tags ({@link InputSchemaTags}). Removing a tag that is
 * not set does nothing here, although MLflow's server answers such a call with {@code RESOURCE_DOES_NOT_EXIST}: the
 * tag is looked up first. Thread-safe; holds nothing but the HTTP client.
 */
final class HttpModelRegistry implements ModelRegistry {

    private static final int MODELS_PAGE = 1000;
    private static final int VERSIONS_PAGE = 10_000;

    private final MlflowRestClient rest;

    /** @param settings the server and how to call it */
    HttpModelRegistry(HttpSettings settings) {
        this.rest = new MlflowRestClient(settings, ErrorMapping.REGISTRY);
    }

    @Override
    public URI location() {
        return rest.server();
    }

    @Override
    public RegisteredModel createModel(String name, String description, Map<String, String> tags) {
        RegistryRules.checkModelName(name);
        ObjectNode request = MlflowMessages.object().put("name", name).put("description", description);
        request.set("tags", MlflowMessages.keyValues(tags));
        return model(rest.call(MlflowCall.CREATE_MODEL, request));
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        RegistryRules.checkModelName(name);
        return rest.find(MlflowCall.GET_MODEL, MlflowMessages.object().put("name", name)).map(this::model);
    }

    @Override
    public List<RegisteredModel> listModels() {
        return searchModelsWhere("");
    }

    @Override
    public List<RegisteredModel> searchModels(String namePattern) {
        return searchModelsWhere("name LIKE " + quote(namePattern));
    }

    @Override
    public RegisteredModel renameModel(String name, String newName) {
        RegistryRules.checkModelName(newName);
        return model(rest.call(MlflowCall.RENAME_MODEL, MlflowMessages.object().put("name", name)
                .put("new_name", newName)));
    }

    @Override
    public void deleteModel(String name) {
        rest.call(MlflowCall.DELETE_MODEL, MlflowMessages.object().put("name", name));
    }

    @Override
    public RegisteredModel updateModelDescription(String name, String description) {
        return model(rest.call(MlflowCall.UPDATE_MODEL, MlflowMessages.object().put("name", name)
                .put("description", description)));
    }

    @Override
    public RegisteredModel setModelTag(String name, String key, String value) {
        rest.call(MlflowCall.SET_MODEL_TAG, MlflowMessages.object().put("name", name).put("key", key)
                .put("value", value));
        return getModel(name);
    }

    @Override
    public RegisteredModel deleteModelTag(String name, String key) {
        if (!getModel(name).tags().containsKey(key)) {
            return getModel(name);
        }
        rest.call(MlflowCall.DELETE_MODEL_TAG, MlflowMessages.object().put("name", name).put("key", key));
        return getModel(name);
    }

    @Override
    public ModelVersion createVersion(NewModelVersion version) {
        RegistryRules.checkModelName(version.name());
        ObjectNode request = MlflowMessages.object().put("name", version.name()).put("source", version.source())
                .put("description", version.description());
        version.runId().ifPresent(runId -> request.put("run_id", runId));
        Map<String, String> tags = new LinkedHashMap<>(version.tags());
        version.inputSchema().ifPresent(schema -> tags.putAll(InputSchemaTags.of(schema)));
        request.set("tags", MlflowMessages.keyValues(tags));
        return version(rest.call(MlflowCall.CREATE_VERSION, request));
    }

    @Override
    public Optional<ModelVersion> findVersion(String name, int version) {
        return rest.find(MlflowCall.GET_VERSION, versionRequest(name, version)).map(HttpModelRegistry::version);
    }

    @Override
    public List<ModelVersion> listVersions(String name) {
        getModel(name);
        List<ModelVersion> versions = searchVersionsWhere("name = " + quote(name));
        versions.sort(Comparator.comparingInt(ModelVersion::version));
        return versions;
    }

    @Override
    public List<ModelVersion> versionsOfRun(String runId) {
        List<ModelVersion> versions = searchVersionsWhere("run_id = " + quote(runId));
        versions.sort(Comparator.comparing(ModelVersion::name).thenComparingInt(ModelVersion::version));
        return versions;
    }

    @Override
    public ModelVersion transitionStage(String name, int version, ModelStage stage, boolean archiveExisting) {
        ObjectNode request = versionRequest(name, version).put("stage", stage.displayName())
                .put("archive_existing_versions", archiveExisting);
        return version(rest.call(MlflowCall.TRANSITION_STAGE, request));
    }

    @Override
    public ModelVersion updateVersionDescription(String name, int version, String description) {
        return version(rest.call(MlflowCall.UPDATE_VERSION, versionRequest(name, version)
                .put("description", description)));
    }

    @Override
    public ModelVersion setVersionTag(String name, int version, String key, String value) {
        rest.call(MlflowCall.SET_VERSION_TAG, versionRequest(name, version).put("key", key).put("value", value));
        return getVersion(name, version);
    }

    @Override
    public ModelVersion deleteVersionTag(String name, int version, String key) {
        if (getVersion(name, version).tags().containsKey(key)) {
            rest.call(MlflowCall.DELETE_VERSION_TAG, versionRequest(name, version).put("key", key));
        }
        return getVersion(name, version);
    }

    @Override
    public void deleteVersion(String name, int version) {
        rest.call(MlflowCall.DELETE_VERSION, versionRequest(name, version));
    }

    @Override
    public ModelVersion setAlias(String name, String alias, int version) {
        rest.call(MlflowCall.SET_ALIAS, versionRequest(name, version).put("alias", alias));
        return getVersion(name, version);
    }

    @Override
    public void deleteAlias(String name, String alias) {
        rest.call(MlflowCall.DELETE_ALIAS, MlflowMessages.object().put("name", name).put("alias", alias));
    }

    /** Holds no connection of its own: nothing to release. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "HttpModelRegistry[" + location() + "]";
    }

    private List<RegisteredModel> searchModelsWhere(String filter) {
        List<RegisteredModel> models = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            ObjectNode request = MlflowMessages.object().put("filter", filter).put("max_results", MODELS_PAGE);
            token.ifPresent(t -> request.put("page_token", t));
            JsonNode answer = rest.call(MlflowCall.SEARCH_MODELS, request);
            answer.path("registered_models").forEach(m -> models.add(MlflowMessages.registeredModel(m)));
            token = nextPageToken(answer);
        } while (token.isPresent());
        models.sort(Comparator.comparing(RegisteredModel::name));
        return models;
    }

    private List<ModelVersion> searchVersionsWhere(String filter) {
        List<ModelVersion> versions = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            ObjectNode request = MlflowMessages.object().put("filter", filter).put("max_results", VERSIONS_PAGE);
            token.ifPresent(t -> request.put("page_token", t));
            JsonNode answer = rest.call(MlflowCall.SEARCH_VERSIONS, request);
            answer.path("model_versions").forEach(v -> versions.add(MlflowMessages.modelVersion(v)));
            token = nextPageToken(answer);
        } while (token.isPresent());
        return versions;
    }

    private RegisteredModel model(JsonNode answer) {
        return MlflowMessages.registeredModel(answer.path("registered_model"));
    }

    private static ModelVersion version(JsonNode answer) {
        return MlflowMessages.modelVersion(answer.path("model_version"));
    }

    private static ObjectNode versionRequest(String name, int version) {
        return MlflowMessages.object().put("name", name).put("version", Integer.toString(version));
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static Optional<String> nextPageToken(JsonNode answer) {
        return Optional.of(answer.path("next_page_token").asText("")).filter(token -> !token.isEmpty());
    }
}
