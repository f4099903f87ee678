package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.ViewType;

/** What MLflow 1.x wrote, and what MLflow 3.x adds beside runs, read by the same store. */
class MlflowVersionsLayoutTest {

    @TempDir
    Path tempDir;

    @Test
    void mlflow1RunsHaveOnlyARunUuidTheirNameInATagAndMetricsWithoutSteps() throws IOException {
        Path root = MlflowStores.copy(MlflowStores.MLFLOW1, tempDir);
        try (MlflowFileStore store = new MlflowFileStore(root.toUri(), root)) {
            assertEquals(List.of("0:Default", "1:wine"), store.listExperiments(ViewType.ALL).stream()
                    .map(e -> e.experimentId() + ":" + e.name()).toList());
            Experiment wine = store.getExperiment("1").orElseThrow();
            assertEquals(LifecycleStage.ACTIVE, wine.lifecycleStage(), "no lifecycle_stage: active");
            Run run = store.getRun("0f1e2d3c4b5a69788796a5b4c3d2e1f0").orElseThrow();
            assertEquals("elasticnet-1", run.info().runName());
            assertEquals(RunStatus.FINISHED, run.info().status());
            assertEquals("alice", run.info().userId());
            assertEquals(0.7, run.data().metrics().get("rmse").value(), "same step 0: the later timestamp wins");
            assertEquals(0L, run.data().metrics().get("rmse").step());
            assertEquals(Map.of("alpha", "0.5", "l1_ratio", "0.1"), run.data().params());
            assertEquals(List.of("model.pkl.txt"), store.listArtifacts(run.runId(), "").stream()
                    .map(a -> a.path()).toList(), "artifact_uri ./mlruns/0/... is relative: the run folder's");
            List<Run> wineRuns = store.searchRuns(SearchRequest.builder("1").orderBy("start_time ASC").build())
                    .runs();
            assertEquals(List.of(RunStatus.RUNNING, RunStatus.KILLED), wineRuns.stream().map(r -> r.info().status())
                    .toList());
            assertEquals(OptionalLong.empty(), wineRuns.get(0).info().endTime(), "end_time: null");
            assertEquals("", wineRuns.get(0).info().runName(), "no name anywhere");
            assertEquals("1", wineRuns.get(0).info().experimentId(), "experiment_id: 1 read as text");
        }
    }

    @Test
    void mlflow3InputsOutputsDatasetsLoggedModelsAndTracesAreNotTakenForRuns() throws IOException {
        Path root = MlflowStores.copy(MlflowStores.MLFLOW3, tempDir);
        URI location = root.toUri();
        try (MlflowFileStore store = new MlflowFileStore(location, root);
             MlflowFileRegistry registry = new MlflowFileRegistry(location, root)) {
            assertEquals(List.of("Default", "iris-v3"), store.listExperiments(ViewType.ALL).stream()
                    .map(Experiment::name).toList());
            List<Run> runs = store.searchRuns(SearchRequest.builder("812345678901234567").viewType(ViewType.ALL)
                    .build()).runs();
            assertEquals(List.of("bold-heron-42"), runs.stream().map(r -> r.info().runName()).toList());
            assertEquals(0.96, runs.get(0).data().metrics().get("accuracy").value());
            assertTrue(store.getRun("models").isEmpty());
            ModelVersion champion = registry.getByAlias("iris", "champion");
            assertEquals("models:/m-0123456789abcdef0123456789abcdef", champion.source());
            assertEquals(runs.get(0).runId(), champion.runId().orElseThrow());
        }
    }

    @Test
    void aMetricLineWithFieldsAfterTheStepIsReadByItsFirstThreeAndAnUnparsableLineIsSkipped() throws IOException {
        Path root = MlflowStores.copy(MlflowStores.MLFLOW3, tempDir);
        String runId = "9a8b7c6d5e4f30211203948576a5b4c3";
        Path metric = root.resolve("812345678901234567").resolve(runId).resolve("metrics").resolve("accuracy");
        Files.writeString(metric, "1750000250000 0.96 0\n1750000251000 0.97 1 " + runId + " iris 0a1b2c3d\n"
                + "torn-line\n1750000252000 0.5");
        try (MlflowFileStore store = new MlflowFileStore(root.toUri(), root)) {
            assertEquals(List.of(0.96, 0.5, 0.97), store.getMetricHistory(runId, "accuracy").stream()
                    .map(Metric::value).toList(), "by step, then timestamp; the unterminated last line is a value");
            assertEquals(new Metric("accuracy", 0.97, 1750000251000L, 1),
                    store.getRun(runId).orElseThrow().data().metrics().get("accuracy"),
                    "step 1 is the latest, though a later line has step 0");
        }
    }
}
