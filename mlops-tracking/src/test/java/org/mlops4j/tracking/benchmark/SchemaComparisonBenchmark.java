package org.mlops4j.tracking.benchmark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;
import org.mlops4j.tracking.mlflow.MlflowDatabases;

/**
 * Compares mlops4j's own JDBC schema with MLflow's (a database made by {@link MlflowDatabases#createEmpty}) through
 * the same {@code jdbc:} provider, on SQLite and, given a PostgreSQL URL, on PostgreSQL: 20 calls of 1000 metric
 * values to one run, 200 calls of one value, and the median of 7 searches over 2000 runs (a metric and a param in the
 * filter, ordered by the metric, 100 results). One line per store; the numbers behind README's "Coming from MLflow".
 *
 * <p>Run it with (from the repository root, after building the test class path as {@link TrackingBenchmark} says):
 * <pre>
 * cd mlops-tracking
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.mlops4j.tracking.benchmark.SchemaComparisonBenchmark 'jdbc:postgresql://host/db?user=u'
 * </pre>
 * Without an argument only SQLite is measured.
 */
public final class SchemaComparisonBenchmark {

    private SchemaComparisonBenchmark() {
    }

    /**
     * @param a an optional PostgreSQL JDBC URL (schemas {@code bench_*} are made in it and left for inspection)
     * @throws Exception when a store fails
     */
    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("schemabench");
        String pg = a.length > 0 ? a[0] : null;
        for (String kind : List.of("ours-sqlite", "mlflow-sqlite", "ours-pg", "mlflow-pg")) {
            if (kind.endsWith("pg") && pg == null) continue;
            String url;
            if (kind.endsWith("sqlite")) {
                url = "jdbc:sqlite:" + dir.resolve(kind + ".db");
            } else {
                String schema = "bench_" + kind.replace("-", "_") + "_" + System.nanoTime() % 100000;
                try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + schema);
                }
                url = pg + "&currentSchema=" + schema;
            }
            URI uri = URI.create(url);
            if (kind.startsWith("mlflow")) {
                MlflowDatabases.createEmpty(uri, url, kind.endsWith("pg") ? SqlDialect.POSTGRESQL : SqlDialect.SQLITE,
                        dir.resolve("mlruns").toString());
            }
            try (TrackingStore store = new JdbcTrackingStoreProvider().open(uri, MlopsConfig.ofOnly(Map.of(
                    JdbcTrackingStoreProvider.ARTIFACT_ROOT, dir.resolve("art").toString())))) {
                String e = store.createExperiment("bench", Map.of()).experimentId();
                // log-batch: 20 calls of 1000 values to one run
                String run = store.createRun(e, "batch", "u", 1, List.of()).runId();
                long t0 = System.nanoTime();
                for (int b = 0; b < 20; b++) {
                    List<Metric> ms = new ArrayList<>();
                    for (int i = 0; i < 1000; i++) {
                        ms.add(new Metric("m" + (i % 10), i, 1000 + b * 1000 + i, b * 100 + i / 10));
                    }
                    store.logBatch(run, ms, List.of(), List.of());
                }
                double batchValuesPerS = 20000 / ((System.nanoTime() - t0) / 1e9);
                // single calls: 200 calls of one value
                t0 = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    store.logBatch(run, List.of(new Metric("single", i, i, i)), List.of(), List.of());
                }
                double singleMs = (System.nanoTime() - t0) / 1e6 / 200;
                // search: 2000 runs, 3 metrics, 2 params each
                Random r = new Random(7);
                for (int i = 0; i < 2000; i++) {
                    String id = store.createRun(e, "r" + i, "u", i, List.of()).runId();
                    store.logBatch(id, List.of(new Metric("auc", r.nextDouble(), 1, 0), new Metric("loss", r.nextDouble(), 1,
                            0), new Metric("acc", r.nextDouble(), 1, 0)),
                            List.of(new Param("model", "m" + (i % 7)), new Param("depth", "" + (i % 5))), List.of());
                }
                SearchRequest q = SearchRequest.builder(e).filter("metrics.auc > 0.5 and params.model = 'm3'")
                        .orderBy("metrics.auc DESC").maxResults(100).build();
                List<Double> times = new ArrayList<>();
                int found = 0;
                for (int k = 0; k < 7; k++) {
                    long s0 = System.nanoTime();
                    found = store.searchRuns(q).runs().size();
                    times.add((System.nanoTime() - s0) / 1e6);
                }
                Collections.sort(times);
                System.out.printf("%-14s logBatch(1000): %8.0f values/s   logBatch(1): %6.2f ms/call   search 2000 runs:"
                        + " median %7.1f ms (%d found)   store=%s%n",
                        kind, batchValuesPerS, singleMs, times.get(3), found, store.getClass().getSimpleName());
            }
        }
    }
}
