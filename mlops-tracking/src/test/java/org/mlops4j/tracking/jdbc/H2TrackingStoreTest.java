package org.mlops4j.tracking.jdbc;

import java.net.URI;
import java.util.Map;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tck.tracking.TrackingStoreContractTest;

/** The tracking store contract, on an H2 database file. */
class H2TrackingStoreTest extends TrackingStoreContractTest {

    @Override
    protected TrackingStore openStore() {
        return reopenStore();
    }

    @Override
    protected TrackingStore reopenStore() {
        URI uri = URI.create("jdbc:h2:file:" + tempDir.resolve("runs"));
        return new JdbcTrackingStoreProvider().open(uri, MlopsConfig.ofOnly(Map.of()));
    }
}
