package org.mlops4j.examples.cli;

import java.net.URI;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * The tracking store and model registry a command works with, opened from {@code --tracking-uri} (default
 * {@value MlopsProperties#DEFAULT_TRACKING_URI}); the registry lives at the same location. Commands that only read
 * open it with {@link #openReadOnly}, so a mistyped location is an error rather than a new, empty store. Close it
 * when done.
 */
final class TrackingLocation implements AutoCloseable {

    private final String uri;
    private final TrackingClient tracking;
    private final ModelRegistry registry;

    private TrackingLocation(String uri, StoreAccess access) {
        this.uri = uri;
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, uri).build();
        boolean readOnly = access == StoreAccess.READ_ONLY;
        this.tracking = readOnly ? TrackingClient.openReadOnly(mlops, URI.create(uri))
                : TrackingClient.open(mlops, URI.create(uri));
        ModelRegistry opened;
        try {
            opened = readOnly ? mlops.openModelRegistryReadOnly() : mlops.openModelRegistry();
        } catch (RuntimeException e) {
            tracking.close();
            throw e;
        }
        this.registry = opened;
    }

    /**
     * Opens the location to read and write; a missing or empty folder becomes a new store.
     *
     * @param uri the tracking URI given on the command line, or {@code null} for the default
     * @return the open location
     * @throws ConfigurationException naming {@code --tracking-uri} when it is not a URI or nothing can open it
     */
    static TrackingLocation open(String uri) {
        return opened(uri, StoreAccess.READ_WRITE);
    }

    /**
     * Opens a location that must already hold a store, to read and write: for commands that change what is there (a
     * model's stage or alias), so that a mistyped location is an error (exit code 2) rather than a new, empty store.
     *
     * @param uri the tracking URI given on the command line, or {@code null} for the default
     * @return the open location
     * @throws ConfigurationException naming {@code --tracking-uri} when it is not a URI, nothing can open it, or it
     *                                holds no store
     */
    static TrackingLocation openExisting(String uri) {
        openReadOnly(uri).close(); // writes nothing; fails when there is no store to change
        return open(uri);
    }

    /**
     * Opens the location to read only: nothing is created or changed there, and a location that does not hold a
     * store is an error (exit code 2) naming it.
     *
     * @param uri the tracking URI given on the command line, or {@code null} for the default
     * @return the open location
     * @throws ConfigurationException naming {@code --tracking-uri} when it is not a URI, nothing can open it, or it
     *                                holds no store
     */
    static TrackingLocation openReadOnly(String uri) {
        return opened(uri, StoreAccess.READ_ONLY);
    }

    private static TrackingLocation opened(String uri, StoreAccess access) {
        String location = uri != null ? uri : MlopsProperties.DEFAULT_TRACKING_URI;
        try {
            return new TrackingLocation(location, access);
        } catch (IllegalArgumentException | ConfigurationException e) { // not a URI; no store or registry serves it
            throw new ConfigurationException("Cannot open --tracking-uri " + location + ": " + e.getMessage(), e);
        }
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
