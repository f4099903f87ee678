package org.mlops4j.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.examples.leadscoring.LeadGenerator;
import org.mlops4j.examples.leadscoring.LeadScoringSchemas;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.Predictor;
import org.mlops4j.models.TrainedModel;
import org.mlops4j.server.ServerSettings;
import org.mlops4j.serving.ModelServer;

/**
 * The model server under Debian's {@code wrk}, server and client on this machine, with the demo's lead-scoring model
 * (gradient-boosted trees, 30 rounds) registered in a file store and served by {@link ModelServer} with its default
 * settings (8 request threads):
 * <ul>
 *   <li>single-row requests ({@code dataframe_split}) at 16 connections: requests/s, p50, p99, in three runs one
 *       after the other (the JIT and the machine's neighbours move the tail from run to run), the run with the
 *       median p99 taken as the result;</li>
 *   <li>1,000-row requests at 4 connections: rows/s, against the bare in-process {@link Predictor} on the same rows
 *       on 4 threads, measured just before and just after the served run (the server's share of the cost is the
 *       gap);</li>
 *   <li>single-row requests again while 50 connections sit stalled in the middle of their request head.</li>
 * </ul>
 * Each wrk run follows a warm-up run of the same length. Needs {@code wrk} on the path ({@code apt-get install wrk}).
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl mlops-examples -am package -DskipTests
 * java -cp mlops-examples/target/mlops.jar org.mlops4j.examples.bench.HttpServingBenchmark [seconds [threads]]
 * </pre>
 * {@code threads} sets the server's request threads (default {@value ServerSettings#DEFAULT_THREADS}).
 */
public final class HttpServingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH_ROWS = 1_000;
    private static final int STALLED = 50;
    private static final int BATCH_CONNECTIONS = 4;
    /** Single-row runs measured one after the other; the run with the median p99 is the result. */
    private static final int SINGLE_RUNS = 3;
    private HttpServingBenchmark() {
    }

    /**
     * @param args optional: seconds per wrk run (default 10)
     * @throws Exception when wrk cannot run or the server cannot start
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : ServerSettings.DEFAULT_THREADS;
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        Path folder = Files.createTempDirectory("mlops-http-bench");
        Table training = ServingOverheadBenchmark.modelInput(LeadGenerator.builder().seed(1).rows(20_000).build().generate().table());
        Table batch = ServingOverheadBenchmark.modelInput(LeadGenerator.builder().seed(2).rows(BATCH_ROWS).build().generate().table())
                .drop(LeadScoringSchemas.TARGET);
        ModelingSetup setup = ModelingSetup.builder(training, LeadScoringSchemas.TARGET).folds(2).seed(1).build();
        TrainedModel model = setup.createModel("xgboost", Map.of("n_trees", 30)).model();
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, folder.resolve("mlruns").toUri()
                .toString()).build();
        try (TrackingClient tracking = TrackingClient.open(mlops, mlops.trackingUri());
                ModelRegistry registry = mlops.openModelRegistry()) {
            ModelTracking models = ModelTracking.of(tracking, registry);
            try (ActiveRun run = tracking.startRun("bench", "xgboost")) {
                int version = models.register(models.logModel(run, model, training), "lead-scoring").version();
                registry.setAlias("lead-scoring", "champion", version);
                run.end();
            }
        }
        Path one = Wrk.postScript(folder, "one", split(batch, 1));
        Path many = Wrk.postScript(folder, "many", split(batch, BATCH_ROWS));
        try (ModelServer server = ModelServer.builder("models:/lead-scoring@champion").mlops(mlops)
                .serverSettings(s -> s.port(0).threads(threads)).start()) {
            String url = server.url().resolve("/invocations").toString();
            wrk(one, url, 16, seconds);
            List<Wrk.Result> singles = new ArrayList<>();
            for (int i = 0; i < SINGLE_RUNS; i++) {
                singles.add(wrk(one, url, 16, seconds));
            }
            Wrk.Result single = singles.stream().sorted(Comparator.comparingDouble(Wrk.Result::p99ms))
                    .toList().get(SINGLE_RUNS / 2);
            double singleInProcess = inProcessRowsPerSecond(model.predictor(), batch.head(1), seconds, 16);
            wrk(many, url, BATCH_CONNECTIONS, seconds);
            double before = inProcessRowsPerSecond(model.predictor(), batch, seconds, BATCH_CONNECTIONS);
            Wrk.Result rows = wrk(many, url, BATCH_CONNECTIONS, seconds);
            double after = inProcessRowsPerSecond(model.predictor(), batch, seconds, BATCH_CONNECTIONS);
            double inProcess = (before + after) / 2;
            Wrk.Result stalled;
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < STALLED; i++) {
                    Socket socket = new Socket(server.url().getHost(), server.port());
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    sockets.add(socket);
                }
                stalled = wrk(one, url, 16, Math.min(seconds, 8));
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            for (int i = 0; i < SINGLE_RUNS; i++) {
                print("single-row requests, 16 connections, run " + (i + 1), singles.get(i));
            }
            print("single-row requests, 16 connections (median p99)", single);
            System.out.printf(Locale.ROOT, "single-row in-process Predictor calls, 16 threads: %.0f per s (%.0f %% "
                    + "served)%n", singleInProcess, 100 * single.perSecond() / singleInProcess);
            print(BATCH_ROWS + "-row requests, " + BATCH_CONNECTIONS + " connections", rows);
            print("single-row, with " + STALLED + " stalled connections", stalled);
            double served = rows.perSecond() * BATCH_ROWS;
            System.out.printf(Locale.ROOT, "rows/s: served %.0f, in-process Predictor %.0f (%d threads; %.0f before, "
                    + "%.0f after the served run): %.0f %%%n", served, inProcess, BATCH_CONNECTIONS, before, after,
                    100 * served / inProcess);
        }
    }

    private static void print(String what, Wrk.Result result) {
        System.out.printf(Locale.ROOT, "%-50s %9.0f requests/s  p50 %7.2f ms  p99 %7.2f ms  %d requests, %d socket "
                + "errors, %d non-2xx%n", what, result.perSecond(), result.p50ms(), result.p99ms(), result.requests(),
                result.errors(), result.non2xx());
    }

    /**
     * Scores the batch again and again on as many threads as the served run has connections, for the given time,
     * after as long a warm-up: the same concurrency, so that both get the same share of a machine that other work
     * also uses.
     */
    private static double inProcessRowsPerSecond(Predictor predictor, Table batch, int seconds, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 2; round++) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                long start = System.nanoTime();
                List<Future<Long>> counts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    counts.add(pool.submit(() -> {
                        long rows = 0;
                        while (System.nanoTime() < end) {
                            rows += predictor.predict(batch).size();
                        }
                        return rows;
                    }));
                }
                long rows = 0;
                for (Future<Long> count : counts) {
                    rows += count.get();
                }
                if (round == 1) {
                    return rows / ((System.nanoTime() - start) / 1e9);
                }
            }
            throw new IllegalStateException("unreachable");
        } finally {
            pool.shutdownNow();
        }
    }

    private static Wrk.Result wrk(Path script, String url, int connections, int seconds) throws Exception {
        return Wrk.run(script, url, Wrk.THREADS, connections, seconds);
    }

    /** @return the first rows of the table as a {@code dataframe_split} request body */
    private static String split(Table table, int rows) {
        ObjectNode split = JSON.createObjectNode();
        ArrayNode columns = split.putArray("columns");
        table.columnNames().forEach(columns::add);
        ArrayNode data = split.putArray("data");
        for (int row = 0; row < rows; row++) {
            ArrayNode values = data.addArray();
            for (Column column : table.columns()) {
                if (column.isNull(row)) {
                    values.addNull();
                } else if (column instanceof NumericColumn numeric) {
                    values.add(numeric.getDouble(row));
                } else {
                    values.add(column.format(row));
                }
            }
        }
        return JSON.createObjectNode().set("dataframe_split", split).toString();
    }
}
