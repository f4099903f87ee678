package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;
import org.mlops4j.tracking.registry.JdbcModelRegistryProvider;

/**
 * The rows mlops4j's writes leave in an MLflow database, read back with plain SQL, as MLflow's
 * {@code SqlAlchemyStore}s leave them: an experiment's artifact location under experiment 0's root and its times;
 * runs deleted with their experiment carrying its deletion time; ±Inf and NaN stored as MLflow stores them; a
 * version's stage, status, storage location and run link; a deleted version kept as {@code Deleted_Internal} with its
 * source redacted, its aliases gone and its tags kept; a rename carried to every row naming the model.
 */
class MlflowSqlRowsTest {

    @TempDir
    Path tempDir;

    private URI location;

    @BeforeEach
    void createDatabase() {
        location = URI.create("jdbc:sqlite:" + tempDir.resolve("mlflow.db"));
        MlflowDatabases.createEmpty(location, location.toString(), SqlDialect.SQLITE, "/srv/mlruns");
    }

    @Test
    void experimentsAndRunsLeaveMlflowsRows() throws SQLException {
        String experimentId;
        String runId;
        try (TrackingStore store = new JdbcTrackingStoreProvider().open(location, MlopsConfig.ofOnly(Map.of()))) {
            experimentId = store.createExperiment("churn", Map.of("team", "growth")).experimentId();
            runId = store.createRun(experimentId, "r", "ana", 5L, List.of()).runId();
            store.logBatch(runId, List.of(new Metric("inf", Double.POSITIVE_INFINITY, 1, 0),
                    new Metric("nan", Double.NaN, 1, 0)), List.of(), List.of());
            store.deleteExperiment(experimentId);
        }
        assertEquals(List.of("1|churn|/srv/mlruns/1|deleted"), rows("SELECT experiment_id, name,"
                + " artifact_location, lifecycle_stage FROM experiments WHERE experiment_id = 1"));
        assertEquals(List.of("team|growth"), rows("SELECT key, value FROM experiment_tags WHERE experiment_id = 1"));
        assertEquals(rows("SELECT last_update_time FROM experiments WHERE experiment_id = 1"),
                rows("SELECT deleted_time FROM runs WHERE run_uuid = '" + runId + "'"),
                "the run deleted with its experiment carries the experiment's deletion time");
        assertEquals(List.of("deleted|/srv/mlruns/1/" + runId + "/artifacts|UNKNOWN"), rows("SELECT lifecycle_stage,"
                + " artifact_uri, source_type FROM runs WHERE run_uuid = '" + runId + "'"));
        assertEquals(List.of("inf|1.7976931348623157E308|0", "nan|0.0|1"), rows("SELECT key, value, is_nan FROM"
                + " latest_metrics ORDER BY key"));
    }

    @Test
    void registryWritesLeaveMlflowsRows() throws SQLException {
        try (ModelRegistry registry = new JdbcModelRegistryProvider().open(location, MlopsConfig.ofOnly(Map.of()))) {
            registry.register(NewModelVersion.builder("churn", "runs:/0123456789abcdef0123456789abcdef/model")
                    .inputSchema(Schema.ofNames("age")).tag("k", "v").build());
            registry.register(NewModelVersion.builder("churn", "s3://bucket/churn/2").build());
            registry.setAlias("churn", "champion", 2);
            registry.transitionStage("churn", 1, ModelStage.PRODUCTION, true);
            assertEquals(Map.of("k", "v"), registry.getVersion("churn", 1).tags(), "the schema tag is hidden");
            registry.deleteVersion("churn", 2);
            registry.renameModel("churn", "attrition");
        }
        assertEquals(List.of(
                "attrition|1|Production|READY|runs:/0123456789abcdef0123456789abcdef/model"
                        + "|runs:/0123456789abcdef0123456789abcdef/model|0123456789abcdef0123456789abcdef|null|null",
                "attrition|2|Deleted_Internal|READY|REDACTED-SOURCE-PATH|s3://bucket/churn/2|REDACTED-RUN-ID"
                        + "|REDACTED-RUN-LINK|null"),
                rows("SELECT name, version, current_stage, status, source, storage_location, run_id, run_link,"
                        + " user_id FROM model_versions ORDER BY version"));
        assertEquals(List.of(), rows("SELECT alias FROM registered_model_aliases"), "the deleted version's alias");
        assertEquals(List.of("attrition|1|k", "attrition|1|" + MlflowSqlRegistry.INPUT_SCHEMA_TAG),
                rows("SELECT name, version, key FROM model_version_tags ORDER BY key"));
        assertEquals(List.of("attrition"), rows("SELECT name FROM registered_models"));
        List<String> times = rows("SELECT creation_time, last_updated_time FROM registered_models");
        assertTrue(!times.get(0).contains("null"), times.toString());
    }

    @Test
    void experimentZeroIsDefaultUnderTheArtifactRoot() throws SQLException {
        assertEquals(List.of("0|" + Experiment.DEFAULT_NAME + "|/srv/mlruns/0|active"), rows("SELECT experiment_id,"
                + " name, artifact_location, lifecycle_stage FROM experiments"));
        assertEquals(List.of(MlflowSchema.CURRENT_REVISION), rows("SELECT version_num FROM alembic_version"));
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(location.toString()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
