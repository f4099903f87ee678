package org.mlops4j.tracking.http;

import java.net.URI;
import java.util.Set;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.spi.ModelRegistryProvider;
import org.mlops4j.core.tracking.ModelRegistry;

/**
 * Opens model registries on a tracking server for {@code http:} and {@code https:} URIs, through MLflow's REST API
 * 2.0 ({@code registered-models/*}, {@code model-versions/*}). Reads the same settings as
 * {@link HttpTrackingStoreProvider}: the registry lives on the same server. Opening sends nothing.
 */
public final class HttpModelRegistryProvider implements ModelRegistryProvider {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public HttpModelRegistryProvider() {
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "Model registry on a tracking server (mlops server or MLflow's) through MLflow's REST API 2.0";
    }

    @Override
    public Set<String> uriSchemes() {
        return Set.of("http", "https");
    }

    /**
     * @param location an {@code http:} or {@code https:} URI of the server
     * @param config   the host's configuration
     * @return the registry
     * @throws org.mlops4j.core.ConfigurationException when the URI names no server or a setting is invalid
     */
    @Override
    public ModelRegistry open(URI location, MlopsConfig config) {
        return new HttpModelRegistry(HttpSettings.of(location, config));
    }
}
