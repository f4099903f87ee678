package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;
import org.mlops4j.tracking.registry.JdbcModelRegistryProvider;

/**
 * {@code mlops.tracking.jdbc.schema=mlflow}: a new database gets MLflow's schema at {@code acf3f17fdcc7} with
 * experiment 0, and opens as MLflow's store and registry; a database with a schema keeps it; other values are refused.
 */
class MlflowSqlNewDatabaseTest {

    @TempDir
    Path tempDir;

    @Test
    void aNewDatabaseGetsMlflowsSchemaWhenAskedAndTakesRunsAndVersions() throws Exception {
        URI location = URI.create("jdbc:sqlite:" + tempDir.resolve("new.db"));
        MlopsConfig config = MlopsConfig.ofOnly(Map.of(JdbcTrackingStoreProvider.SCHEMA, "MLflow",
                JdbcTrackingStoreProvider.ARTIFACT_ROOT, tempDir.resolve("artifacts").toString()));
        try (TrackingStore store = new JdbcTrackingStoreProvider().open(location, config);
             ModelRegistry registry = new JdbcModelRegistryProvider().open(location, config)) {
            assertInstanceOf(MlflowSqlStore.class, store);
            assertInstanceOf(MlflowSqlRegistry.class, registry);
            Experiment zero = store.getExperiment(Experiment.DEFAULT_ID).orElseThrow();
            assertEquals(Experiment.DEFAULT_NAME, zero.name());
            assertEquals(tempDir.resolve("artifacts").toAbsolutePath() + "/0", zero.artifactLocation());
            String runId = store.createRun(Experiment.DEFAULT_ID, "first", "ana", 1L, List.of()).runId();
            assertEquals(1, registry.register(NewModelVersion.builder("m", "runs:/" + runId + "/model").build())
                    .version());
        }
        try (Connection c = DriverManager.getConnection(location.toString()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
            assertTrue(rs.next());
            assertEquals(MlflowSchema.CURRENT_REVISION, rs.getString(1));
        }
    }

    @Test
    void aDatabaseWithMlops4jsSchemaKeepsItAndAnUnknownSchemaNameIsRefused() {
        URI location = URI.create("jdbc:sqlite:" + tempDir.resolve("ours.db"));
        new JdbcTrackingStoreProvider().open(location, MlopsConfig.ofOnly(Map.of())).close();
        try (TrackingStore store = new JdbcTrackingStoreProvider().open(location, MlopsConfig.ofOnly(Map.of(
                JdbcTrackingStoreProvider.SCHEMA, "mlflow")))) {
            assertTrue(!(store instanceof MlflowSqlStore), store.getClass().getName());
        }
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new JdbcTrackingStoreProvider()
                .open(location, MlopsConfig.ofOnly(Map.of(JdbcTrackingStoreProvider.SCHEMA, "alembic"))));
        assertTrue(e.getMessage().contains("'alembic'"), e.getMessage());
    }
}
