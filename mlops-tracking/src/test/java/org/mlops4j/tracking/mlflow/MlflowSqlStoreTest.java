package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.tracking.mlflow.MlflowSqlFixtures.BOOSTING;
import static org.mlops4j.tracking.mlflow.MlflowSqlFixtures.DISCARDED;
import static org.mlops4j.tracking.mlflow.MlflowSqlFixtures.EXPLORING;
import static org.mlops4j.tracking.mlflow.MlflowSqlFixtures.FOREST;
import static org.mlops4j.tracking.mlflow.MlflowSqlFixtures.LOGISTIC;
import static org.mlops4j.tracking.mlflow.MlflowSqlFixtures.SETUP;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.ViewType;

/**
 * Experiments and runs of MLflow databases at two schema revisions (MLflow 1.x and 2.x), read through a
 * {@code jdbc:sqlite:} tracking URI as MLflow shows them: names, statuses, nested runs, deleted runs and experiments,
 * params, tags, latest metrics by MLflow's rule and full histories.
 */
class MlflowSqlStoreTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void experimentZeroKeepsItsNameAndADeletedExperimentIsShownOnlyWhenAsked(String script) throws Exception {
        try (TrackingClient tracking = open(script)) {
            assertEquals(List.of("0:pycaret-default", "1:lead-scoring"), names(tracking.listExperiments()));
            List<Experiment> all = tracking.listExperiments(ViewType.ALL);
            assertEquals(List.of("0:pycaret-default", "1:lead-scoring", "2:old-trials"), names(all));
            assertEquals(LifecycleStage.DELETED, all.get(2).lifecycleStage());
            assertEquals(Map.of("mlflow.note.content", "Lead scoring with PyCaret", "team", "growth"),
                    all.get(1).tags());
            assertEquals("./mlruns/1", all.get(1).artifactLocation());
            assertEquals(script.equals(MlflowSqlFixtures.MLFLOW2) ? 1599000000001L : 0L, all.get(1).creationTime(),
                    "creation_time exists since revision 97727af70f4d");
            assertEquals("old-trials", tracking.store().getExperimentByName("old-trials").orElseThrow().name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void runsShowTheirNamesStatusesAndParentsAsMlflowShowsThem(String script) throws Exception {
        try (TrackingClient tracking = open(script)) {
            List<Run> runs = tracking.searchAllRuns(SearchRequest.builder("1").orderBy("start_time ASC").build());
            assertEquals(List.of("Session Initialized 2f1e", "Logistic Regression", "Random Forest Classifier",
                    "Light Gradient Boosting Machine"), runs.stream().map(r -> r.info().runName()).toList());
            assertEquals(List.of(RunStatus.FINISHED, RunStatus.FINISHED, RunStatus.FINISHED, RunStatus.FAILED),
                    runs.stream().map(r -> r.info().status()).toList());
            Run forest = runs.get(2);
            assertEquals(FOREST, forest.runId());
            assertEquals(SETUP, forest.data().tags().get("mlflow.parentRunId"));
            assertEquals(Map.of("n_estimators", "100", "max_depth", "None"), forest.data().params());
            assertEquals(1600000400000L, forest.info().endTime().orElseThrow());
            assertEquals("ana", forest.info().userId());
            assertEquals("1", forest.info().experimentId());

            List<Run> children = tracking.searchAllRuns(SearchRequest.builder("1")
                    .filter("tags.mlflow.parentRunId = '" + SETUP + "'").orderBy("start_time ASC").build());
            assertEquals(List.of(LOGISTIC, FOREST, BOOSTING), children.stream().map(Run::runId).toList());

            Run running = tracking.getRun(EXPLORING).orElseThrow();
            assertEquals(RunStatus.RUNNING, running.info().status());
            assertTrue(running.info().endTime().isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void aDeletedRunIsSearchedOnlyWhenAskedAndKeepsItsStatus(String script) throws Exception {
        try (TrackingClient tracking = open(script)) {
            assertEquals(4, tracking.searchAllRuns(SearchRequest.builder("1").build()).size());
            List<Run> deleted = tracking.searchAllRuns(SearchRequest.builder("1").viewType(ViewType.DELETED_ONLY)
                    .build());
            assertEquals(List.of(DISCARDED), deleted.stream().map(Run::runId).toList());
            assertEquals(RunStatus.KILLED, deleted.get(0).info().status());
            assertEquals("discarded", deleted.get(0).info().runName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void latestMetricsAreTheGreatestByStepThenTimestampThenValueAndNaNStaysNaN(String script) throws Exception {
        try (TrackingClient tracking = open(script)) {
            Run forest = tracking.getRun(FOREST).orElseThrow();
            assertEquals(new Metric("AUC", 0.79, 1600000330000L, 2), forest.data().metrics().get("AUC"),
                    "step 2 beats a later step 1; the later timestamp beats a larger value; then the larger value");
            assertTrue(Double.isNaN(tracking.getRun(BOOSTING).orElseThrow().data().metrics().get("F1").value()));
            for (Run run : tracking.searchAllRuns(SearchRequest.builder("0", "1").viewType(ViewType.ALL).build())) {
                for (Map.Entry<String, Metric> latest : run.data().metrics().entrySet()) {
                    List<Metric> history = tracking.getMetricHistory(run.runId(), latest.getKey());
                    assertEquals(history.stream().max(Metric.LATEST_ORDER).orElseThrow(), latest.getValue(),
                            run.runId() + " " + latest.getKey());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void aMetricHistoryHoldsEveryValueIncludingRepeatedStepsOrderedByStepThenTimestamp(String script)
            throws Exception {
        try (TrackingClient tracking = open(script)) {
            List<Metric> history = tracking.getMetricHistory(FOREST, "AUC");
            assertEquals(List.of(0L, 1L, 1L, 2L, 2L, 2L), history.stream().map(Metric::step).toList());
            assertEquals(List.of(0.70, 0.75, 0.81, 0.85), history.subList(0, 4).stream().map(Metric::value).toList());
            assertTrue(tracking.getMetricHistory(FOREST, "no-such-metric").isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1})
    void aRevisionOlderThanTheLatestMetricsTableChoosesTheLatestFromTheHistoryByTheSameRule(String script)
            throws Exception {
        Path db = MlflowSqlFixtures.sqlite(script, tempDir, "DROP TABLE latest_metrics",
                "UPDATE alembic_version SET version_num = '7ac759974ad8'");
        try (TrackingClient tracking = TrackingClient.openReadOnly(mlops(db), uri(db))) {
            assertEquals(new Metric("AUC", 0.79, 1600000330000L, 2), tracking.getRun(FOREST).orElseThrow().data().metrics()
                    .get("AUC"));
            assertTrue(Double.isNaN(tracking.getRun(BOOSTING).orElseThrow().data().metrics().get("F1").value()));
        }
    }

    private TrackingClient open(String script) throws IOException, SQLException {
        Path db = MlflowSqlFixtures.sqlite(script, tempDir);
        return TrackingClient.openReadOnly(mlops(db), uri(db));
    }

    static URI uri(Path db) {
        return URI.create("jdbc:sqlite:" + db);
    }

    static Mlops mlops(Path db) {
        return Mlops.builder().property(MlopsProperties.TRACKING_URI, uri(db).toString()).build();
    }

    private static List<String> names(List<Experiment> experiments) {
        return experiments.stream().map(e -> e.experimentId() + ":" + e.name()).toList();
    }
}
