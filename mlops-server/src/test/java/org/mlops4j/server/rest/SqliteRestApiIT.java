package org.mlops4j.server.rest;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;
import org.mlops4j.tracking.registry.JdbcModelRegistryProvider;

/** MLflow's REST API over the SQLite store and registry. */
class SqliteRestApiIT extends RestApiContract {

    @Override
    protected TrackingClient openTracking(Path folder) {
        URI uri = URI.create("jdbc:sqlite:" + folder.resolve("mlops.db"));
        return TrackingClient.of(new JdbcTrackingStoreProvider().open(uri, MlopsConfig.ofOnly(Map.of())));
    }

    @Override
    protected ModelRegistry openRegistry(Path folder) {
        URI uri = URI.create("jdbc:sqlite:" + folder.resolve("mlops.db"));
        return new JdbcModelRegistryProvider().open(uri, MlopsConfig.ofOnly(Map.of()));
    }
}
