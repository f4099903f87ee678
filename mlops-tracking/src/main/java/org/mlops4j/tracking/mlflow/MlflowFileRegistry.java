package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mlops4j.core.spi.support.LikePattern;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.tracking.registry.internal.RegistryRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model registry MLflow's file store keeps in {@code <root>/models/} ({@code mlflow/store/model_registry/
 * file_store.py}): registered models with their tags and aliases, versions with their stages, sources, runs and tags
 * (the rules are in {@link MlflowModelFolder}). The {@code file:} provider opens it for a folder in MLflow's layout.
 *
 * <p>Opening and reading write nothing (MLflow itself makes {@code models/} when it opens a store; this registry
 * reads a missing {@code models/} as no models). Opened read-write, every change is written in MLflow's layout, as
 * MLflow's {@code FileStore} writes it, crash-safe and under lock files that MLflow does not see
 * ({@link MlflowRegistryWriter}); opened read-only, every change is refused with a {@link ModelRegistryException}.
 * Names, tags and aliases follow {@link RegistryRules}, as in every mlops4j registry. Malformed folders are skipped
 * with a warning, logged once each.
 *
 * <p>Thread-safe, and several processes may write one registry.
 */
public final class MlflowFileRegistry implements ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MlflowFileRegistry.class);

    private final URI location;
    private final Path models;
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();
    private final Optional<MlflowRegistryWriter> writer;

    /**
     * Opens the registry to read only; reads nothing yet and writes nothing ever (changes are refused).
     *
     * @param location the URI it was given as, for {@link #location()} and messages
     * @param root     the store's folder, whose {@code models/} holds the registry
     */
    public MlflowFileRegistry(URI location, Path root) {
        this(location, root, StoreAccess.READ_ONLY);
    }

    /**
     * Opens the registry; reads nothing yet. Read-only, nothing is ever written; read-write, changes are written in
     * MLflow's layout, {@code models/} and the lock files made by the first change.
     *
     * @param location the URI it was given as, for {@link #location()} and messages
     * @param root     the store's folder (it must exist to be written), whose {@code models/} holds the registry
     * @param access   whether the registry only reads
     */
    public MlflowFileRegistry(URI location, Path root, StoreAccess access) {
        this.location = location;
        this.models = root.resolve(MlflowLayout.MODELS);
        this.writer = access == StoreAccess.READ_WRITE
                ? Optional.of(new MlflowRegistryWriter(location, root, this::warnOnce)) : Optional.empty();
    }

    @Override
    public URI location() {
        return location;
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        return modelDir(name).flatMap(this::model);
    }

    @Override
    public List<RegisteredModel> listModels() {
        List<RegisteredModel> found = new ArrayList<>();
        for (Path folder : MlflowLayout.subFolders(models)) {
            model(folder).ifPresent(found::add);
        }
        found.sort(java.util.Comparator.comparing(RegisteredModel::name));
        return found;
    }

    @Override
    public List<RegisteredModel> searchModels(String namePattern) {
        Pattern pattern = LikePattern.compile(namePattern, false);
        return listModels().stream().filter(m -> pattern.matcher(m.name()).matches()).toList();
    }

    @Override
    public Optional<ModelVersion> findVersion(String name, int version) {
        return modelDir(name).filter(folder -> model(folder).isPresent())
                .flatMap(folder -> MlflowModelFolder.version(folder, version, this::warnOnce));
    }

    @Override
    public List<ModelVersion> listVersions(String name) {
        return versions(getModel(name).name());
    }

    @Override
    public List<ModelVersion> versionsOfRun(String runId) {
        List<ModelVersion> found = new ArrayList<>();
        for (RegisteredModel model : listModels()) {
            versions(model.name()).stream().filter(v -> v.runId().filter(runId::equals).isPresent())
                    .forEach(found::add);
        }
        return found;
    }

    private List<ModelVersion> versions(String name) {
        return MlflowModelFolder.versions(models.resolve(name), this::warnOnce);
    }

    private Optional<Path> modelDir(String name) {
        Path folder = models.resolve(RegistryRules.checkModelName(name));
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    private Optional<RegisteredModel> model(Path folder) {
        try {
            return Optional.of(MlflowModelFolder.model(folder, this::warnOnce));
        } catch (MalformedFolderException e) {
            warnOnce(folder, e.getMessage());
            return Optional.empty();
        }
    }

    private void warnOnce(Path folder, String message) {
        if (warned.add(folder)) {
            LOG.warn("Skipped: {}", message);
        } else {
            LOG.debug("Skipped: {}", message);
        }
    }

    // ------------------------------------------------------------------------------------------ writes

    @Override
    public RegisteredModel createModel(String name, String description, Map<String, String> tags) {
        return writer("create model '" + name + "'").createModel(name, description, tags);
    }

    @Override
    public RegisteredModel renameModel(String name, String newName) {
        return writer("rename model '" + name + "'").renameModel(name, newName);
    }

    @Override
    public void deleteModel(String name) {
        writer("delete model '" + name + "'").deleteModel(name);
    }

    @Override
    public RegisteredModel updateModelDescription(String name, String description) {
        return writer("change the description of model '" + name + "'").updateModelDescription(name, description);
    }

    @Override
    public RegisteredModel setModelTag(String name, String key, String value) {
        return writer("set tag '" + key + "' of model '" + name + "'").setModelTag(name, key, value);
    }

    @Override
    public RegisteredModel deleteModelTag(String name, String key) {
        return writer("delete tag '" + key + "' of model '" + name + "'").deleteModelTag(name, key);
    }

    @Override
    public ModelVersion createVersion(NewModelVersion version) {
        Objects.requireNonNull(version, "version");
        MlflowRegistryWriter changes = writer("register a version of model '" + version.name() + "'");
        return changes.createVersion(RegistryRules.prepare(version, this));
    }

    @Override
    public ModelVersion transitionStage(String name, int version, ModelStage stage, boolean archiveExisting) {
        return writer("move version " + version + " of model '" + name + "' to stage " + stage)
                .transitionStage(name, version, stage, archiveExisting);
    }

    @Override
    public ModelVersion updateVersionDescription(String name, int version, String description) {
        return writer("change the description of version " + version + " of model '" + name + "'")
                .updateVersionDescription(name, version, description);
    }

    @Override
    public ModelVersion setVersionTag(String name, int version, String key, String value) {
        return writer("set tag '" + key + "' of version " + version + " of model '" + name + "'")
                .setVersionTag(name, version, key, value);
    }

    @Override
    public ModelVersion deleteVersionTag(String name, int version, String key) {
        return writer("delete tag '" + key + "' of version " + version + " of model '" + name + "'")
                .deleteVersionTag(name, version, key);
    }

    @Override
    public void deleteVersion(String name, int version) {
        writer("delete version " + version + " of model '" + name + "'").deleteVersion(name, version);
    }

    @Override
    public ModelVersion setAlias(String name, String alias, int version) {
        return writer("point alias '" + alias + "' of model '" + name + "' at version " + version)
                .setAlias(name, alias, version);
    }

    @Override
    public void deleteAlias(String name, String alias) {
        writer("delete alias '" + alias + "' of model '" + name + "'").deleteAlias(name, alias);
    }

    private MlflowRegistryWriter writer(String what) {
        return writer.orElseThrow(() -> MlflowWritesRefused.inRegistry(what, location));
    }

    /** Nothing is held open. */
    @Override
    public void close() {
    }
}
