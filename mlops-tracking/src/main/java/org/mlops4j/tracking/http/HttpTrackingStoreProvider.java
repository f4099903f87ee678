package org.mlops4j.tracking.http;

import java.net.URI;
import java.util.Set;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.spi.TrackingStoreProvider;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * Opens tracking stores on a tracking server for {@code http:} and {@code https:} URIs
 * ({@code mlops.tracking.uri=http://host:5000}): the server is {@code mlops server} or MLflow's, spoken to through
 * MLflow's REST API 2.0. Credentials come from {@link MlopsProperties#TRACKING_TOKEN} ({@code MLFLOW_TRACKING_TOKEN})
 * or {@link MlopsProperties#TRACKING_USERNAME} and {@link MlopsProperties#TRACKING_PASSWORD}; retries, time-out and
 * metric batching from the {@code mlops.tracking.http.*} keys. Opening sends nothing: an unreachable server is
 * reported by the first call, with its address and how to fix it.
 */
public final class HttpTrackingStoreProvider implements TrackingStoreProvider {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public HttpTrackingStoreProvider() {
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "Tracking store on a tracking server (mlops server or MLflow's) through MLflow's REST API 2.0";
    }

    @Override
    public Set<String> uriSchemes() {
        return Set.of("http", "https");
    }

    /**
     * @param location an {@code http:} or {@code https:} URI of the server, with a path prefix when it is served
     *                 under one
     * @param config   the host's configuration
     * @return the store; the caller closes it, which sends the metrics still waiting
     * @throws org.mlops4j.core.ConfigurationException when the URI names no server or a setting is invalid
     */
    @Override
    public TrackingStore open(URI location, MlopsConfig config) {
        return new HttpTrackingStore(HttpSettings.of(location, config));
    }
}
