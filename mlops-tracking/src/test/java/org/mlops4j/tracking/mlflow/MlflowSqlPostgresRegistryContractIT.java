package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.tck.registry.ModelRegistryContractTest;
import org.mlops4j.tracking.registry.PostgresTestDatabase;

/**
 * The registry contract, on a new PostgreSQL schema holding MLflow's tables ({@link MlflowDatabases#createEmpty}) on
 * the server named by {@code MLOPS_TEST_POSTGRES_URL} (skipped without one, failed on CI), opened through the
 * {@code jdbc:} provider (found by discovery) as MLflow's registry.
 */
class MlflowSqlPostgresRegistryContractIT extends ModelRegistryContractTest {

    @TempDir
    Path tempDir;

    @AfterAll
    static void dropSchemas() throws SQLException {
        PostgresTestDatabase.dropTestSchemas();
    }

    @Override
    protected URI newStoreLocation() throws Exception {
        URI location = URI.create(PostgresTestDatabase.freshSchemaUrl());
        MlflowDatabases.createEmpty(location, location.toString(), SqlDialect.POSTGRESQL,
                tempDir.resolve("mlruns").toString());
        return location;
    }
}
