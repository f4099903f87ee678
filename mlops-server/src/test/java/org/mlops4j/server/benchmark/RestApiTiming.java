package org.mlops4j.server.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/**
 * Issue 17's measure of MLflow's REST API on {@code TrackingServer}, in one run:
 * <ul>
 *   <li>metric logging through the server against logging the same values to the same store in-process
 *       ({@link RestLoggingTiming}): {@code log-batch} of 1,000 metrics and single {@code log-metric} calls, values
 *       per second and their ratio, on the file store and on SQLite (goal: {@code log-batch} through the server
 *       at least 50 % of in-process);</li>
 *   <li>{@code runs/search} with a filter and an order-by over 100k runs of a SQLite store, through the server and
 *       in-process ({@link RestSearchTiming}): p50 and p99 (goal: p99 under 200 ms).</li>
 * </ul>
 *
 * Run it with (from the repository root):
 * <pre>
 * mvn -B -q -pl mlops-server -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp "mlops-server/target/test-classes:mlops-server/target/classes:mlops-tracking/target/test-classes:\
 * mlops-tracking/target/classes:mlops-core/target/classes:$(cat mlops-server/target/cp.txt)" \
 *     org.mlops4j.server.benchmark.RestApiTiming target/rest-timing 7 100000 200
 * </pre>
 * Arguments: a work folder (emptied first), the measured logging rounds (each logs 100 batches of 1,000 and 200
 * single calls per side), the number of runs to search ({@code 0} skips the search) and the timed searches per side.
 */
public final class RestApiTiming {

    private static final int BATCHES_PER_ROUND = 100;
    private static final int SINGLES_PER_ROUND = 200;

    private RestApiTiming() {
    }

    /**
     * @param args the work folder, the logging rounds, the number of runs to search, the timed searches
     * @throws Exception when the work folder cannot be used or a request fails
     */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/rest-timing");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int searches = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        delete(work);
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "== Java %s, %d processors%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        double file = RestLoggingTiming.measure("file  ", folder -> FileTrackingStore.open(folder.resolve("mlruns")),
                work.resolve("logging-file"), rounds, BATCHES_PER_ROUND, SINGLES_PER_ROUND);
        double sqlite = RestLoggingTiming.measure("sqlite", folder -> new JdbcTrackingStoreProvider().open(
                URI.create("jdbc:sqlite:" + folder.resolve("mlops.db")), MlopsConfig.ofOnly(Map.of(
                        JdbcTrackingStoreProvider.ARTIFACT_ROOT, folder.resolve("artifacts").toString()))),
                work.resolve("logging-sqlite"), rounds, BATCHES_PER_ROUND, SINGLES_PER_ROUND);
        System.out.printf(Locale.ROOT, "goal log-batch through the server >= 50 %% of in-process: file %.1f %% (%s), "
                + "sqlite %.1f %% (%s)%n", 100 * file, met(file >= 0.5), 100 * sqlite, met(sqlite >= 0.5));
        if (runs > 0) {
            double p99 = RestSearchTiming.measure(work.resolve("search-sqlite"), runs, searches);
            System.out.printf(Locale.ROOT, "goal runs/search p99 < 200 ms over %,d runs (page of 100): %.1f ms (%s)%n",
                    runs, p99, met(p99 < 200));
        }
    }

    private static String met(boolean met) {
        return met ? "met" : "not met";
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
