package org.mlops4j.tracking.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.internal.PackedMetrics;
import org.mlops4j.tracking.internal.TrackingSchema;

/** A database written by the first schema opens with this code: migrated in place, its metric history intact. */
class SqliteSchemaMigrationTest {

    @TempDir
    Path tempDir;

    @Test
    void aFirstSchemaDatabaseIsMigratedAndItsFixedWidthHistoryStillReads() throws Exception {
        URI uri = URI.create("jdbc:sqlite:" + tempDir.resolve("runs.db"));
        String runId;
        try (TrackingStore store = open(uri)) {
            String experimentId = store.createExperiment("old", Map.of()).experimentId();
            RunInfo run = store.createRun(experimentId, "from-v1", "ann", 1L, List.of());
            runId = run.runId();
            store.logBatch(runId, List.of(new Metric("loss", 0.25, 1_700_000_000_000L, 2)), List.of(), List.of());
        }
        List<Metric> old = List.of(new Metric("loss", 0.5, 1_700_000_000_000L, 0),
                new Metric("loss", Double.NaN, 1_700_000_000_001L, 1));
        try (Connection db = DriverManager.getConnection(uri.toString()); Statement s = db.createStatement()) {
            // turn the database back into what the first schema wrote: no encoding column, fixed-width values
            s.execute("DELETE FROM metric_batches");
            s.execute("ALTER TABLE metric_batches DROP COLUMN value_encoding");
            s.execute("UPDATE schema_version SET version = 1 WHERE component = '" + TrackingSchema.COMPONENT + "'");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO metric_batches (run_id, metric_key, "
                    + "value_count, packed_values) VALUES (?, 'loss', 2, ?)")) {
                insert.setString(1, runId);
                insert.setBytes(2, PackedMetrics.packFixed(old));
                insert.executeUpdate();
            }
        }
        try (TrackingStore store = open(uri)) {
            store.logBatch(runId, List.of(new Metric("loss", 0.125, 1_700_000_000_002L, 2)), List.of(), List.of());
            List<Metric> history = store.getMetricHistory(runId, "loss");
            assertEquals(3, history.size());
            assertEquals(0.5, history.get(0).value());
            assertEquals(Double.NaN, history.get(1).value());
            assertEquals(0.125, history.get(2).value());
        }
        try (Connection db = DriverManager.getConnection(uri.toString()); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM schema_version WHERE component = '"
                        + TrackingSchema.COMPONENT + "'")) {
            rs.next();
            assertEquals(TrackingSchema.currentVersion(), rs.getInt(1));
        }
    }

    private static TrackingStore open(URI uri) {
        return new JdbcTrackingStoreProvider().open(uri, MlopsConfig.ofOnly(Map.of()));
    }
}
