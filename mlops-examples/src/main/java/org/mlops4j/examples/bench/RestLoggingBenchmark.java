package org.mlops4j.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.file.FileTrackingStoreProvider;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/**
 * MLflow's {@code runs/log-batch} through {@link TrackingServer} under Debian's {@code wrk}, against logging the same
 * 1,000 metrics to the same store in-process with {@link TrackingStore#logBatch}, in values per second. wrk is a
 * client in C in its own process, as MLflow's clients are (a Python training job, the Node.js client): it measures
 * what the server adds, where the JDK's HTTP client in the same JVM (the REST timing in mlops-server's tests) also
 * counts that client's cost. Each round runs the in-process side and the served side for the same time with the same
 * number of loggers (threads in-process, connections through the server), all on one run, after a warm-up round; the
 * ratio of each round is printed and the median is the result. After the runs, the stored history is counted: every
 * value of the requests wrk saw answered must be there (and at most one more batch per connection and run, sent when
 * wrk stopped counting).
 *
 * <p>Stores: a file store in MLflow's layout (the default for new {@code file:} stores), a file store in mlops4j's
 * layout, and SQLite.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl mlops-examples -am package -DskipTests
 * java -cp mlops-examples/target/mlops.jar org.mlops4j.examples.bench.RestLoggingBenchmark [seconds [rounds]]
 * </pre>
 */
public final class RestLoggingBenchmark {

    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestLoggingBenchmark() {
    }

    /**
     * @param args optional: seconds per side and round (default 5), measured rounds (default 5)
     * @throws Exception when wrk cannot run, a request fails or values are missing
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("mlops-rest-bench");
        System.out.printf(Locale.ROOT, "== Java %s, %d processors, load %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
        measure("file, MLflow layout", folder -> new FileTrackingStoreProvider().open(folder.resolve("mlruns")
                .toUri(), MlopsConfig.ofOnly(Map.of()), StoreAccess.READ_WRITE), work.resolve("mlflow"), seconds,
                rounds);
        measure("file, mlops4j layout", folder -> FileTrackingStore.open(folder.resolve("mlruns")),
                work.resolve("mlops4j"), seconds, rounds);
        measure("sqlite", folder -> new JdbcTrackingStoreProvider().open(URI.create("jdbc:sqlite:"
                + folder.resolve("mlops.db")), MlopsConfig.ofOnly(Map.of(JdbcTrackingStoreProvider.ARTIFACT_ROOT,
                folder.resolve("artifacts").toString()))), work.resolve("sqlite"), seconds, rounds);
        System.out.printf(Locale.ROOT, "== load %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void measure(String label, Function<Path, TrackingStore> open, Path folder, int seconds,
            int rounds) throws Exception {
        Files.createDirectories(folder);
        try (TrackingClient tracking = TrackingClient.of(open.apply(folder));
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).port(0).start()) {
            TrackingStore store = tracking.store();
            String experiment = tracking.createExperiment("timing").experimentId();
            for (int loggers : new int[] {1, 2}) {
                String inRun = store.createRun(experiment, "in-process", "bench", System.currentTimeMillis(),
                        List.of()).runId();
                String httpRun = store.createRun(experiment, "server", "bench", System.currentTimeMillis(),
                        List.of()).runId();
                List<Metric> metrics = batch();
                Path script = Wrk.postScript(folder, "log-batch-" + loggers, body(httpRun, metrics));
                String url = server.url().resolve("/api/2.0/mlflow/runs/log-batch").toString();
                double[] in = new double[rounds];
                double[] served = new double[rounds];
                long sent = 0;
                for (int round = -1; round < rounds; round++) {
                    double inProcess = inProcess(store, inRun, metrics, loggers, seconds);
                    Wrk.Result result = Wrk.run(script, url, loggers, loggers, seconds);
                    if (result.errors() > 0 || result.non2xx() > 0) {
                        throw new IllegalStateException(label + ": wrk saw " + result.errors() + " errors and "
                                + result.non2xx() + " answers other than 200");
                    }
                    sent += result.requests() * BATCH;
                    if (round >= 0) {
                        in[round] = inProcess;
                        served[round] = result.perSecond() * BATCH;
                    }
                }
                long stored = store.getMetricHistory(httpRun, "loss").size();
                long inFlight = (long) (rounds + 1) * loggers * BATCH;
                if (stored < sent || stored > sent + inFlight) {
                    throw new IllegalStateException(label + ": wrk's answered requests logged " + sent + " values "
                            + "(plus at most " + inFlight + " of requests in flight when wrk stopped), the run holds "
                            + stored);
                }
                double[] ratios = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    ratios[i] = served[i] / in[i];
                }
                System.out.printf(Locale.ROOT, "%-21s log-batch of %d, %d logger(s): in-process %,10.0f values/s, "
                        + "through the server %,10.0f values/s: %3.0f %% (median of %d rounds; per round %s); "
                        + "%,d values answered, %,d stored%n", label, BATCH, loggers, median(in), median(served),
                        100 * median(ratios), rounds, Arrays.stream(ratios).mapToObj(r -> String.format(Locale.ROOT,
                        "%.0f %%", 100 * r)).toList(), sent, stored);
            }
        }
    }

    /** @return 1,000 values of one metric, steps 0 to 999, as a training loop logs them */
    private static List<Metric> batch() {
        List<Metric> metrics = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            metrics.add(new Metric("loss", 1.0 / (1 + i) + i * 1e-7, 1_700_000_000_000L + i, i));
        }
        return metrics;
    }

    private static String body(String runId, List<Metric> metrics) {
        ObjectNode body = JSON.createObjectNode().put("run_id", runId);
        ArrayNode array = body.putArray("metrics");
        for (Metric metric : metrics) {
            array.addObject().put("key", metric.key()).put("value", metric.value())
                    .put("timestamp", metric.timestamp()).put("step", metric.step());
        }
        return body.toString();
    }

    /** @return values per second that {@code loggers} threads log with {@code logBatch} in the given time */
    private static double inProcess(TrackingStore store, String runId, List<Metric> metrics, int loggers,
            int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(loggers);
        try {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < loggers; t++) {
                counts.add(pool.submit(() -> {
                    long values = 0;
                    while (System.nanoTime() < end) {
                        store.logBatch(runId, metrics, List.of(), List.of());
                        values += metrics.size();
                    }
                    return values;
                }));
            }
            long values = 0;
            for (Future<Long> count : counts) {
                values += count.get();
            }
            return values / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(double[] values) {
        return new Median().evaluate(values);
    }
}
