package org.mlops4j.server.rest.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;
import org.mlops4j.tracking.registry.JdbcModelRegistryProvider;

/** The model registry contract on the {@code http:} registry, the server in front of a SQLite store and registry. */
class SqliteHttpModelRegistryContractIT extends HttpModelRegistryContractIT {

    @Override
    protected TrackingServer startServer(ServerFixture servers, Path folder) {
        URI uri = URI.create("jdbc:sqlite:" + folder.resolve("served.db"));
        MlopsConfig config = MlopsConfig.ofOnly(Map.of());
        return servers.start(TrackingClient.of(new JdbcTrackingStoreProvider().open(uri, config)),
                Optional.of(new JdbcModelRegistryProvider().open(uri, config)), builder -> { });
    }
}
