package org.mlops4j.tracking.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.internal.MetricLines;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/**
 * Measures the tracking stores, with every ratio taken within one run of the program:
 *
 * <ol>
 *   <li>metric logging throughput, one value per call and 1000 values per batch, on the file store and on SQLite,
 *       against appending the same lines to one file through a {@link BufferedWriter};</li>
 *   <li>the latency of a filtered, ordered search over 10k and 100k runs, on the file store and on SQLite.</li>
 * </ol>
 *
 * Run it with (from the repository root):
 * <pre>
 * mvn -B -q -pl mlops-tracking -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.mlops4j.tracking.benchmark.TrackingBenchmark -Dexec.args="target/bench 10000,100000"
 * </pre>
 * Arguments: a work folder (emptied first) and the run counts for the search benchmark.
 */
public final class TrackingBenchmark {

    private static final int KEYS = 10;
    private static final String FILTER = "metrics.auc > 0.9 and params.model = 'lr'";
    private static final String ORDER = "metrics.auc DESC";

    private TrackingBenchmark() {
    }

    /**
     * @param args the work folder, and the run counts for the search benchmark (comma-separated)
     * @throws Exception when the work folder cannot be used
     */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        int[] runCounts = Arrays.stream((args.length > 1 ? args[1] : "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        deleteRecursively(work);
        Files.createDirectories(work);
        System.out.printf("Java %s, %d processors, work folder %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), work);

        System.out.println("\n== Metric logging throughput (metric values per second; best of 3)");
        double raw = best(() -> rawAppend(work.resolve("raw.txt"), 2_000_000));
        System.out.printf("raw BufferedWriter append        %,12.0f /s%n", raw);
        report("file store, batched (1000/call)", raw, best(() -> batched(fileStore(work, "file-batch"), 500)));
        report("file store, one value per call ", raw, best(() -> single(fileStore(work, "file-single"), 5_000)));
        report("SQLite, batched (1000/call)     ", raw, best(() -> batched(sqlite(work, "sqlite-batch"), 500)));
        report("SQLite, one value per call      ", raw, best(() -> single(sqlite(work, "sqlite-single"), 2_000)));

        System.out.println("\n== Search latency: filter \"" + FILTER + "\", order by " + ORDER + ", 100 results");
        for (int runs : runCounts) {
            search("file store", () -> fileStore(work, "search-file-" + runs), runs);
            search("SQLite    ", () -> sqlite(work, "search-sqlite-" + runs), runs);
        }
    }

    private static void report(String name, double raw, double rate) {
        System.out.printf("%s %,12.0f /s   %5.1f%% of raw append%n", name, rate, 100 * rate / raw);
    }

    private static double best(Supplier<Double> measure) {
        double best = 0;
        for (int i = 0; i < 3; i++) {
            best = Math.max(best, measure.get());
        }
        return best;
    }

    private static double rawAppend(Path file, int values) {
        try {
            long start = System.nanoTime();
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder(64);
                for (int i = 0; i < values; i++) {
                    line.setLength(0);
                    MetricLines.append(new Metric("m" + (i % KEYS), i * 1e-3, 1_700_000_000_000L + i, i / KEYS),
                            line);
                    out.append(line);
                }
            }
            return values / seconds(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double batched(TrackingStore store, int batches) {
        try (store) {
            RunInfo run = store.createRun("0", "batched", "bench", System.currentTimeMillis(), List.of());
            List<List<Metric>> all = new ArrayList<>();
            long step = 0;
            for (int b = 0; b < batches; b++) {
                List<Metric> batch = new ArrayList<>(1000);
                for (int i = 0; i < 1000; i++) {
                    batch.add(new Metric("m" + (i % KEYS), i * 1e-3, 1_700_000_000_000L + step, step));
                    if (i % KEYS == KEYS - 1) {
                        step++;
                    }
                }
                all.add(batch);
            }
            long start = System.nanoTime();
            for (List<Metric> batch : all) {
                store.logBatch(run.runId(), batch, List.of(), List.of());
            }
            store.updateRun(run.runId(), RunStatus.FINISHED, OptionalLong.empty());
            return batches * 1000 / seconds(start);
        }
    }

    private static double single(TrackingStore store, int calls) {
        try (store) {
            RunInfo run = store.createRun("0", "single", "bench", System.currentTimeMillis(), List.of());
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                store.logBatch(run.runId(), List.of(new Metric("m" + (i % KEYS), i * 1e-3,
                        1_700_000_000_000L + i, i / KEYS)), List.of(), List.of());
            }
            store.updateRun(run.runId(), RunStatus.FINISHED, OptionalLong.empty());
            return calls / seconds(start);
        }
    }

    private static void search(String name, Supplier<TrackingStore> open, int runs) throws Exception {
        String experimentId;
        long loadStart = System.nanoTime();
        try (TrackingStore store = open.get()) {
            experimentId = store.createExperiment("search", Map.of()).experimentId();
            fill(store, experimentId, runs);
        }
        double loadSeconds = seconds(loadStart);
        long openStart = System.nanoTime();
        try (TrackingStore store = open.get()) {
            SearchRequest request = SearchRequest.builder(experimentId).filter(FILTER).orderBy(ORDER)
                    .maxResults(100).build();
            RunsPage first = store.searchRuns(request);
            double coldMillis = seconds(openStart) * 1000;
            double[] millis = new double[25];
            int matches = first.runs().size();
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                RunsPage page = store.searchRuns(request);
                millis[i] = (System.nanoTime() - start) / 1e6;
                matches = page.runs().size();
            }
            Arrays.sort(millis);
            long total = store.searchRuns(SearchRequest.builder(experimentId).filter(FILTER).maxResults(50_000)
                    .build()).runs().size();
            System.out.printf("%s %,7d runs: median %7.1f ms, p90 %7.1f ms (page of %d of %,d matches); "
                    + "first search after opening %,.0f ms; loading the runs took %,.0f s%n", name, runs,
                    millis[millis.length / 2], millis[(int) (millis.length * 0.9)], matches, total, coldMillis,
                    loadSeconds);
        }
    }

    /** Creates runs with 3 params, 3 metrics and 2 tags each, from 4 threads. */
    private static void fill(TrackingStore store, String experimentId, int runs) throws Exception {
        String[] models = {"lr", "rf", "gb", "svm"};
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = thread; i < runs; i += threads) {
                        RunInfo run = store.createRun(experimentId, "run-" + i, "bench", 1_700_000_000_000L + i,
                                List.of(new RunTag("team", i % 2 == 0 ? "risk" : "growth")));
                        store.logBatch(run.runId(),
                                List.of(new Metric("auc", random.nextDouble(), 1, 0),
                                        new Metric("loss", random.nextDouble(), 1, 0),
                                        new Metric("f1", random.nextDouble(), 1, 0)),
                                List.of(new Param("model", models[i % models.length]),
                                        new Param("C", Double.toString(random.nextDouble())),
                                        new Param("seed", Integer.toString(i))),
                                List.of(new RunTag("stage", "tuning")));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static TrackingStore fileStore(Path work, String name) {
        return FileTrackingStore.open(work.resolve(name));
    }

    private static TrackingStore sqlite(Path work, String name) {
        return new JdbcTrackingStoreProvider().open(URI.create("jdbc:sqlite:" + work.resolve(name + ".db")),
                MlopsConfig.ofOnly(Map.of(JdbcTrackingStoreProvider.ARTIFACT_ROOT,
                        work.resolve(name + "-artifacts").toString())));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
