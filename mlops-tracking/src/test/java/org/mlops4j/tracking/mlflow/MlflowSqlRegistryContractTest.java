package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.tck.registry.ModelRegistryContractTest;

/**
 * The registry contract, on a new SQLite database in MLflow's schema ({@link MlflowDatabases#createEmpty}), opened
 * through the {@code jdbc:} provider (found by discovery) as MLflow's registry.
 */
class MlflowSqlRegistryContractTest extends ModelRegistryContractTest {

    @TempDir
    Path tempDir;

    @Override
    protected URI newStoreLocation() throws Exception {
        Path folder = Files.createTempDirectory(tempDir, "mlflow");
        URI location = URI.create("jdbc:sqlite:" + folder.resolve("mlflow.db"));
        MlflowDatabases.createEmpty(location, location.toString(), SqlDialect.SQLITE,
                folder.resolve("mlruns").toString());
        return location;
    }
}
