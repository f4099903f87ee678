package org.mlops4j.examples.cli;

import java.net.URI;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.Mlops;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * The tracking store and model registry a command works with, opened from {@code --tracking-uri} (default
 * {@value MlopsProperties#DEFAULT_TRACKING_URI}); the registry lives at the same location. Close it when done.
 */
final class TrackingLocation implements AutoCloseable {

    private final String uri;
    private final TrackingClient tracking;
    private final ModelRegistry registry;

    private TrackingLocation(String uri) {
        this.uri = uri;
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, uri).build();
        this.tracking = TrackingClient.open(mlops, URI.create(uri));
        ModelRegistry opened;
        try {
            opened = mlops.openModelRegistry();
        } catch (RuntimeException e) {
            tracking.close();
            throw e;
        }
        this.registry = opened;
    }

    /**
     * @param uri the tracking URI given on the command line, or {@code null} for the default
     * @return the open location
     * @throws ConfigurationException naming {@code --tracking-uri} when it is not a URI or nothing can open it
     */
    static TrackingLocation open(String uri) {
        String location = uri != null ? uri : MlopsProperties.DEFAULT_TRACKING_URI;
        try {
            return new TrackingLocation(location);
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
