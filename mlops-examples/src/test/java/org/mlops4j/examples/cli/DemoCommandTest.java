package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.monitor.MonitoringRuns;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.examples.leadscoring.InferenceOptions;

/** {@code mlops demo} on a small data set: the three actions, the summary, the reports, the runs and the versions. */
class DemoCommandTest {

    @TempDir
    Path folder;

    @Test
    void refusesAFolderWithAnEarlierDemosStoreUnlessFresh() throws IOException {
        Path work = folder.resolve("used");
        Files.createDirectories(work.resolve("mlruns/0"));
        Files.createDirectories(work.resolve("reports"));

        MlopsCommandTest.Result result = MlopsCommandTest.mlops("demo", "--workdir", work, "--rows", 2000);

        assertEquals(ExitCodes.BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("already holds an earlier demo's [reports, mlruns]"), result.err());
        assertTrue(result.err().contains("--fresh"), result.err());
        assertTrue(Files.isDirectory(work.resolve("mlruns/0")), "nothing deleted without --fresh");
    }

    @Test
    void runsTheLifecycleWithNoActionThenRetrainThenEscalate() throws IOException {
        Path work = folder.resolve("demo");
        Path stale = Files.createDirectories(work.resolve("db")).resolve("stale.db");
        Files.writeString(stale, "left by an earlier demo");
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("demo", "--workdir", work, "--rows", 10000,
                "--batch-rows", 5000, "--folds", 2, "--models", "lr,dt", "--seed", 1, "--fresh");
        assertEquals(0, result.code(), result.err() + result.out());
        assertTrue(Files.notExists(stale), "--fresh deletes what an earlier demo left");
        assertFalse(result.err().contains("ERROR"), "an escalation is an outcome, not an error: " + result.err());
        List<String> table = result.out().lines().filter(l -> l.startsWith("batch-")).toList();
        assertEquals(3, table.size(), result.out());
        assertTrue(table.get(0).contains(" none "), table.get(0));
        assertTrue(table.get(1).contains(" retrain "), table.get(1));
        assertTrue(table.get(2).contains(" escalate "), table.get(2));
        assertTrue(result.out().contains("Runs and models: file:"), result.out());

        Path reports = work.resolve("reports");
        assertTrue(Files.size(reports.resolve("profile.html")) > 0);
        assertTrue(Files.size(reports.resolve("profile.json")) > 0);
        for (String batch : List.of("batch-1", "batch-2", "batch-3")) {
            for (String file : List.of(MonitoringRuns.DRIFT_REPORT_JSON, MonitoringRuns.DRIFT_REPORT_HTML,
                    MonitoringRuns.DECISION_JSON)) {
                assertTrue(Files.isRegularFile(reports.resolve(batch).resolve(file)), batch + "/" + file);
            }
        }
        assertTrue(Files.notExists(reports.resolve("batch-1/alerts")));
        try (Stream<Path> alerts = Files.list(reports.resolve("batch-3/alerts"))) {
            assertEquals(1, alerts.count());
        }
        Path serving = work.resolve("serving");
        assertEquals(3, Files.readAllLines(serving.resolve(InferenceOptions.PREDICTION_SHARES_FILE)).size());
        assertEquals(3 * 5000, new ServingLog(serving.resolve(InferenceOptions.SERVING_LOG_FILE)).read().rowCount(),
                "every request is captured at the default sample rate (no two generated leads are identical)");

        String uri = "file:" + work.toAbsolutePath().resolve("mlruns");
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, uri).build();
        try (TrackingClient tracking = TrackingClient.open(mlops, URI.create(uri));
             ModelRegistry registry = mlops.openModelRegistry()) {
            Experiment monitoring = tracking.getExperimentByName(MonitoringRuns.EXPERIMENT).orElseThrow();
            List<Run> windows = tracking.searchAllRuns(SearchRequest.builder(monitoring.experimentId())
                    .orderBy("attributes.start_time ASC").build());
            assertEquals(List.of("NONE", "RETRAIN", "ESCALATE"), windows.stream()
                    .map(r -> r.data().tags().get(MonitoringRuns.ACTION_TAG)).toList());
            for (Run window : windows) {
                Map<String, org.mlops4j.core.tracking.Metric> metrics = window.data().metrics();
                assertTrue(metrics.containsKey(MonitoringRuns.MAX_DEVIATION_PCT), metrics.toString());
                assertTrue(metrics.containsKey(MonitoringRuns.DRIFT_SHARE), metrics.toString());
                assertTrue(metrics.containsKey(MonitoringRuns.DATASET_DRIFT), metrics.toString());
            }
            double first = windows.get(0).data().metric(MonitoringRuns.MAX_DEVIATION_PCT).orElseThrow();
            double second = windows.get(1).data().metric(MonitoringRuns.MAX_DEVIATION_PCT).orElseThrow();
            double third = windows.get(2).data().metric(MonitoringRuns.MAX_DEVIATION_PCT).orElseThrow();
            assertTrue(first < 5 && second >= 5 && second <= 10 && third > 10, first + " " + second + " " + third);

            List<ModelVersion> versions = registry.listVersions("lead-scoring");
            assertEquals(2, versions.size(), "the first training and the retraining each register a version");
            List<ModelVersion> production = versions.stream().filter(v -> v.stage() == ModelStage.PRODUCTION)
                    .toList();
            assertEquals(1, production.size());
            assertTrue(production.get(0).aliases().contains("champion"));
            Experiment inference = tracking.getExperimentByName(InferenceOptions.DEFAULT_EXPERIMENT).orElseThrow();
            List<Run> scored = tracking.searchAllRuns(SearchRequest.builder(inference.experimentId()).build());
            assertEquals(3, scored.size());
            for (Run run : scored) {
                assertTrue(run.data().metrics().keySet().containsAll(List.of("leads_scored", "manual_hours_saved",
                        "share_for_manual_validation", "share_predicted_1", "share_predicted_0")),
                        run.data().metrics().toString());
            }
        }
    }
}
