package org.mlops4j.server.rest.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/** The tracking store contract on the {@code http:} store, the server in front of a SQLite store. */
class SqliteHttpTrackingStoreContractIT extends HttpTrackingStoreContractIT {

    @Override
    protected TrackingClient backingStore(Path folder) {
        URI uri = URI.create("jdbc:sqlite:" + folder.resolve("served.db"));
        return TrackingClient.of(new JdbcTrackingStoreProvider().open(uri, MlopsConfig.ofOnly(Map.of())));
    }
}
