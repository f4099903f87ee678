package org.mlops4j.server.rest.client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.http.HttpTrackingStoreProvider;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/**
 * Measures metric logging through the {@code http:} store against logging to the server's store in-process, in the
 * same run: one value a call (as {@code ActiveRun.logMetric} logs; the {@code http:} store batches them) and batches
 * of 1,000, in values per second until the run has ended (so every value is stored). One client thread.
 *
 * <pre>
 * mvn -B -q -pl mlops-server -am test-compile -DskipTests
 * java -cp "mlops-server/target/test-classes:mlops-server/target/classes:$(cat cp.txt)" \
 *     org.mlops4j.server.rest.client.HttpStoreLoggingTiming /tmp/http-timing 20000
 * </pre>
 * (with {@code cp.txt} from {@code mvn -q -pl mlops-server dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class HttpStoreLoggingTiming {

    private HttpStoreLoggingTiming() {
    }

    /**
     * @param args a work folder (must not exist), the number of values per measurement
     * @throws Exception when the folder cannot be made
     */
    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/http-timing"));
        int values = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        measure("file  ", folder -> FileTrackingStore.open(folder.resolve("mlruns")),
                Files.createDirectories(work.resolve("file")), values);
        measure("sqlite", folder -> new JdbcTrackingStoreProvider().open(URI.create("jdbc:sqlite:"
                + folder.resolve("mlops.db")), MlopsConfig.ofOnly(Map.of())),
                Files.createDirectories(work.resolve("sqlite")), values);
    }

    private static void measure(String label, Function<Path, TrackingStore> open, Path folder, int values) {
        try (TrackingClient tracking = TrackingClient.of(open.apply(folder));
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).port(0).start();
             TrackingStore http = new HttpTrackingStoreProvider().open(server.url(), MlopsConfig.ofOnly(Map.of()))) {
            for (int perCall : new int[] {1, 1000}) {  // warm-up: both paths, both sizes
                rate(tracking.store(), values / 2, perCall);
                rate(http, values / 2, perCall);
            }
            double inSingle = rate(tracking.store(), values, 1);
            double httpSingle = rate(http, values, 1);
            double inBatch = rate(tracking.store(), values, 1000);
            double httpBatch = rate(http, values, 1000);
            System.out.printf(Locale.ROOT, "%s one value a call: in-process %,.0f values/s, http: %,.0f values/s "
                    + "(%.0f %%)%n", label, inSingle, httpSingle, 100 * httpSingle / inSingle);
            System.out.printf(Locale.ROOT, "%s 1,000 a call:     in-process %,.0f values/s, http: %,.0f values/s "
                    + "(%.0f %%)%n", label, inBatch, httpBatch, 100 * httpBatch / inBatch);
        }
    }

    /** Logs the values to a new run, ends it, and returns values per second. */
    private static double rate(TrackingStore store, int values, int perCall) {
        long start = System.nanoTime();
        String runId = store.createRun(Experiment.DEFAULT_ID, "timing", "bench", System.currentTimeMillis(),
                List.of()).runId();
        for (int i = 0; i < values; i += perCall) {
            List<Metric> batch = new ArrayList<>(perCall);
            for (int j = i; j < Math.min(values, i + perCall); j++) {
                batch.add(new Metric("loss", 1.0 / (j + 1), 1_700_000_000_000L + j, j));
            }
            store.logBatch(runId, batch, List.of(), List.of());
        }
        store.updateRun(runId, RunStatus.FINISHED, java.util.OptionalLong.of(System.currentTimeMillis()));
        return values / ((System.nanoTime() - start) / 1e9);
    }
}
