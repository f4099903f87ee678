package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.tracking.mlflow.MlflowStores.BOOSTING;
import static org.mlops4j.tracking.mlflow.MlflowStores.CHURN_BASELINE;
import static org.mlops4j.tracking.mlflow.MlflowStores.EXTRA_TREES;
import static org.mlops4j.tracking.mlflow.MlflowStores.FOREST;
import static org.mlops4j.tracking.mlflow.MlflowStores.LEADS;
import static org.mlops4j.tracking.mlflow.MlflowStores.LOGISTIC;
import static org.mlops4j.tracking.mlflow.MlflowStores.SETUP;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.ViewType;

/** PyCaret's runs as MLflow 2.x writes them, read through a {@code file:} tracking URI. */
class MlflowFileStoreTest {

    @TempDir
    Path tempDir;

    private TrackingClient tracking;

    @BeforeEach
    void openThePycaretStore() throws IOException {
        URI location = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir).toUri();
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, location.toString()).build();
        tracking = TrackingClient.openReadOnly(mlops, location);
    }

    @AfterEach
    void close() {
        tracking.close();
    }

    @Test
    void experimentZeroKeepsItsNameAndADeletedExperimentIsInTheTrash() {
        assertEquals(List.of("0:Sandbox", LEADS + ":lead-scoring"), names(tracking.listExperiments()));
        assertEquals(List.of("271828:old-churn"), names(tracking.listExperiments(ViewType.DELETED_ONLY)));
        Experiment sandbox = tracking.getExperimentByName("Sandbox").orElseThrow();
        assertEquals(Map.of("mlflow.note.content", "The default experiment, renamed"), sandbox.tags());
        assertEquals(1700000000000L, sandbox.creationTime());
        Experiment deleted = tracking.getExperiment("271828").orElseThrow();
        assertEquals(LifecycleStage.DELETED, deleted.lifecycleStage());
        assertEquals("file:///home/analyst/lead%20scoring/mlruns/271828", deleted.artifactLocation());
    }

    @Test
    void pycaretsNestedRunsReadWithNamesStatusesParentsParamsAndTags() {
        List<Run> runs = tracking.searchAllRuns(SearchRequest.builder(LEADS).orderBy("start_time ASC").build());
        assertEquals(List.of(SETUP, LOGISTIC, FOREST, BOOSTING), runs.stream().map(Run::runId).toList());
        assertEquals(List.of("Session Initialized 2f1e", "Logistic Regression", "Random Forest Classifier",
                "Light Gradient Boosting Machine"), runs.stream().map(r -> r.info().runName()).toList());
        assertEquals(List.of(RunStatus.FINISHED, RunStatus.FINISHED, RunStatus.FINISHED, RunStatus.FAILED),
                runs.stream().map(r -> r.info().status()).toList());
        Run logistic = runs.get(1);
        assertEquals(SETUP, logistic.parentRunId().orElseThrow());
        assertTrue(runs.get(0).parentRunId().isEmpty());
        assertEquals(Map.of("C", "1.0", "max_iter", "1000", "solver", "lbfgs"), logistic.data().params());
        assertEquals("compare_models", logistic.data().tags().get("Source"));
        assertEquals("analyst", logistic.info().userId());
        assertEquals(OptionalLong.of(1700000360000L), logistic.info().endTime());
        assertEquals("file:///home/analyst/lead%20scoring/mlruns/" + LEADS + "/" + LOGISTIC + "/artifacts",
                logistic.info().artifactUri());
    }

    @Test
    void theLatestValueIsTheGreatestStepThenTimestampThenValue() {
        Metric auc = tracking.getRun(FOREST).orElseThrow().data().metrics().get("AUC");
        assertEquals(new Metric("AUC", 0.79, 1700000403000L, 2), auc);
        assertEquals(List.of(0.70, 0.95, 0.80, 0.79, 0.78), tracking.getMetricHistory(FOREST, "AUC").stream()
                .map(Metric::value).toList());
        assertEquals(0.47, tracking.getRun(LOGISTIC).orElseThrow().data().metrics().get("eval/loss").value());
        assertEquals(List.of(), tracking.getMetricHistory(FOREST, "never-logged"));
    }

    @Test
    void filtersAndOrdersApplyToTheFoldersRuns() {
        List<Run> children = tracking.searchAllRuns(SearchRequest.builder(LEADS)
                .filter("tags.mlflow.parentRunId = '" + SETUP + "' and metrics.AUC > 0.75")
                .orderBy("metrics.AUC DESC").build());
        assertEquals(List.of(LOGISTIC, FOREST), children.stream().map(Run::runId).toList());
        List<Run> failed = tracking.searchAllRuns(SearchRequest.builder("0", LEADS)
                .filter("attributes.status = 'FAILED'").build());
        assertEquals(List.of(BOOSTING), failed.stream().map(Run::runId).toList());
    }

    @Test
    void deletedRunsAndTheRunsOfDeletedExperimentsShowOnlyWhenAsked() {
        List<Run> deleted = tracking.searchAllRuns(SearchRequest.builder(LEADS, "271828")
                .viewType(ViewType.DELETED_ONLY).build());
        assertEquals(List.of(EXTRA_TREES, CHURN_BASELINE).stream().sorted().toList(),
                deleted.stream().map(Run::runId).sorted().toList());
        Run baseline = tracking.getRun(CHURN_BASELINE).orElseThrow();
        assertEquals(LifecycleStage.DELETED, baseline.info().lifecycleStage());
        assertEquals("271828", baseline.info().experimentId());
        assertEquals(0.66, baseline.data().metrics().get("auc").value());
    }

    @Test
    void malformedRunFoldersAreSkippedAndCannotBeFetched() {
        List<Run> all = tracking.searchAllRuns(SearchRequest.builder(LEADS).viewType(ViewType.ALL).build());
        assertEquals(5, all.size(), "the four active runs and the deleted one, not the malformed folders");
        assertTrue(tracking.getRun("5e6f708192a3b4c5d6e7f8091a2b3c4d").isEmpty(), "meta.yaml is not YAML");
        assertTrue(tracking.getRun("checkpoints").isEmpty(), "no meta.yaml");
        assertTrue(tracking.getRun("6f708192a3b4c5d6e7f8091a2b3c4d5e").isEmpty(), "recorded under experiment 0");
        assertThrows(InvalidTrackingInputException.class, () -> tracking.getRun("../" + LEADS),
                "not an id: refused, as every store refuses it");
    }

    @Test
    void artifactsRecordedOnAnotherMachineAreReadFromTheRunsFolder() throws IOException {
        assertEquals(List.of("model"), tracking.listArtifacts(LOGISTIC, "").stream().map(ArtifactInfo::path)
                .toList());
        assertEquals(List.of("model/MLmodel", "model/requirements.txt"),
                tracking.listArtifacts(LOGISTIC, "model").stream().map(ArtifactInfo::path).toList());
        try (InputStream in = tracking.openArtifact(LOGISTIC, "model/requirements.txt")) {
            assertEquals("scikit-learn==1.2.2\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), tracking.listArtifacts(BOOSTING, ""));
    }

    @Test
    void aPercentEncodedArtifactLocationThatExistsHereIsDecoded() throws IOException {
        Path elsewhere = Files.createDirectories(tempDir.resolve("shared artifacts ü").resolve(FOREST));
        Files.writeString(elsewhere.resolve("report.txt"), "outside the store");
        String encoded = elsewhere.toUri().toASCIIString();
        assertTrue(encoded.contains("shared%20artifacts%20%C3%BC"), encoded);
        Path meta = tempDir.resolve(MlflowStores.PYCARET_MLFLOW2).resolve(LEADS).resolve(FOREST)
                .resolve("meta.yaml");
        Files.writeString(meta, Files.readString(meta).replaceFirst("artifact_uri: .*", "artifact_uri: " + encoded));
        assertEquals(encoded, tracking.getRun(FOREST).orElseThrow().info().artifactUri());
        try (InputStream in = tracking.openArtifact(FOREST, "report.txt")) {
            assertEquals("outside the store", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> names(List<Experiment> experiments) {
        return experiments.stream().map(e -> e.experimentId() + ":" + e.name()).toList();
    }
}
