package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mlops4j.core.spi.support.LikePattern;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.readonly.WritesRefusedModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model registry MLflow's file store keeps in {@code <root>/models/} ({@code mlflow/store/model_registry/
 * file_store.py}), read in place: registered models with their tags and aliases, versions with their stages, sources,
 * runs and tags (the rules are in {@link MlflowModelFolder}). The {@code file:} provider opens it for a folder in
 * MLflow's layout.
 *
 * <p>Opening and reading write nothing (MLflow itself makes {@code models/} when it opens a store; this registry
 * reads a missing {@code models/} as no models). Every change is refused with a {@link ModelRegistryException}:
 * writing MLflow's file layout is not supported yet. Malformed folders are skipped with a warning, logged once each.
 *
 * <p>Thread-safe.
 */
public final class MlflowFileRegistry extends WritesRefusedModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MlflowFileRegistry.class);
    /** A name that can be a folder of {@code models/}: MLflow refuses path separators and {@code %} in names. */
    private static final Pattern FOLDER_NAME = Pattern.compile("[^/\\\\%\\x00]+");

    private final URI location;
    private final Path models;
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();

    /**
     * Opens the registry; reads nothing yet and writes nothing ever.
     *
     * @param location the URI it was given as, for {@link #location()} and messages
     * @param root     the store's folder, whose {@code models/} holds the registry
     */
    public MlflowFileRegistry(URI location, Path root) {
        this.location = location;
        this.models = root.resolve(MlflowLayout.MODELS);
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
        return modelDir(name).flatMap(this::model).flatMap(m -> versions(m.name()).stream()
                .filter(v -> v.version() == version).findFirst());
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
        if (name == null || !FOLDER_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        Path folder = models.resolve(name);
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

    /** Nothing is held open. */
    @Override
    public void close() {
    }

    @Override
    protected ModelRegistryException refused(String what) {
        return MlflowWritesRefused.inRegistry(what, location);
    }
}
