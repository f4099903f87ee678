package org.mlops4j.server.rest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.file.FileTrackingStore;

/**
 * Metrics logged through an {@code http:} store wait and go in {@code log-batch} calls: seen from the server's own
 * store, in process, they arrive when the run ends, at 1,000 values, after the flush interval, or when the client
 * closes. And a training job changes nothing but {@code mlops.tracking.uri} to log to the server.
 */
class HttpStoreBatchingIT {

    private static final Map<String, String> NO_TIMER = Map.of(MlopsProperties.TRACKING_HTTP_FLUSH_MILLIS, "600000");

    @RegisterExtension
    final ServerFixture servers = new ServerFixture();

    @TempDir
    Path folder;

    private TrackingClient served;
    private TrackingServer server;

    @BeforeEach
    void startServer() {
        served = TrackingClient.of(FileTrackingStore.open(folder.resolve("mlruns")));
        server = servers.start(served, Optional.empty(), builder -> { });
    }

    @Test
    void loggedMetricsReachTheServerWhenTheRunEnds() {
        try (TrackingStore store = ServerFixture.httpStore(server.url(), NO_TIMER)) {
            RunInfo run = newRun(store);
            for (int step = 0; step < 10; step++) {
                store.logBatch(run.runId(), List.of(new Metric("loss", 1.0 / (step + 1), 1000 + step, step)),
                        List.of(), List.of());
            }
            assertEquals(0, served.store().getMetricHistory(run.runId(), "loss").size(), "still waiting");
            store.updateRun(run.runId(), RunStatus.FINISHED, OptionalLong.of(5000));
            List<Metric> history = served.store().getMetricHistory(run.runId(), "loss");
            assertEquals(IntStream.range(0, 10).boxed().toList(), history.stream().map(m -> (int) m.step()).toList());
        }
    }

    @Test
    void aThousandWaitingValuesGoInOneBatchAtOnce() {
        try (TrackingStore store = ServerFixture.httpStore(server.url(), NO_TIMER)) {
            RunInfo run = newRun(store);
            for (int i = 0; i < 999; i++) {
                store.logBatch(run.runId(), List.of(new Metric("m", i, 1000 + i, i)), List.of(), List.of());
            }
            assertEquals(0, served.store().getMetricHistory(run.runId(), "m").size());
            store.logBatch(run.runId(), List.of(new Metric("m", 999, 1999, 999)), List.of(), List.of());
            assertEquals(1000, served.store().getMetricHistory(run.runId(), "m").size());
        }
    }

    @Test
    void waitingValuesAreSentAfterTheFlushIntervalAndOnClose() throws InterruptedException {
        TrackingStore store = ServerFixture.httpStore(server.url(),
                Map.of(MlopsProperties.TRACKING_HTTP_FLUSH_MILLIS, "200"));
        RunInfo run = newRun(store);
        store.logBatch(run.runId(), List.of(new Metric("timed", 1, 1000, 0)), List.of(), List.of());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (served.store().getMetricHistory(run.runId(), "timed").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, served.store().getMetricHistory(run.runId(), "timed").size(), "sent by the timer");

        TrackingStore quiet = ServerFixture.httpStore(server.url(), NO_TIMER);
        quiet.logBatch(run.runId(), List.of(new Metric("closed", 2, 1000, 0)), List.of(), List.of());
        quiet.close();
        store.close();
        assertEquals(1, served.store().getMetricHistory(run.runId(), "closed").size(), "sent on close");
    }

    @Test
    void valuesTheServerRefusesInTheBackgroundAreReportedByTheRunsNextCall() throws InterruptedException {
        try (TrackingStore store = ServerFixture.httpStore(server.url(),
                Map.of(MlopsProperties.TRACKING_HTTP_FLUSH_MILLIS, "300"))) {
            RunInfo run = newRun(store);
            store.logBatch(run.runId(), List.of(new Metric("late", 1, 1000, 0)), List.of(), List.of());
            served.store().deleteRun(run.runId());
            Thread.sleep(1000);
            InvalidTrackingInputException e = assertThrows(InvalidTrackingInputException.class, () ->
                    store.logBatch(run.runId(), List.of(new Metric("late", 2, 1001, 1)), List.of(), List.of()));
            assertTrue(e.getMessage().contains(run.runId()), e.getMessage());
            assertTrue(served.store().getMetricHistory(run.runId(), "late").isEmpty());
        }
    }

    @Test
    void aJobLogsToTheServerWithOnlyTheTrackingUriChanged() {
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, server.url().toString()).build();
        String runId;
        try (TrackingClient tracking = TrackingClient.open(mlops)) {
            Experiment experiment = tracking.getOrCreateExperiment("remote training");
            try (ActiveRun run = tracking.startRun(experiment, "epochs")) {
                runId = run.id();
                run.logParam("lr", "0.1");
                for (int epoch = 0; epoch < 100; epoch++) {
                    run.logMetric("loss", 1.0 / (epoch + 1), epoch);
                }
                run.end();
            }
        }
        var run = served.store().getRun(runId).orElseThrow();
        assertEquals(RunStatus.FINISHED, run.info().status());
        assertEquals("0.1", run.data().params().get("lr"));
        assertEquals(100, served.store().getMetricHistory(runId, "loss").size());
        assertEquals(99, run.data().metrics().get("loss").step());
    }

    private static RunInfo newRun(TrackingStore store) {
        return store.createRun(Experiment.DEFAULT_ID, "batched", "ci", System.currentTimeMillis(), List.of());
    }
}
