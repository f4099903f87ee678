package org.mlops4j.tracking.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.internal.MetricLines;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;
import org.mlops4j.tracking.mlflow.MlflowFileStore;

/**
 * Measures the tracking stores, with every ratio taken within one run of the program:
 *
 * <ol>
 *   <li>metric logging throughput, 1000 values per call and one value per call, on the file store and on SQLite,
 *       against appending the same lines ({@code <timestamp> <value> <step>}, formatted from the same values) to one
 *       file through a {@link BufferedWriter};</li>
 *   <li>the latency of a filtered, ordered search over 10k and 100k runs, on the file store (mlops4j's layout, with
 *       its run index), a store in MLflow's file layout (its run index, checked against the run folders' file
 *       stamps before each search) and SQLite. The store that loads the runs searches once before it closes (so a
 *       store in MLflow's layout saves its run index file); the searches are then timed on a new instance.</li>
 * </ol>
 *
 * <p>The two sides of each logging comparison take turns (raw, store, raw, store, ...) for several rounds after a
 * warm-up round, and each round gives one ratio; the program prints the median ratio, both in wall-clock time and in
 * CPU time per value (the calling thread's user and system time from {@link ThreadMXBean}, which holds up much better
 * than wall-clock time on a machine that other work shares). The store side is timed over its {@code logBatch} calls;
 * ending the run, which forces everything to disk, is timed apart and also shown folded into the rate (the raw side
 * is not forced to disk).
 *
 * <p>Run it with (from the repository root):
 * <pre>
 * mvn -B -q -pl mlops-tracking -am test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd mlops-tracking
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.mlops4j.tracking.benchmark.TrackingBenchmark target/bench 10000,100000 7
 * </pre>
 * Arguments: a work folder (emptied first), the run counts for the search benchmark ({@code 0} skips it) and the
 * number of measured rounds of the logging benchmark ({@code 0} skips it).
 */
public final class TrackingBenchmark {

    private static final int KEYS = 10;
    private static final int BATCH = 1000;
    private static final int BATCHED_VALUES = 1_000_000;
    private static final String FILTER = "metrics.auc > 0.9 and params.model = 'lr'";
    private static final String ORDER = "metrics.auc DESC";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TrackingBenchmark() {
    }

    /** Wall-clock and CPU time of one measured side, and how many values it wrote. */
    private record Sample(long values, long wallNanos, long cpuNanos, long endNanos) {

        double rate() {
            return values / (wallNanos / 1e9);
        }

        double rateWithEnd() {
            return values / ((wallNanos + endNanos) / 1e9);
        }

        double cpuNanosPerValue() {
            return (double) cpuNanos / values;
        }
    }

    /** One store-side case of the logging benchmark. */
    private record Case(String name, Function<Path, TrackingStore> open, int calls, int valuesPerCall) {
    }

    /**
     * @param args the work folder, the run counts for the search benchmark (comma-separated, {@code 0} to skip) and
     *             the number of measured logging rounds ({@code 0} to skip)
     * @throws Exception when the work folder cannot be used
     */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        int[] runCounts = Arrays.stream((args.length > 1 ? args[1] : "10000,100000").split(","))
                .mapToInt(Integer::parseInt).filter(n -> n > 0).toArray();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        deleteRecursively(work);
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "Java %s, %d processors, work folder %s, thread CPU time %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), work,
                THREADS.isCurrentThreadCpuTimeSupported() ? "measured" : "NOT SUPPORTED");

        if (rounds > 0) {
            logging(work, rounds);
        }
        if (runCounts.length > 0) {
            System.out.println("\n== Search latency: filter \"" + FILTER + "\", order by " + ORDER + ", 100 results");
            for (int runs : runCounts) {
                search("file store", () -> fileStore(work.resolve("search-file-" + runs)), runs);
                search("MLflow file", () -> mlflowStore(work.resolve("search-mlflow-" + runs)), runs);
                search("SQLite    ", () -> sqlite(work.resolve("search-sqlite-" + runs)), runs);
            }
        }
    }

    private static void logging(Path work, int rounds) {
        List<Case> cases = List.of(
                new Case("file store, 1000 values per call", TrackingBenchmark::fileStore, BATCHED_VALUES / BATCH,
                        BATCH),
                new Case("SQLite,     1000 values per call", TrackingBenchmark::sqlite, BATCHED_VALUES / BATCH, BATCH),
                new Case("file store, 1 value per call    ", TrackingBenchmark::fileStore, 5_000, 1),
                new Case("SQLite,     1 value per call    ", TrackingBenchmark::sqlite, 2_000, 1));
        List<List<Metric>> batches = batches(BATCHED_VALUES / BATCH, BATCH);
        System.out.printf(Locale.ROOT, "%n== Metric logging: %,d values over %d keys per raw side; %d measured rounds "
                + "after a warm-up round, raw and store taking turns; medians%n", BATCHED_VALUES, KEYS, rounds);
        System.out.println("case                              store values/s  raw values/s  wall ratio  "
                + "CPU ns/value store / raw  CPU ratio  end of run  ratio with end");
        int counter = 0;
        for (Case c : cases) {
            List<List<Metric>> calls = c.valuesPerCall() == BATCH ? batches : batches(c.calls(), 1);
            double[] wallRatios = new double[rounds];
            double[] cpuRatios = new double[rounds];
            double[] endRatios = new double[rounds];
            double[] storeRates = new double[rounds];
            double[] rawRates = new double[rounds];
            double[] storeCpu = new double[rounds];
            double[] rawCpu = new double[rounds];
            double[] endMillis = new double[rounds];
            for (int round = -1; round < rounds; round++) {
                Sample raw = rawAppend(work.resolve("raw.txt"), batches);
                Path folder = work.resolve("logging-" + counter++);
                Sample store = log(c.open().apply(folder), calls);
                for (String suffix : List.of("", ".db", ".db-wal", ".db-shm", "-artifacts")) {
                    deleteQuietly(folder.resolveSibling(folder.getFileName() + suffix));
                }
                if (round >= 0) {
                    wallRatios[round] = store.rate() / raw.rate();
                    cpuRatios[round] = raw.cpuNanosPerValue() / store.cpuNanosPerValue();
                    endRatios[round] = store.rateWithEnd() / raw.rate();
                    storeRates[round] = store.rate();
                    rawRates[round] = raw.rate();
                    storeCpu[round] = store.cpuNanosPerValue();
                    rawCpu[round] = raw.cpuNanosPerValue();
                    endMillis[round] = store.endNanos() / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "%s %,14.0f %,13.0f %10.1f%%  %11.0f / %-11.0f %8.1f%%  %7.1f ms  %12.1f%%%n",
                    c.name(), median(storeRates), median(rawRates), 100 * median(wallRatios), median(storeCpu),
                    median(rawCpu), 100 * median(cpuRatios), median(endMillis), 100 * median(endRatios));
            System.out.printf(Locale.ROOT, "  wall ratios per round: %s; CPU ratios per round: %s%n",
                    percentages(wallRatios), percentages(cpuRatios));
        }
    }

    /** Batches of values spread over {@link #KEYS} keys, one step per {@link #KEYS} values. */
    private static List<List<Metric>> batches(int count, int size) {
        List<List<Metric>> all = new ArrayList<>(count);
        long value = 0;
        for (int b = 0; b < count; b++) {
            List<Metric> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++, value++) {
                long step = value / KEYS;
                batch.add(new Metric("m" + (value % KEYS), 1.0 / (1 + value) + value * 1e-3,
                        1_700_000_000_000L + step, step));
            }
            all.add(List.copyOf(batch));
        }
        return all;
    }

    private static Sample rawAppend(Path file, List<List<Metric>> batches) {
        long values = 0;
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(64);
            for (List<Metric> batch : batches) {
                for (Metric metric : batch) {
                    line.setLength(0);
                    MetricLines.append(metric, line);
                    out.append(line);
                }
                values += batch.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sample(values, System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpu, 0);
    }

    private static Sample log(TrackingStore store, List<List<Metric>> calls) {
        try (store) {
            RunInfo run = store.createRun("0", "logging", "bench", System.currentTimeMillis(), List.of());
            long values = 0;
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (List<Metric> call : calls) {
                store.logBatch(run.runId(), call, List.of(), List.of());
                values += call.size();
            }
            long wall = System.nanoTime() - start;
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
            long endStart = System.nanoTime();
            store.updateRun(run.runId(), RunStatus.FINISHED, OptionalLong.empty());
            return new Sample(values, wall, cpuNanos, System.nanoTime() - endStart);
        }
    }

    private static void search(String name, Supplier<TrackingStore> open, int runs) throws Exception {
        String experimentId;
        double loadSeconds;
        double writerSearchMillis;
        long loadStart = System.nanoTime();
        try (TrackingStore store = open.get()) {
            experimentId = store.createExperiment("search", Map.of()).experimentId();
            BenchmarkRuns.fill(store, experimentId, runs);
            loadSeconds = seconds(loadStart);
            // the writer searches once, as a process that writes and searches does: a store in MLflow's layout reads
            // every run folder then and saves its run index, which the next instance starts from
            long searchStart = System.nanoTime();
            store.searchRuns(SearchRequest.builder(experimentId).maxResults(1).build());
            writerSearchMillis = seconds(searchStart) * 1000;
        }
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
            System.out.printf(Locale.ROOT, "%s %,7d runs: median %7.1f ms, p90 %7.1f ms (page of %d of %,d matches); "
                    + "first search after opening %,.0f ms; loading the runs took %,.0f s, the writer's one search "
                    + "%,.0f ms%n", name, runs, millis[millis.length / 2], millis[(int) (millis.length * 0.9)], matches,
                    total, coldMillis, loadSeconds, writerSearchMillis);
        }
    }

    private static TrackingStore fileStore(Path folder) {
        return FileTrackingStore.open(folder);
    }

    /** A store in MLflow's file layout, made when the folder is new. */
    private static TrackingStore mlflowStore(Path folder) {
        return MlflowFileStore.create(folder.toUri(), folder);
    }

    private static TrackingStore sqlite(Path folder) {
        return new JdbcTrackingStoreProvider().open(URI.create("jdbc:sqlite:" + folder + ".db"),
                MlopsConfig.ofOnly(Map.of(JdbcTrackingStoreProvider.ARTIFACT_ROOT,
                        folder.resolveSibling(folder.getFileName() + "-artifacts").toString())));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String percentages(double[] ratios) {
        StringBuilder out = new StringBuilder();
        for (double ratio : ratios) {
            out.append(out.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f%%", 100 * ratio));
        }
        return out.toString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException e) {
            System.err.println("Could not delete " + path + ": " + e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
