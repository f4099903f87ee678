package org.mlops4j.server.rest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.file.FileTrackingStore;

/**
 * Transient failures against real servers: a tracking server stopped and started again on its port, a port nobody
 * listens on, and a peer that drops every call unanswered.
 */
class HttpStoreRetriesIT {

    private static final Map<String, String> QUICK_RETRIES = Map.of(MlopsProperties.TRACKING_HTTP_MAX_RETRIES, "8",
            MlopsProperties.TRACKING_HTTP_BACKOFF_MILLIS, "100");

    @RegisterExtension
    final ServerFixture servers = new ServerFixture();

    @TempDir
    Path folder;

    @Test
    void aReadWaitsForAStoppedServerToComeBackOnItsPort() throws Exception {
        TrackingClient served = TrackingClient.of(FileTrackingStore.open(folder.resolve("mlruns")));
        TrackingServer first = servers.start(served, Optional.empty(), builder -> { });
        try (TrackingStore store = ServerFixture.httpStore(first.url(), QUICK_RETRIES)) {
            Experiment created = store.createExperiment("kept across restarts", Map.of());
            int port = first.port();
            first.close();
            CompletableFuture<TrackingServer> second = restartLater(served, port);
            long start = System.nanoTime();
            Experiment read = store.getExperimentByName("kept across restarts").orElseThrow();
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(created.experimentId(), read.experimentId());
            assertTrue(second.isDone(), "answered by the restarted server");
            assertTrue(waitedMillis >= 500, "the call waited for the server, " + waitedMillis + " ms");
        }
    }

    @Test
    void aCallThatWasNeverDeliveredIsRetriedEvenWhenItIsNotIdempotent() throws Exception {
        TrackingClient served = TrackingClient.of(FileTrackingStore.open(folder.resolve("mlruns")));
        TrackingServer first = servers.start(served, Optional.empty(), builder -> { });
        try (TrackingStore store = ServerFixture.httpStore(first.url(), QUICK_RETRIES)) {
            store.getExperiment(Experiment.DEFAULT_ID);  // a kept-alive connection to the first server
            int port = first.port();
            first.close();
            restartLater(served, port);
            RunInfo run = store.createRun(Experiment.DEFAULT_ID, "made once", "ci", 1000L, List.of());
            assertEquals(List.of(run.runId()), served.searchAllRuns(org.mlops4j.core.tracking.SearchRequest
                    .builder(Experiment.DEFAULT_ID).build()).stream().map(r -> r.runId()).toList(),
                    "exactly one run, made by the restarted server");
        }
    }

    @Test
    void anUnreachableServerIsReportedInOneLineThatNamesItAndSaysHowToFixIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, "http://127.0.0.1:" + port)
                .property(MlopsProperties.TRACKING_HTTP_MAX_RETRIES, "2")
                .property(MlopsProperties.TRACKING_HTTP_BACKOFF_MILLIS, "50").build();
        try (TrackingClient tracking = TrackingClient.open(mlops)) {
            TrackingException e = assertThrows(TrackingException.class,
                    () -> tracking.store().listExperiments(ViewType.ALL));
            String message = e.getMessage();
            assertTrue(message.startsWith("Cannot reach the tracking server at http://127.0.0.1:" + port), message);
            assertTrue(message.contains("connection refused") && message.contains("3 attempts"), message);
            assertTrue(message.contains("mlops server --port " + port) && message.contains("mlops.tracking.uri"),
                    message);
            assertFalse(message.contains("\n"), "one line: " + message);
        }
    }

    @Test
    void aCallThatMayHaveBeenCarriedOutIsSentOnceWhenItIsNotIdempotentAndAgainWhenItIs() throws Exception {
        try (DroppingServer dropping = new DroppingServer();
             TrackingStore store = ServerFixture.httpStore(dropping.url(), Map.of(
                     MlopsProperties.TRACKING_HTTP_MAX_RETRIES, "3",
                     MlopsProperties.TRACKING_HTTP_BACKOFF_MILLIS, "20"))) {
            TrackingException once = assertThrows(TrackingException.class,
                    () -> store.createRun(Experiment.DEFAULT_ID, "maybe made", "ci", 1000L, List.of()));
            assertEquals(1, dropping.connections(), "runs/create was sent once");
            assertTrue(once.getMessage().contains("not sent again"), once.getMessage());

            TrackingException retried = assertThrows(TrackingException.class,
                    () -> store.getExperiment(Experiment.DEFAULT_ID));
            assertTrue(dropping.connections() >= 1 + 4, "experiments/get was sent 4 times: "
                    + dropping.connections());
            assertTrue(retried.getMessage().startsWith("Cannot reach the tracking server at " + dropping.url()),
                    retried.getMessage());
        }
    }

    private CompletableFuture<TrackingServer> restartLater(TrackingClient served, int port) {
        return CompletableFuture.supplyAsync(() -> servers.start(served, Optional.empty(), builder -> builder
                .port(port)), CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }
}
