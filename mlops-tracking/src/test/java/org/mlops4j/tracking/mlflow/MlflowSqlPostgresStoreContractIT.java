package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tck.tracking.TrackingStoreContractTest;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;
import org.mlops4j.tracking.registry.PostgresTestDatabase;

/**
 * The tracking store contract, on a new PostgreSQL schema holding MLflow's tables ({@link MlflowDatabases#createEmpty})
 * on the server named by {@code MLOPS_TEST_POSTGRES_URL} (skipped without one, failed on CI), opened through the
 * {@code jdbc:} provider as MLflow's store.
 */
class MlflowSqlPostgresStoreContractIT extends TrackingStoreContractTest {

    private URI location;

    @AfterAll
    static void dropSchemas() throws SQLException {
        PostgresTestDatabase.dropTestSchemas();
    }

    @Override
    protected TrackingStore openStore() {
        try {
            location = URI.create(PostgresTestDatabase.freshSchemaUrl());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make a schema for the test", e);
        }
        MlflowDatabases.createEmpty(location, location.toString(), SqlDialect.POSTGRESQL,
                tempDir.resolve("mlruns").toString());
        return reopenStore();
    }

    @Override
    protected TrackingStore reopenStore() {
        TrackingStore store = new JdbcTrackingStoreProvider().open(location, MlopsConfig.ofOnly(Map.of()));
        if (!(store instanceof MlflowSqlStore)) {
            throw new IllegalStateException("Expected MLflow's store over " + location + ", found " + store);
        }
        return store;
    }
}
