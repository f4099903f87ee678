package org.mlops4j.server.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.benchmark.BenchmarkRuns;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/**
 * {@code runs/search} over many runs of a SQLite store through MLflow's REST API, with a filter and an order-by,
 * against the same search in-process, part of {@link RestApiTiming}: p50 and p99 in milliseconds, for a page of 100
 * and a page of 1,000 runs (MLflow's default). The runs are {@link BenchmarkRuns}' (3 params, 3 metrics, 2 tags
 * each), created in-process, before the store is opened again for the server; the query is
 * {@code TrackingBenchmark}'s. The two sides take turns, one request each, after a warm-up; one client thread,
 * HTTP/1.1 with keep-alive; the server's time covers the search, the JSON and sending it.
 */
final class RestSearchTiming {

    static final String FILTER = "metrics.auc > 0.9 and params.model = 'lr'";
    static final String ORDER = "metrics.auc DESC";
    private static final int WARM_UP = 20;

    private RestSearchTiming() {
    }

    /**
     * @param folder  the folder of the SQLite store, created when missing
     * @param runs    how many runs to create and search
     * @param repeats how many timed searches per side and page size
     * @return the server's p99 in milliseconds for the page of 100
     * @throws Exception when the folder cannot be used or a request fails
     */
    static double measure(Path folder, int runs, int repeats) throws Exception {
        Files.createDirectories(folder);
        URI database = URI.create("jdbc:sqlite:" + folder.resolve("mlops.db"));
        MlopsConfig config = MlopsConfig.ofOnly(Map.of(JdbcTrackingStoreProvider.ARTIFACT_ROOT,
                folder.resolve("artifacts").toString()));
        String experimentId;
        long loadStart = System.nanoTime();
        try (TrackingStore store = new JdbcTrackingStoreProvider().open(database, config)) {
            experimentId = store.createExperiment("many-runs", Map.of()).experimentId();
            BenchmarkRuns.fill(store, experimentId, runs);
        }
        System.out.printf(Locale.ROOT, "sqlite created %,d runs in-process in %.1f s%n", runs,
                (System.nanoTime() - loadStart) / 1e9);
        try (TrackingClient tracking = TrackingClient.of(new JdbcTrackingStoreProvider().open(database, config));
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).port(0).start()) {
            TrackingStore store = tracking.store();
            URI search = server.url().resolve("/api/2.0/mlflow/runs/search");
            double p99 = Double.NaN;
            for (int page : new int[] {100, 1000}) {
                double[][] millis = timeBoth(store, search, experimentId, page, repeats);
                System.out.printf(Locale.ROOT, "sqlite runs/search over %,d runs, %s order by %s, page of %,d: "
                        + "through the server p50 %.1f ms, p99 %.1f ms; in-process p50 %.1f ms, p99 %.1f ms "
                        + "(%d searches each, %d runs found)%n", runs, FILTER, ORDER, page,
                        percentile(millis[1], 0.5), percentile(millis[1], 0.99), percentile(millis[0], 0.5),
                        percentile(millis[0], 0.99), repeats, found(store, experimentId, page));
                if (page == 100) {
                    p99 = percentile(millis[1], 0.99);
                }
            }
            return p99;
        }
    }

    /** @return the in-process times [0] and the server's [1], in milliseconds, after checking they agree */
    private static double[][] timeBoth(TrackingStore store, URI search, String experimentId, int page, int repeats)
            throws Exception {
        SearchRequest request = SearchRequest.builder(experimentId).filter(FILTER).orderBy(ORDER).maxResults(page)
                .build();
        Map<String, Object> body = Map.of("experiment_ids", List.of(experimentId), "filter", FILTER,
                "order_by", List.of(ORDER), "max_results", page);
        List<String> inProcess = store.searchRuns(request).runs().stream().map(r -> r.info().runId()).toList();
        List<String> served = runIds(RestPost.send(search, body));
        if (inProcess.isEmpty() || !inProcess.equals(served)) {
            throw new IllegalStateException("The server found " + served.size() + " runs, in-process "
                    + inProcess.size() + " (expected the same runs in the same order, at least one)");
        }
        for (int i = 0; i < WARM_UP; i++) {
            store.searchRuns(request);
            RestPost.send(search, body);
        }
        double[][] millis = new double[2][repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            store.searchRuns(request);
            millis[0][i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            RestPost.send(search, body);
            millis[1][i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static int found(TrackingStore store, String experimentId, int page) {
        return store.searchRuns(SearchRequest.builder(experimentId).filter(FILTER).orderBy(ORDER).maxResults(page)
                .build()).runs().size();
    }

    private static List<String> runIds(String answer) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode run : RestPost.json().readTree(answer).path("runs")) {
            ids.add(run.get("info").get("run_id").asText());
        }
        return ids;
    }

    /** @return the nearest-rank percentile: the smallest time that at least {@code fraction} of them do not exceed */
    private static double percentile(double[] millis, double fraction) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
