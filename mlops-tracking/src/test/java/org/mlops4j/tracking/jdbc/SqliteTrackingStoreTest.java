package org.mlops4j.tracking.jdbc;

import java.net.URI;
import java.util.Map;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tck.tracking.TrackingStoreContractTest;

/** The tracking store contract, on SQLite. */
class SqliteTrackingStoreTest extends TrackingStoreContractTest {

    @Override
    protected TrackingStore openStore() {
        return reopenStore();
    }

    @Override
    protected TrackingStore reopenStore() {
        URI uri = URI.create("jdbc:sqlite:" + tempDir.resolve("runs.db"));
        return new JdbcTrackingStoreProvider().open(uri, MlopsConfig.ofOnly(Map.of()));
    }
}
