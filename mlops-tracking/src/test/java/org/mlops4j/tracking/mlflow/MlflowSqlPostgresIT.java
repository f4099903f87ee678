package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.tracking.registry.PostgresTestDatabase;

/**
 * The MLflow fixtures loaded into a PostgreSQL schema of their own (the server named by
 * {@code MLOPS_TEST_POSTGRES_URL}; skipped without one) read through a {@code jdbc:postgresql:} URI, opened
 * read-write: the same runs, latest metrics and versions as from SQLite, no table or row changed by reading; then
 * a run, its metrics and a promotion written into them as MLflow writes them.
 */
class MlflowSqlPostgresIT {

    @AfterAll
    static void dropSchemas() throws SQLException {
        PostgresTestDatabase.dropTestSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void anMlflowSchemaInPostgresqlReadsAsFromSqliteAndStaysUnchanged(String script) throws Exception {
        String url = PostgresTestDatabase.freshSchemaUrl();
        MlflowSqlFixtures.load(script, url);
        List<String> before = contents(url);
        URI location = URI.create(url);
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, url).build();
        try (TrackingClient tracking = TrackingClient.open(mlops, location);
             ModelRegistry registry = mlops.openModelRegistry()) {
            List<Run> runs = tracking.searchAllRuns(SearchRequest.builder("1").orderBy("start_time ASC")
                    .viewType(ViewType.ALL).build());
            assertEquals(List.of("Session Initialized 2f1e", "Logistic Regression", "Random Forest Classifier",
                    "Light Gradient Boosting Machine", "discarded"), runs.stream().map(r -> r.info().runName())
                    .toList());
            assertEquals(new Metric("AUC", 0.79, 1600000330000L, 2), runs.get(2).data().metrics().get("AUC"));
            assertTrue(Double.isNaN(runs.get(3).data().metrics().get("F1").value()));
            assertEquals(6, tracking.getMetricHistory(MlflowSqlFixtures.FOREST, "AUC").size());
            assertEquals(3, tracking.searchAllRuns(SearchRequest.builder("1")
                    .filter("tags.mlflow.parentRunId = '" + MlflowSqlFixtures.SETUP + "'").build()).size());

            List<ModelVersion> versions = registry.listVersions("lead-scoring");
            assertEquals(List.of(ModelStage.ARCHIVED, ModelStage.PRODUCTION, ModelStage.STAGING),
                    versions.stream().map(ModelVersion::stage).toList());
            assertEquals(script.equals(MlflowSqlFixtures.MLFLOW2) ? Map.of("champion", 2, "challenger", 3)
                    : Map.of(), registry.getModel("lead-scoring").aliases());

        }
        assertEquals(before, contents(url), "reading changed tables or rows");

        try (TrackingClient tracking = TrackingClient.open(mlops, location);
             ModelRegistry registry = mlops.openModelRegistry()) {
            String runId = tracking.store().createRun("1", "from mlops4j", "ana", 1_700_000_000_000L, List.of())
                    .runId();
            tracking.store().logBatch(runId, List.of(new Metric("AUC", 0.9, 2, 1), new Metric("AUC", 0.5, 1, 2),
                    new Metric("AUC", Double.NaN, 3, 0)), List.of(), List.of());
            assertEquals(new Metric("AUC", 0.5, 1, 2), tracking.store().getRun(runId).orElseThrow().data().metrics().get("AUC"),
                    "the greatest step wins");
            assertEquals(3, tracking.getMetricHistory(runId, "AUC").size());
            ModelVersion promoted = registry.transitionStage("lead-scoring", 3, ModelStage.PRODUCTION, true);
            assertEquals(ModelStage.PRODUCTION, promoted.stage());
            assertEquals(ModelStage.ARCHIVED, registry.getVersion("lead-scoring", 2).stage());
            assertEquals(4 + 1, registry.register(NewModelVersion.builder("lead-scoring",
                    "runs:/" + runId + "/model").build()).version(), "the number after the deleted version 4");
            if (script.equals(MlflowSqlFixtures.MLFLOW1)) {
                MlopsException refused = assertThrows(MlopsException.class,
                        () -> registry.setAlias("lead-scoring", "champion", 3));
                assertTrue(refused.getMessage().contains("registered_model_aliases"), refused.getMessage());
                assertTrue(!refused.getMessage().contains("password=secret"), "the password is redacted");
            }
        }
    }

    /** Every table of the schema with its row count and a checksum of its rows. */
    private static List<String> contents(String url) throws SQLException {
        List<String> contents = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(md5(string_agg(t::text, '|'"
                        + " ORDER BY t::text)), '') FROM " + table + " t")) {
                    rs.next();
                    contents.add(table + " " + rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        return contents;
    }
}
