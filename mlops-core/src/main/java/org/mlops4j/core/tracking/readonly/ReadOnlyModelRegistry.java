package org.mlops4j.core.tracking.readonly;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.StoreAccess;

/**
 * A model registry opened with {@link StoreAccess#READ_ONLY}: reads go to the registry it wraps, every write is
 * refused with a {@link ModelRegistryException} that names the registry and the refused change. Providers wrap the
 * registry they opened for reading in it, so no write can reach the location by mistake.
 *
 * <p>Thread-safe when the wrapped registry is. Closing it closes the wrapped registry.
 */
public final class ReadOnlyModelRegistry implements ModelRegistry {

    private final ModelRegistry registry;

    private ReadOnlyModelRegistry(ModelRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * @param registry an open registry, which the wrapper owns and closes
     * @return the registry, read-only (itself when it is already wrapped)
     */
    public static ModelRegistry of(ModelRegistry registry) {
        return registry instanceof ReadOnlyModelRegistry ? registry : new ReadOnlyModelRegistry(registry);
    }

    @Override
    public URI location() {
        return registry.location();
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        return registry.findModel(name);
    }

    @Override
    public List<RegisteredModel> listModels() {
        return registry.listModels();
    }

    @Override
    public List<RegisteredModel> searchModels(String namePattern) {
        return registry.searchModels(namePattern);
    }

    @Override
    public Optional<ModelVersion> findVersion(String name, int version) {
        return registry.findVersion(name, version);
    }

    @Override
    public List<ModelVersion> listVersions(String name) {
        return registry.listVersions(name);
    }

    @Override
    public List<ModelVersion> versionsOfRun(String runId) {
        return registry.versionsOfRun(runId);
    }

    @Override
    public Optional<ModelVersion> findByAlias(String name, String alias) {
        return registry.findByAlias(name, alias);
    }

    @Override
    public RegisteredModel createModel(String name, String description, Map<String, String> tags) {
        throw refused("create model '" + name + "'");
    }

    @Override
    public ModelVersion register(NewModelVersion version) {
        throw refused("register a version of model '" + version.name() + "'");
    }

    @Override
    public RegisteredModel renameModel(String name, String newName) {
        throw refused("rename model '" + name + "'");
    }

    @Override
    public void deleteModel(String name) {
        throw refused("delete model '" + name + "'");
    }

    @Override
    public RegisteredModel updateModelDescription(String name, String description) {
        throw refused("describe model '" + name + "'");
    }

    @Override
    public RegisteredModel setModelTag(String name, String key, String value) {
        throw refused("tag model '" + name + "'");
    }

    @Override
    public RegisteredModel deleteModelTag(String name, String key) {
        throw refused("untag model '" + name + "'");
    }

    @Override
    public ModelVersion createVersion(NewModelVersion version) {
        throw refused("register a version of model '" + version.name() + "'");
    }

    @Override
    public ModelVersion transitionStage(String name, int version, ModelStage stage, boolean archiveExisting) {
        throw refused("move version " + version + " of model '" + name + "' to stage " + stage.displayName());
    }

    @Override
    public ModelVersion updateVersionDescription(String name, int version, String description) {
        throw refused("describe version " + version + " of model '" + name + "'");
    }

    @Override
    public ModelVersion setVersionTag(String name, int version, String key, String value) {
        throw refused("tag version " + version + " of model '" + name + "'");
    }

    @Override
    public ModelVersion deleteVersionTag(String name, int version, String key) {
        throw refused("untag version " + version + " of model '" + name + "'");
    }

    @Override
    public void deleteVersion(String name, int version) {
        throw refused("delete version " + version + " of model '" + name + "'");
    }

    @Override
    public ModelVersion setAlias(String name, String alias, int version) {
        throw refused("set alias '" + alias + "' of model '" + name + "'");
    }

    @Override
    public void deleteAlias(String name, String alias) {
        throw refused("delete alias '" + alias + "' of model '" + name + "'");
    }

    /** Closes the wrapped registry. */
    @Override
    public void close() {
        registry.close();
    }

    private ModelRegistryException refused(String what) {
        return new ModelRegistryException("Cannot " + what + ": the model registry at " + registry.location()
                + " was opened read-only. Open it read-write (Mlops.openModelRegistry) to change it.");
    }
}
