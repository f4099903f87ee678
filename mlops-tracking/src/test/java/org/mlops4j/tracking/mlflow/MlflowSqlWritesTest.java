package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.tracking.mlflow.MlflowSqlFixtures.DISCARDED;
import static org.mlops4j.tracking.mlflow.MlflowSqlFixtures.FOREST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * Runs, metrics, params and tags written into MLflow SQLite databases (1.x and 2.x revisions) land in MLflow's
 * tables as MLflow writes them: {@code latest_metrics} kept by MLflow's rule, NaN as {@code is_nan}, one transaction
 * per change (a refused batch writes nothing), the journal mode left as it was.
 */
class MlflowSqlWritesTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void aNewRunIsWrittenAsMlflowWritesItAndReadsBackAfterReopening(String script) throws Exception {
        Path db = MlflowSqlFixtures.sqlite(script, tempDir);
        String runId;
        try (TrackingClient tracking = TrackingClient.open(MlflowSqlStoreTest.mlops(db), MlflowSqlStoreTest.uri(db))) {
            TrackingStore store = tracking.store();
            RunInfo info = store.createRun("1", "Extra Trees", "cy", 1700000000000L,
                    List.of(new RunTag("mlflow.parentRunId", MlflowSqlFixtures.SETUP)));
            runId = info.runId();
            assertTrue(runId.matches("[0-9a-f]{32}"), runId);
            assertEquals("./mlruns/1/" + runId + "/artifacts", info.artifactUri());
            store.logBatch(runId, List.of(new Metric("AUC", 0.6, 1700000001000L, 0),
                    new Metric("AUC", 0.8, 1700000002000L, 1)), List.of(new Param("n_estimators", "50")),
                    List.of(new RunTag("Source", "pycaret")));
            store.updateRun(runId, RunStatus.FINISHED, OptionalLong.of(1700000003000L));
        }
        try (TrackingClient reader = TrackingClient.openReadOnly(MlflowSqlStoreTest.mlops(db),
                MlflowSqlStoreTest.uri(db))) {
            Run run = reader.getRun(runId).orElseThrow();
            assertEquals("Extra Trees", run.info().runName());
            assertEquals(RunStatus.FINISHED, run.info().status());
            assertEquals(1700000003000L, run.info().endTime().orElseThrow());
            assertEquals(Map.of("n_estimators", "50"), run.data().params());
            assertEquals(Map.of("mlflow.parentRunId", MlflowSqlFixtures.SETUP, "Source", "pycaret",
                    "mlflow.runName", "Extra Trees"), run.data().tags());
            assertEquals(new Metric("AUC", 0.8, 1700000002000L, 1), run.data().metrics().get("AUC"));
            assertEquals(2, reader.getMetricHistory(runId, "AUC").size());
        }
        assertEquals(List.of("Extra Trees|RUNNING->FINISHED|UNKNOWN|active"), rows(db, "SELECT name || '|RUNNING->'"
                + " || status || '|' || source_type || '|' || lifecycle_stage FROM runs WHERE run_uuid = '" + runId
                + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void latestMetricsStayTheGreatestByStepThenTimestampThenValue(String script) throws Exception {
        Path db = MlflowSqlFixtures.sqlite(script, tempDir);
        try (TrackingClient tracking = TrackingClient.open(MlflowSqlStoreTest.mlops(db), MlflowSqlStoreTest.uri(db))) {
            TrackingStore store = tracking.store();
            store.logBatch(FOREST, List.of(new Metric("AUC", 0.99, 1700000000000L, 1)), List.of(), List.of());
            assertEquals(List.of("AUC 0.79 2 0"), latest(db), "an older step does not replace step 2");
            store.logBatch(FOREST, List.of(new Metric("AUC", 0.5, 1600000330000L, 2)), List.of(), List.of());
            assertEquals(List.of("AUC 0.79 2 0"), latest(db), "same step and time, smaller value");
            store.logBatch(FOREST, List.of(new Metric("AUC", 0.7, 1700000000000L, 3),
                    new Metric("AUC", 0.6, 1700000005000L, 3)), List.of(), List.of());
            assertEquals(List.of("AUC 0.6 3 0"), latest(db), "within a batch, the later timestamp at step 3");
            store.logBatch(FOREST, List.of(new Metric("AUC", Double.NaN, 1700000009000L, 4)), List.of(), List.of());
            assertEquals(List.of("AUC 0.0 4 1"), latest(db), "NaN stored as 0 with is_nan");
            assertTrue(Double.isNaN(tracking.getRun(FOREST).orElseThrow().data().metrics().get("AUC").value()));
            assertEquals(6 + 5, tracking.getMetricHistory(FOREST, "AUC").size(), "every value kept");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW2})
    void aBatchThatWouldChangeAParamWritesNothingOfItself(String script) throws Exception {
        Path db = MlflowSqlFixtures.sqlite(script, tempDir);
        try (TrackingClient tracking = TrackingClient.open(MlflowSqlStoreTest.mlops(db), MlflowSqlStoreTest.uri(db))) {
            TrackingStore store = tracking.store();
            InvalidTrackingInputException e = assertThrows(InvalidTrackingInputException.class, () ->
                    store.logBatch(FOREST, List.of(new Metric("AUC", 0.95, 1700000000000L, 9)),
                            List.of(new Param("n_estimators", "200")), List.of(new RunTag("new", "tag"))));
            assertTrue(e.getMessage().contains("'100'") && e.getMessage().contains("'200'"), e.getMessage());
            Run forest = tracking.getRun(FOREST).orElseThrow();
            assertEquals(0.79, forest.data().metrics().get("AUC").value());
            assertFalse(forest.data().tags().containsKey("new"));
            assertEquals(6, tracking.getMetricHistory(FOREST, "AUC").size());
            store.logBatch(FOREST, List.of(), List.of(new Param("n_estimators", "100")), List.of());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void deletedRunsRefuseLoggingUntilRestoredAndTheJournalModeStaysMlflows(String script) throws Exception {
        Path db = MlflowSqlFixtures.sqlite(script, tempDir);
        String journal = rows(db, "PRAGMA journal_mode").get(0);
        try (TrackingClient tracking = TrackingClient.open(MlflowSqlStoreTest.mlops(db), MlflowSqlStoreTest.uri(db))) {
            TrackingStore store = tracking.store();
            assertThrows(InvalidTrackingInputException.class, () -> store.logBatch(DISCARDED, List.of(),
                    List.of(), List.of(new RunTag("k", "v"))));
            store.restoreRun(DISCARDED);
            store.logBatch(DISCARDED, List.of(), List.of(), List.of(new RunTag("k", "v")));
            store.deleteTag(DISCARDED, "k");
            store.deleteRun(FOREST);
            assertEquals(LifecycleStage.DELETED, tracking.getRun(FOREST).orElseThrow().info().lifecycleStage());
        }
        assertEquals(journal, rows(db, "PRAGMA journal_mode").get(0));
        assertFalse(Files.exists(Path.of(db + "-wal")), "no WAL switched on");
        if (script.equals(MlflowSqlFixtures.MLFLOW2)) {
            assertEquals(List.of("1"), rows(db, "SELECT count(*) FROM runs WHERE deleted_time IS NOT NULL"
                    + " AND run_uuid = '" + FOREST + "'"), "deleted_time set since 0c779009ac13");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW2})
    void concurrentBatchesKeepEveryValueAndTheGreatestAsLatest(String script) throws Exception {
        Path db = MlflowSqlFixtures.sqlite(script, tempDir);
        int threads = 4;
        int batches = 10;
        try (TrackingClient tracking = TrackingClient.open(MlflowSqlStoreTest.mlops(db), MlflowSqlStoreTest.uri(db))) {
            TrackingStore store = tracking.store();
            String runId = store.createRun("1", "concurrent", "cy", 1700000000000L, List.of()).runId();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        long step = (long) b * threads + thread;
                        store.logBatch(runId, List.of(new Metric("loss", 1.0 / (step + 1), 1700000000000L + step,
                                step)), List.of(), List.of(new RunTag("thread-" + thread, "batch " + b)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long last = (long) threads * batches - 1;
            assertEquals(new Metric("loss", 1.0 / (last + 1), 1700000000000L + last, last),
                    tracking.getRun(runId).orElseThrow().data().metrics().get("loss"));
            assertEquals(threads * batches, tracking.getMetricHistory(runId, "loss").size());
        }
    }

    private static List<String> latest(Path db) throws SQLException {
        return rows(db, "SELECT key || ' ' || value || ' ' || step || ' ' || is_nan FROM latest_metrics WHERE run_uuid"
                + " = '" + FOREST + "' AND key = 'AUC'");
    }

    private static List<String> rows(Path db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
