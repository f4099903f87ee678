package org.mlops4j.server.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.rest.TrackingServer;

/**
 * Metric logging through MLflow's REST API against logging the same values to the same store in-process, part of
 * {@link RestApiTiming}: {@code log-batch} of 1,000 metrics and single {@code log-metric} calls, in values per second.
 * The two sides take turns (in-process, server, in-process, server, ...) for several rounds after a warm-up round,
 * each round gives one ratio, and the medians are printed, so that other work on the machine disturbs both sides
 * alike. Each side is also measured in values per second of the process's CPU time over all rounds (client, server
 * and store together), which other work on the machine disturbs much less. One client thread, HTTP/1.1 with keep-alive.
 */
final class RestLoggingTiming {

    static final int BATCH = 1000;
    private static final OperatingSystemMXBean CPU = (OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();

    private RestLoggingTiming() {
    }

    /**
     * @param label   the store's name in the output
     * @param open    opens the store in a folder
     * @param folder  the folder, created when missing
     * @param rounds  the measured rounds
     * @param batches the batches of {@value #BATCH} each side logs per round
     * @param singles the single calls each side makes per round
     * @return the median ratio, server to in-process, of {@code log-batch}
     * @throws Exception when the folder cannot be used or a request fails
     */
    static double measure(String label, Function<Path, TrackingStore> open, Path folder, int rounds, int batches,
            int singles) throws Exception {
        Files.createDirectories(folder);
        try (TrackingClient tracking = TrackingClient.of(open.apply(folder));
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).port(0).start()) {
            TrackingStore store = tracking.store();
            String experiment = tracking.createExperiment("timing").experimentId();
            String inRun = store.createRun(experiment, "in-process", "bench", System.currentTimeMillis(), List.of())
                    .runId();
            String httpRun = store.createRun(experiment, "server", "bench", System.currentTimeMillis(), List.of())
                    .runId();
            URI batchUri = server.url().resolve("/api/2.0/mlflow/runs/log-batch");
            URI singleUri = server.url().resolve("/api/2.0/mlflow/runs/log-metric");
            Sample[][] batch = new Sample[2][rounds];
            Sample[][] single = new Sample[2][rounds];
            for (int round = -1; round < rounds; round++) {
                String key = round < 0 ? "warm" : "round_" + round;
                Sample inBatch = time((long) batches * BATCH, () -> inProcessBatches(store, inRun, key, batches));
                Sample httpBatch = time((long) batches * BATCH, () -> httpBatches(batchUri, httpRun, key, batches));
                Sample inSingle = time(singles, () -> inProcessSingles(store, inRun, key + "_single", singles));
                Sample httpSingle = time(singles, () -> httpSingles(singleUri, httpRun, key + "_single", singles));
                if (round >= 0) {
                    batch[0][round] = inBatch;
                    batch[1][round] = httpBatch;
                    single[0][round] = inSingle;
                    single[1][round] = httpSingle;
                }
            }
            double batchRatio = print(label, "log-batch of " + BATCH, batch);
            print(label, "log-metric        ", single);
            return batchRatio;
        }
    }

    /** One side in one round: the values logged, the wall-clock time and the process's CPU time it took. */
    private record Sample(long values, long wallNanos, long cpuNanos) {
        double perSecond() {
            return values / (wallNanos / 1e9);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Sample time(long values, Work work) throws Exception {
        long cpu = CPU.getProcessCpuTime();
        long start = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - start;
        return new Sample(values, wall, CPU.getProcessCpuTime() - cpu);
    }

    private static double print(String label, String call, Sample[][] samples) {
        int rounds = samples[0].length;
        double[] wall = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            wall[i] = samples[1][i].perSecond() / samples[0][i].perSecond();
        }
        double inCpu = perCpuSecond(samples[0]);
        double httpCpu = perCpuSecond(samples[1]);
        System.out.printf(Locale.ROOT, "%s %s: in-process %,10.0f values/s, through the server %,10.0f values/s: "
                + "%3.0f %% (medians of %d rounds; per round %s); per CPU second %,10.0f and %,10.0f: %3.0f %%%n",
                label, call, median(samples[0]), median(samples[1]), 100 * median(wall), rounds, percentages(wall),
                inCpu, httpCpu, 100 * httpCpu / inCpu);
        return median(wall);
    }

    private static void inProcessBatches(TrackingStore store, String runId, String key, int batches) {
        for (int b = 0; b < batches; b++) {
            List<Metric> metrics = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                metrics.add(new Metric(key, i, 1_700_000_000_000L + i, (long) b * BATCH + i));
            }
            store.logBatch(runId, metrics, List.of(), List.of());
        }
    }

    private static void httpBatches(URI uri, String runId, String key, int batches) throws Exception {
        for (int b = 0; b < batches; b++) {
            List<Map<String, Object>> metrics = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                metrics.add(Map.of("key", key, "value", i, "timestamp", 1_700_000_000_000L + i,
                        "step", (long) b * BATCH + i));
            }
            RestPost.send(uri, Map.of("run_id", runId, "metrics", metrics));
        }
    }

    private static void inProcessSingles(TrackingStore store, String runId, String key, int calls) {
        for (int i = 0; i < calls; i++) {
            store.logBatch(runId, List.of(new Metric(key, i, 1_700_000_000_000L + i, i)), List.of(), List.of());
        }
    }

    private static void httpSingles(URI uri, String runId, String key, int calls) throws Exception {
        for (int i = 0; i < calls; i++) {
            RestPost.send(uri, Map.of("run_id", runId, "key", key, "value", i, "timestamp", 1_700_000_000_000L + i,
                    "step", i));
        }
    }

    private static double median(Sample[] samples) {
        return median(Arrays.stream(samples).mapToDouble(Sample::perSecond).toArray());
    }

    /** Over all rounds together, as the process's CPU time is counted in ticks of several milliseconds. */
    private static double perCpuSecond(Sample[] samples) {
        return Arrays.stream(samples).mapToLong(Sample::values).sum()
                / (Math.max(1, Arrays.stream(samples).mapToLong(Sample::cpuNanos).sum()) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String percentages(double[] ratios) {
        return Arrays.stream(ratios).mapToObj(r -> String.format(Locale.ROOT, "%.0f %%", 100 * r)).toList()
                .toString();
    }
}
