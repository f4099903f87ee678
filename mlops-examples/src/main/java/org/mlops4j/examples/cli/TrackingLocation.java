package org.mlops4j.examples.cli;

import java.net.URI;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * The tracking store and model registry a command works with, opened from {@code --tracking-uri} and
 * {@code --registry-uri} ({@link StoreOptions}; by default {@code mlops.tracking.uri} from the configuration, else
 * {@value MlopsProperties#DEFAULT_TRACKING_URI}, and the registry at the tracking URI). Commands that only read open it
 * with {@link #openReadOnly}, so a mistyped location is an error rather than a new, empty store. Close it when done.
 */
final class TrackingLocation implements AutoCloseable {

    private final String uri;
    private final TrackingClient tracking;
    private final ModelRegistry registry;

    private TrackingLocation(Mlops settings, StoreAccess access) {
        this.uri = trackingUri(settings).toString();
        boolean readOnly = access == StoreAccess.READ_ONLY;
        try {
            this.tracking = readOnly ? TrackingClient.openReadOnly(settings) : TrackingClient.open(settings);
        } catch (IllegalArgumentException | ConfigurationException e) { // no store serves it
            throw new ConfigurationException("Cannot open --tracking-uri " + uri + ": " + e.getMessage(), e);
        }
        ModelRegistry opened;
        try {
            opened = readOnly ? settings.openModelRegistryReadOnly() : settings.openModelRegistry();
        } catch (IllegalArgumentException | ConfigurationException e) {
            tracking.close();
            throw new ConfigurationException("Cannot open --registry-uri " + settings.registryUri() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            tracking.close();
            throw e;
        }
        this.registry = opened;
    }

    private static URI trackingUri(Mlops settings) {
        try {
            return settings.trackingUri();
        } catch (IllegalArgumentException | ConfigurationException e) { // not a URI
            String given = settings.config().get(MlopsProperties.TRACKING_URI, MlopsProperties.DEFAULT_TRACKING_URI);
            throw new ConfigurationException("Cannot open --tracking-uri " + given + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the location to read and write; a missing or empty folder becomes a new store.
     *
     * @param settings the locations ({@link StoreOptions#settings()})
     * @return the open location
     * @throws ConfigurationException naming {@code --tracking-uri} when it is not a URI or nothing can open it
     */
    static TrackingLocation open(Mlops settings) {
        return new TrackingLocation(settings, StoreAccess.READ_WRITE);
    }

    /**
     * Opens a location that must already hold a store, to read and write: for commands that change what is there (a
     * model's stage or alias), so that a mistyped location is an error (exit code 2) rather than a new, empty store.
     *
     * @param settings the locations ({@link StoreOptions#settings()})
     * @return the open location
     * @throws ConfigurationException naming {@code --tracking-uri} when it is not a URI, nothing can open it, or it
     *                                holds no store
     */
    static TrackingLocation openExisting(Mlops settings) {
        openReadOnly(settings).close(); // writes nothing; fails when there is no store to change
        return open(settings);
    }

    /**
     * Opens the location to read only: nothing is created or changed there, and a location that does not hold a
     * store is an error (exit code 2) naming it.
     *
     * @param settings the locations ({@link StoreOptions#settings()})
     * @return the open location
     * @throws ConfigurationException naming {@code --tracking-uri} when it is not a URI, nothing can open it, or it
     *                                holds no store
     */
    static TrackingLocation openReadOnly(Mlops settings) {
        return new TrackingLocation(settings, StoreAccess.READ_ONLY);
    }

    String uri() {
        return uri;
    }

    TrackingClient tracking() {
        return tracking;
    }

    ModelRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot close the model registry at " + uri, e);
        } finally {
            tracking.close();
        }
    }
}
