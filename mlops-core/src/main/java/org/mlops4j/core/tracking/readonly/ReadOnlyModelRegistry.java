package org.mlops4j.core.tracking.readonly;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.WriteRefused;

/**
 * A model registry opened with {@link StoreAccess#READ_ONLY}: reads go to the registry it wraps, every write is
 * refused with a {@link ModelRegistryException} marked {@link WriteRefused} that names the registry and the refused
 * change. Providers wrap the registry they opened for reading in it, so no write can reach the location by mistake.
 *
 * <p>Thread-safe when the wrapped registry is. Closing it closes the wrapped registry.
 */
public final class ReadOnlyModelRegistry extends WritesRefusedModelRegistry {

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

    /** Closes the wrapped registry. */
    @Override
    public void close() {
        registry.close();
    }

    @Override
    protected ModelRegistryException refused(String what) {
        return new Refused("Cannot " + what + ": the model registry at " + registry.location()
                + " was opened read-only. Open it read-write (Mlops.openModelRegistry) to change it.");
    }

    /** A change refused because the registry was opened read-only. */
    private static final class Refused extends ModelRegistryException implements WriteRefused {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
