package org.mlops4j.server.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.PageToken;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.ui.TrackingUi;
import org.mlops4j.server.ui.TrackingUiServer;
import org.mlops4j.tracking.benchmark.BenchmarkRuns;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/**
 * Measures how fast the tracking UI answers the runs page of an experiment with many runs, over plain HTTP, on the
 * file store and on SQLite: the first page, a filtered page, a page sorted by a metric, filtered and sorted, and the
 * last page. Each request is timed once right after the server starts (cold) and then 20 times (median and 90th
 * percentile reported); the time covers the search in the store, rendering the HTML and sending it.
 *
 * Run it with (from the repository root):
 * <pre>
 * mvn -B -q -pl mlops-server -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp "mlops-server/target/test-classes:mlops-server/target/classes:mlops-tracking/target/test-classes:\
 * mlops-tracking/target/classes:mlops-core/target/classes:$(cat mlops-server/target/cp.txt)" \
 *     org.mlops4j.server.benchmark.RunsPageTiming target/ui-timing 10000
 * </pre>
 * Arguments: a work folder (emptied first) and the number of runs.
 */
public final class RunsPageTiming {

    private static final int REPEATS = 20;

    private RunsPageTiming() {
    }

    /**
     * @param args the work folder and the number of runs
     * @throws Exception when the work folder cannot be used or a request fails
     */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/ui-timing");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        delete(work);
        Files.createDirectories(work);
        measure("file  ", runs, folder -> FileTrackingStore.open(folder.resolve("mlruns")), work.resolve("file"));
        measure("sqlite", runs, folder -> new JdbcTrackingStoreProvider().open(
                URI.create("jdbc:sqlite:" + folder.resolve("mlops.db")), MlopsConfig.ofOnly(Map.of(
                        JdbcTrackingStoreProvider.ARTIFACT_ROOT, folder.resolve("artifacts").toString()))),
                work.resolve("sqlite"));
    }

    private static void measure(String name, int runs, Function<Path, TrackingStore> open, Path folder)
            throws Exception {
        Files.createDirectories(folder);
        String experimentId;
        long loadStart = System.nanoTime();
        try (TrackingStore store = open.apply(folder)) {
            experimentId = store.createExperiment("many-runs", Map.of()).experimentId();
            BenchmarkRuns.fill(store, experimentId, runs);
        }
        System.out.printf("%s: logged %,d runs in %.1f s%n", name, runs, (System.nanoTime() - loadStart) / 1e9);

        try (TrackingClient tracking = TrackingClient.of(open.apply(folder));
             TrackingUiServer ui = TrackingUi.builder().trackingClient(tracking).port(0).build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            String page = "/experiments/" + experimentId;
            Map<String, String> requests = new java.util.LinkedHashMap<>();
            requests.put("first page", page);
            requests.put("filtered", page + "?filter=" + encode("metrics.auc > 0.9 and params.model = 'lr'"));
            requests.put("sorted by metrics.auc DESC", page + "?order_by=" + encode("metrics.auc DESC"));
            requests.put("filtered and sorted", page + "?filter=" + encode("params.model = 'rf'") + "&order_by="
                    + encode("metrics.auc DESC"));
            requests.put("last page", page + "?page_token=" + new PageToken(runs - 50).encode());
            for (Map.Entry<String, String> request : requests.entrySet()) {
                URI uri = ui.url().resolve(request.getValue());
                double cold = time(http, uri);
                double[] millis = new double[REPEATS];
                for (int i = 0; i < REPEATS; i++) {
                    millis[i] = time(http, uri);
                }
                Arrays.sort(millis);
                System.out.printf("%s %,d runs, %-28s cold %6.1f ms, median %6.1f ms, p90 %6.1f ms%n", name, runs,
                        request.getKey() + ":", cold, millis[REPEATS / 2], millis[(int) (REPEATS * 0.9)]);
            }
        }
    }

    private static double time(HttpClient http, URI uri) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200 || !response.body().contains("data-run-id")) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + " without runs");
        }
        return millis;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
