package org.mlops4j.core.tracking;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Registered models and their numbered versions, stages and aliases. Opened by a
 * {@link org.mlops4j.core.spi.ModelRegistryProvider} for a registry URI.
 *
 * <pre>{@code
 * try (ModelRegistry registry = provider.open(URI.create("file:./mlruns"), config)) {
 *     ModelVersion v = registry.register(NewModelVersion.builder("lead-scoring", "runs:/" + runId + "/model")
 *             .inputSchema(inputSchema).build());                      // version 1, 2, ... in stage None
 *     registry.transitionStage("lead-scoring", v.version(), ModelStage.PRODUCTION, true);
 *     registry.setAlias("lead-scoring", "champion", v.version());
 *     ModelVersion serving = registry.resolve("models:/lead-scoring@champion");
 * }
 * }</pre>
 *
 * <p>Version numbers start at 1 for each model and count up without gaps as versions are registered; a number is
 * never given twice, even when threads or processes register versions of one model at the same time, and the number
 * of a deleted version is not reused. Names follow MLflow's rules: a model name is 1 to 255 characters without
 * {@code /}, {@code \}, {@code %}, control characters, surrounding spaces or a leading {@code .}; an alias matches
 * {@code [\w-]+} (at most 255 characters) and is neither {@code latest} nor of the form {@code v<digits>}; tag keys
 * are 1 to 250 characters of letters, digits, {@code _ - . / : } and space, values at most 5000 characters.
 *
 * <p>Every read returns a snapshot; records returned are immutable. Implementations are safe to use from several
 * threads and, for stores shared on disk or in a database, from several processes. Failures are reported with
 * {@link ModelNotFoundException} (a model, version or alias does not exist), {@link ModelAlreadyExistsException},
 * {@link InvalidRegistryValueException} (a name, key, value or URI breaks the rules) and
 * {@link ModelRegistryException} (the store cannot be read or written).
 */
public interface ModelRegistry extends AutoCloseable {

    /** @return the registry URI this registry was opened at */
    URI location();

    // ---- registered models ------------------------------------------------------------------------------------

    /**
     * Creates a registered model with no versions.
     *
     * @param name        the model's name
     * @param description free text; empty for none
     * @param tags        the model's tags
     * @return the model
     * @throws ModelAlreadyExistsException when a model of that name exists
     */
    RegisteredModel createModel(String name, String description, Map<String, String> tags);

    /**
     * Creates a registered model with no versions, description or tags.
     *
     * @param name the model's name
     * @return the model
     * @throws ModelAlreadyExistsException when a model of that name exists
     */
    default RegisteredModel createModel(String name) {
        return createModel(name, "", Map.of());
    }

    /**
     * @param name a model's name
     * @return the model, if it exists
     */
    Optional<RegisteredModel> findModel(String name);

    /**
     * @param name a model's name
     * @return the model
     * @throws ModelNotFoundException when there is no model of that name
     */
    default RegisteredModel getModel(String name) {
        return findModel(name).orElseThrow(() -> new ModelNotFoundException("Registered model '" + name
                + "' does not exist in " + location() + "; check the name, or register a first version under it."));
    }

    /** @return every registered model, sorted by name */
    List<RegisteredModel> listModels();

    /**
     * Finds models by name with an SQL {@code LIKE} pattern: {@code %} matches any run of characters, {@code _} one
     * character; matching is case-sensitive.
     *
     * @param namePattern a pattern such as {@code lead-%}
     * @return the matching models, sorted by name
     */
    List<RegisteredModel> searchModels(String namePattern);

    /**
     * Renames a model; its versions, stages, aliases and tags move with it. URIs that used the old name stop
     * resolving.
     *
     * @param name    the current name
     * @param newName the new name
     * @return the model under its new name
     * @throws ModelNotFoundException      when there is no model called {@code name}
     * @throws ModelAlreadyExistsException when a model called {@code newName} exists
     */
    RegisteredModel renameModel(String name, String newName);

    /**
     * Deletes a model with all its versions, tags and aliases. The name may be used again afterwards; its versions
     * then start at 1.
     *
     * @param name the model's name
     * @throws ModelNotFoundException when there is no model of that name
     */
    void deleteModel(String name);

    /**
     * @param name        the model's name
     * @param description the new description; empty to clear it
     * @return the model as updated
     * @throws ModelNotFoundException when there is no model of that name
     */
    RegisteredModel updateModelDescription(String name, String description);

    /**
     * Sets (adds or replaces) a tag on a model.
     *
     * @param name  the model's name
     * @param key   the tag key
     * @param value its value
     * @return the model as updated
     * @throws ModelNotFoundException when there is no model of that name
     */
    RegisteredModel setModelTag(String name, String key, String value);

    /**
     * Removes a tag from a model; removing a tag that is not set does nothing.
     *
     * @param name the model's name
     * @param key  the tag key
     * @return the model as updated
     * @throws ModelNotFoundException when there is no model of that name
     */
    RegisteredModel deleteModelTag(String name, String key);

    // ---- versions ---------------------------------------------------------------------------------------------

    /**
     * Registers a new version of an existing model. It gets the next number, stage {@link ModelStage#NONE} and the
     * current time. A {@code models:/} source is replaced by the source (and run id) of the version it resolves to.
     *
     * @param version what to register
     * @return the version, with its number
     * @throws ModelNotFoundException        when the model does not exist (see {@link #register(NewModelVersion)})
     * @throws InvalidRegistryValueException when the source is empty, a {@code runs:/} source is malformed or names
     *                                       another run than {@code runId}, or the input schema is not JSON
     */
    ModelVersion createVersion(NewModelVersion version);

    /**
     * Registers a new version, creating the registered model first if it does not exist (like MLflow's
     * {@code register_model}). Safe when several threads or processes register the first version at once.
     *
     * @param version what to register
     * @return the version, with its number
     */
    default ModelVersion register(NewModelVersion version) {
        Objects.requireNonNull(version, "version");
        if (findModel(version.name()).isEmpty()) {
            try {
                createModel(version.name());
            } catch (ModelAlreadyExistsException raced) {
                // another thread or process created it in between: register into that one
            }
        }
        return createVersion(version);
    }

    /**
     * @param name    a model's name
     * @param version a version number
     * @return the version, if the model and the version exist
     */
    Optional<ModelVersion> findVersion(String name, int version);

    /**
     * @param name    a model's name
     * @param version a version number
     * @return the version
     * @throws ModelNotFoundException when the model or the version does not exist
     */
    default ModelVersion getVersion(String name, int version) {
        return findVersion(name, version).orElseThrow(() -> {
            getModel(name);
            return new ModelNotFoundException("Model '" + name + "' has no version " + version + " in "
                    + location() + ".");
        });
    }

    /**
     * @param name a model's name
     * @return its versions, by ascending number
     * @throws ModelNotFoundException when there is no model of that name
     */
    List<ModelVersion> listVersions(String name);

    /**
     * @param runId a run's id
     * @return every model version registered from that run, by model name and version
     */
    List<ModelVersion> versionsOfRun(String runId);

    /**
     * The highest version in each of the given stages, as MLflow's {@code get_latest_versions} gives it.
     *
     * @param name   a model's name
     * @param stages the stages to look at; every stage when empty
     * @return at most one version per stage, ordered by stage
     * @throws ModelNotFoundException when there is no model of that name
     */
    default List<ModelVersion> latestVersions(String name, Collection<ModelStage> stages) {
        Set<ModelStage> wanted = stages.isEmpty() ? EnumSet.allOf(ModelStage.class) : EnumSet.copyOf(stages);
        Map<ModelStage, ModelVersion> latest = new LinkedHashMap<>();
        for (ModelVersion v : listVersions(name)) {
            if (wanted.contains(v.stage())) {
                latest.merge(v.stage(), v, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        List<ModelVersion> result = new ArrayList<>(latest.values());
        result.sort(Comparator.comparing(ModelVersion::stage));
        return result;
    }

    /**
     * Moves a version to another stage.
     *
     * @param name            a model's name
     * @param version         a version number
     * @param stage           the target stage
     * @param archiveExisting whether every other version now in the target stage moves to {@link ModelStage#ARCHIVED}
     *                        in the same step; allowed only for the active stages Staging and Production
     * @return the version as updated
     * @throws ModelNotFoundException        when the model or the version does not exist
     * @throws InvalidRegistryValueException when {@code archiveExisting} is asked for an inactive stage
     */
    ModelVersion transitionStage(String name, int version, ModelStage stage, boolean archiveExisting);

    /**
     * Moves a version to a stage given by name, in any case ({@code "production"}).
     *
     * @param name            a model's name
     * @param version         a version number
     * @param stage           the target stage's name
     * @param archiveExisting see {@link #transitionStage(String, int, ModelStage, boolean)}
     * @return the version as updated
     * @throws InvalidRegistryValueException when the stage name is not one of None, Staging, Production, Archived
     */
    default ModelVersion transitionStage(String name, int version, String stage, boolean archiveExisting) {
        return transitionStage(name, version, ModelStage.parse(stage), archiveExisting);
    }

    /**
     * @param name        a model's name
     * @param version     a version number
     * @param description the new description; empty to clear it
     * @return the version as updated
     * @throws ModelNotFoundException when the model or the version does not exist
     */
    ModelVersion updateVersionDescription(String name, int version, String description);

    /**
     * Sets (adds or replaces) a tag on a version.
     *
     * @param name    a model's name
     * @param version a version number
     * @param key     the tag key
     * @param value   its value
     * @return the version as updated
     * @throws ModelNotFoundException when the model or the version does not exist
     */
    ModelVersion setVersionTag(String name, int version, String key, String value);

    /**
     * Removes a tag from a version; removing a tag that is not set does nothing.
     *
     * @param name    a model's name
     * @param version a version number
     * @param key     the tag key
     * @return the version as updated
     * @throws ModelNotFoundException when the model or the version does not exist
     */
    ModelVersion deleteVersionTag(String name, int version, String key);

    /**
     * Deletes a version and the aliases that point at it. Its number is not given to a later version.
     *
     * @param name    a model's name
     * @param version a version number
     * @throws ModelNotFoundException when the model or the version does not exist
     */
    void deleteVersion(String name, int version);

    // ---- aliases ----------------------------------------------------------------------------------------------

    /**
     * Points an alias at a version; an alias already set on another version of the model moves.
     *
     * @param name    a model's name
     * @param alias   the alias, such as {@code champion}
     * @param version a version number
     * @return the version the alias now points at
     * @throws ModelNotFoundException        when the model or the version does not exist
     * @throws InvalidRegistryValueException when the alias breaks the alias rules
     */
    ModelVersion setAlias(String name, String alias, int version);

    /**
     * Removes an alias; removing an alias that is not set does nothing.
     *
     * @param name  a model's name
     * @param alias the alias
     * @throws ModelNotFoundException when there is no model of that name
     */
    void deleteAlias(String name, String alias);

    /**
     * @param name  a model's name
     * @param alias an alias
     * @return the version the alias points at, if the model exists and the alias is set
     */
    default Optional<ModelVersion> findByAlias(String name, String alias) {
        return findModel(name).flatMap(m -> m.versionOf(alias)).flatMap(v -> findVersion(name, v));
    }

    /**
     * @param name  a model's name
     * @param alias an alias
     * @return the version the alias points at
     * @throws ModelNotFoundException when the model does not exist or the alias is not set
     */
    default ModelVersion getByAlias(String name, String alias) {
        return findByAlias(name, alias).orElseThrow(() -> {
            RegisteredModel model = getModel(name);
            return new ModelNotFoundException("Model '" + name + "' has no alias '" + alias + "' in " + location()
                    + " (aliases set: " + model.aliases().keySet() + ").");
        });
    }

    // ---- models:/ URIs ----------------------------------------------------------------------------------------

    /**
     * The version a {@code models:/} reference names.
     *
     * @param uri a parsed models URI
     * @return the version it names
     * @throws ModelNotFoundException when the model does not exist, the version does not, no version is in the stage
     *                                or the alias is not set
     */
    default ModelVersion resolve(ModelUri uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri instanceof ModelUri.ByVersion byVersion) {
            return getVersion(byVersion.name(), byVersion.version());
        }
        if (uri instanceof ModelUri.ByAlias byAlias) {
            return getByAlias(byAlias.name(), byAlias.alias());
        }
        if (uri instanceof ModelUri.ByStage byStage) {
            return latestVersions(byStage.name(), List.of(byStage.stage())).stream().findFirst()
                    .orElseThrow(() -> new ModelNotFoundException("Model '" + byStage.name() + "' has no version in"
                            + " stage " + byStage.stage() + " in " + location() + "; cannot resolve " + uri + "."));
        }
        List<ModelVersion> versions = listVersions(uri.name());
        if (versions.isEmpty()) {
            throw new ModelNotFoundException("Model '" + uri.name() + "' has no versions in " + location()
                    + "; cannot resolve " + uri + ".");
        }
        return versions.get(versions.size() - 1);
    }

    /**
     * The version a {@code models:/} URI names: {@code models:/name/3}, {@code models:/name/Production},
     * {@code models:/name/latest} or {@code models:/name@champion}.
     *
     * @param modelsUri the URI's text
     * @return the version it names
     * @throws InvalidRegistryValueException when the text is not a models URI
     * @throws ModelNotFoundException        when what it names does not exist
     */
    default ModelVersion resolve(String modelsUri) {
        return resolve(ModelUri.parse(modelsUri));
    }

    /** Releases files and connections. Calling it twice is harmless. */
    @Override
    void close();
}
