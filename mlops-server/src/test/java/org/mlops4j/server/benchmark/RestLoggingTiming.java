package org.mlops4j.server.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/**
 * Measures metric logging through MLflow's REST API against logging to the same store in-process, in the same run:
 * {@code log-batch} of 1,000 metrics and single {@code log-metric} calls, in values per second, on the file store and
 * on SQLite (issue 17's measure). One client thread, HTTP/1.1 with keep-alive, after a warm-up.
 *
 * Run it with (from the repository root), after building the class path as {@link RunsPageTiming} says:
 * <pre>
 * java -cp "..." org.mlops4j.server.benchmark.RestLoggingTiming target/rest-timing 20 500
 * </pre>
 * Arguments: a work folder (emptied first), the number of batches of 1,000, the number of single calls.
 */
public final class RestLoggingTiming {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int BATCH = 1000;

    private RestLoggingTiming() {
    }

    /**
     * @param args the work folder, the number of batches, the number of single calls
     * @throws Exception when the work folder cannot be used or a request fails
     */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/rest-timing");
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int singles = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        delete(work);
        Files.createDirectories(work);
        measure("file  ", folder -> FileTrackingStore.open(folder.resolve("mlruns")), work.resolve("file"),
                batches, singles);
        measure("sqlite", folder -> new JdbcTrackingStoreProvider().open(URI.create("jdbc:sqlite:"
                + folder.resolve("mlops.db")), MlopsConfig.ofOnly(Map.of())), work.resolve("sqlite"), batches,
                singles);
    }

    private static void measure(String label, Function<Path, TrackingStore> open, Path folder, int batches,
            int singles) throws Exception {
        Files.createDirectories(folder);
        try (TrackingClient tracking = TrackingClient.of(open.apply(folder));
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).port(0).start()) {
            TrackingStore store = tracking.store();
            String experiment = tracking.createExperiment("timing").experimentId();
            String runId = store.createRun(experiment, "timing", "bench", System.currentTimeMillis(), List.of())
                    .runId();
            URI batchUri = server.url().resolve("/api/2.0/mlflow/runs/log-batch");
            URI singleUri = server.url().resolve("/api/2.0/mlflow/runs/log-metric");
            // warm-up: both paths, so that neither pays the JIT or the store's first writes
            inProcessBatches(store, runId, "warm", 2);
            httpBatches(batchUri, runId, "warm", 2);

            double inBatch = inProcessBatches(store, runId, "in_batch", batches);
            double httpBatch = httpBatches(batchUri, runId, "http_batch", batches);
            double inSingle = inProcessSingles(store, runId, "in_single", singles);
            double httpSingle = httpSingles(singleUri, runId, "http_single", singles);
            System.out.printf(Locale.ROOT, "%s log-batch of %d: in-process %,.0f values/s, through the server "
                    + "%,.0f values/s (%.0f %%)%n", label, BATCH, inBatch, httpBatch, 100 * httpBatch / inBatch);
            System.out.printf(Locale.ROOT, "%s log-metric:        in-process %,.0f values/s, through the server "
                    + "%,.0f values/s (%.0f %%)%n", label, inSingle, httpSingle, 100 * httpSingle / inSingle);
        }
    }

    private static double inProcessBatches(TrackingStore store, String runId, String key, int batches) {
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            List<Metric> metrics = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                metrics.add(new Metric(key, i, 1_700_000_000_000L + i, (long) b * BATCH + i));
            }
            store.logBatch(runId, metrics, List.of(), List.of());
        }
        return perSecond((long) batches * BATCH, start);
    }

    private static double httpBatches(URI uri, String runId, String key, int batches) throws Exception {
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            List<Map<String, Object>> metrics = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                metrics.add(Map.of("key", key, "value", i, "timestamp", 1_700_000_000_000L + i,
                        "step", (long) b * BATCH + i));
            }
            post(uri, Map.of("run_id", runId, "metrics", metrics));
        }
        return perSecond((long) batches * BATCH, start);
    }

    private static double inProcessSingles(TrackingStore store, String runId, String key, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            store.logBatch(runId, List.of(new Metric(key, i, 1_700_000_000_000L + i, i)), List.of(), List.of());
        }
        return perSecond(calls, start);
    }

    private static double httpSingles(URI uri, String runId, String key, int calls) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            post(uri, Map.of("run_id", runId, "key", key, "value", i, "timestamp", 1_700_000_000_000L + i,
                    "step", i));
        }
        return perSecond(calls, start);
    }

    private static void post(URI uri, Object body) throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static double perSecond(long values, long startNanos) {
        return values / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
