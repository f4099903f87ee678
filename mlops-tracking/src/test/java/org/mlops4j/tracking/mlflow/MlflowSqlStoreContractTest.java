package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tck.tracking.TrackingStoreContractTest;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/**
 * The tracking store contract, on a new SQLite database in MLflow's schema ({@link MlflowDatabases#createEmpty}),
 * opened through the {@code jdbc:} provider as MLflow's store.
 */
class MlflowSqlStoreContractTest extends TrackingStoreContractTest {

    @Override
    protected TrackingStore openStore() {
        MlflowDatabases.createEmpty(location(), "jdbc:sqlite:" + database(), SqlDialect.SQLITE,
                tempDir.resolve("mlruns").toString());
        return reopenStore();
    }

    @Override
    protected TrackingStore reopenStore() {
        TrackingStore store = new JdbcTrackingStoreProvider().open(location(), MlopsConfig.ofOnly(Map.of()));
        if (!(store instanceof MlflowSqlStore)) {
            throw new IllegalStateException("Expected MLflow's store over " + location() + ", found " + store);
        }
        return store;
    }

    private Path database() {
        return tempDir.resolve("mlflow.db");
    }

    private URI location() {
        return URI.create("jdbc:sqlite:" + database());
    }
}
