package org.mlops4j.core.tracking.migration;

import java.net.URI;
import java.util.Objects;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * One side of a migration: a tracking store and the model registry kept with it. The source side is best opened with
 * {@link StoreAccess#READ_ONLY}, so that reading it cannot change it. Closing it closes both.
 *
 * @param tracking the runs, experiments and artifacts
 * @param registry the registered models and their versions
 */
public record MigrationEnd(TrackingStore tracking, ModelRegistry registry) implements AutoCloseable {

    /** Checks that both parts are present. */
    public MigrationEnd {
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(registry, "registry");
    }

    /**
     * Opens the store and the registry at one location with the providers that serve its scheme.
     *
     * @param mlops    the providers and configuration
     * @param location a tracking URI such as {@code file:./mlruns} or {@code jdbc:sqlite:mlflow.db}
     * @param access   read only (for a source) or read and write (for a target)
     * @return both, open; the caller closes them
     * @throws org.mlops4j.core.ConfigurationException when nothing serves the location, or (to read only) it holds
     *                                                 no store
     */
    public static MigrationEnd open(Mlops mlops, URI location, StoreAccess access) {
        TrackingStore tracking = mlops.openTrackingStore(location, access);
        try {
            return new MigrationEnd(tracking, mlops.modelRegistryProvider(location).open(location, mlops.config(),
                    access));
        } catch (RuntimeException e) {
            tracking.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            tracking.close();
        }
    }
}
