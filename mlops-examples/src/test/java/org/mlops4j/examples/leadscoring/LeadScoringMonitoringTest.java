package org.mlops4j.examples.leadscoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.DriftDetector;
import org.mlops4j.core.monitor.ServedBatch;
import org.mlops4j.core.monitor.ServedRow;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.DriftDetectorProvider;
import org.mlops4j.core.spi.TriggerActionProvider;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * The monitoring pipeline tests each monitored column of a window once: the drift report it writes and the policy's
 * decision come from one run of the drift tests, counted by real drift tests registered by hand.
 */
class LeadScoringMonitoringTest {

    private static final Instant SERVED_AT = Instant.parse("2024-05-01T10:15:00Z");

    @TempDir
    Path folder;

    /** A real drift test under its own name that counts every column it is asked to test. */
    private record CountingDriftTest(DriftDetectorProvider test, AtomicInteger columnTests)
            implements DriftDetectorProvider {
        @Override
        public String name() {
            return test.name();
        }

        @Override
        public DriftDetector create(MlopsConfig config) {
            columnTests.incrementAndGet();
            return test.create(config);
        }
    }

    private static Mlops countingDriftTests(AtomicInteger columnTests) {
        Mlops discovered = Mlops.builder().build();
        Mlops.Builder counting = Mlops.builder().discoverProviders(false);
        discovered.providers(DriftDetectorProvider.class).all().forEach(test -> counting.register(
                DriftDetectorProvider.class, new CountingDriftTest(test, columnTests)));
        discovered.providers(TriggerActionProvider.class).all().forEach(action -> counting.register(
                TriggerActionProvider.class, action));
        return counting.build();
    }

    /** Generated leads through the case study's transforms: the model input a served batch holds. */
    private static Table servedInputs(long seed, List<LeadDrift> drift) {
        Table raw = LeadGenerator.builder().seed(seed).rows(3000).drift(drift).build().generate().table();
        LeadDataTransforms transforms = new LeadDataTransforms(LeadScoringMappings.bundled(),
                LeadScoringSchemas.bundled());
        Table mapped = transforms.mapCategoricalVars(transforms.mapCityTier(transforms.load(raw)));
        return LeadScoringTraining.categoricalText(transforms.modelInput(transforms.mapInteractions(mapped, false),
                false)).select(MonitoringOptions.MODEL_FEATURES);
    }

    private static void serve(ServingLog log, String batch, Table inputs) {
        List<ServedRow> responses = Collections.nCopies(inputs.rowCount(), ServedRow.predicted("1", 0.5));
        log.append(new ServedBatch(batch, "lead-scoring", 1, SERVED_AT, inputs, responses, Map.of(), Map.of()), 1.0,
                7);
    }

    @Test
    void testsEachMonitoredColumnOncePerWindow() throws Exception {
        Path leads = folder.resolve("leads.csv");
        LeadGenerator.builder().seed(1).rows(4000).build().write(leads);
        Path trainingDb = folder.resolve("training.db");
        ServingLog log = new ServingLog(folder.resolve("serving_log.jsonl"));
        serve(log, "batch-1", servedInputs(2, List.of()));
        serve(log, "batch-2", servedInputs(3, List.of(LeadDrift.moveMass("first_platform_c", 8))));
        AtomicInteger columnTests = new AtomicInteger();
        Mlops counting = countingDriftTests(columnTests);
        String uri = "file:" + folder.resolve("mlruns");
        Mlops host = Mlops.builder().property(MlopsProperties.TRACKING_URI, uri).build();
        int monitored = MonitoringOptions.MODEL_FEATURES.size();

        try (PipelineRunner runner = PipelineRunner.builder().threads(1).build();
             TrackingClient tracking = TrackingClient.open(host, URI.create(uri));
             ModelRegistry registry = host.openModelRegistry()) {
            assertEquals(PipelineState.SUCCEEDED, runner.run(LeadScoringPipelines.data(
                    DataPipelineOptions.builder(leads, trainingDb).build())).state());
            for (String batch : List.of("batch-1", "batch-2")) {
                int before = columnTests.get();
                Path output = folder.resolve("monitoring").resolve(batch);
                MonitoringOptions options = MonitoringOptions.builder(log.file(), trainingDb, output)
                        .batches(Set.of(batch)).build();

                PipelineRun run = runner.run(LeadScoringMonitoring.pipeline(tracking, registry, options, counting));

                assertEquals(PipelineState.SUCCEEDED, run.state(), () -> run.steps().toString());
                assertEquals(monitored, columnTests.get() - before, "each monitored column tested once in " + batch);
                MonitoringOutcome outcome = run.output(LeadScoringMonitoring.MONITORING_OUTCOME,
                        MonitoringOutcome.class).orElseThrow();
                int reported = new ObjectMapper().readTree(Files.readString(outcome.driftReportJson()))
                        .get("number_of_columns").asInt();
                assertEquals(reported, outcome.outcome().decision().drift().numberOfColumns(),
                        "the decision weighs the report that was written");
                assertEquals(batch.equals("batch-1") ? ActionKind.NONE : ActionKind.RETRAIN, outcome.action(),
                        outcome.outcome().decision().reason());
            }
        }
        assertEquals(2 * monitored, columnTests.get());
    }
}
