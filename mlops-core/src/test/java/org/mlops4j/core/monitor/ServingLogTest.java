package org.mlops4j.core.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/** The serving log: what a line holds, sampling, reading back, concurrent writers, and bad lines. */
class ServingLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2024-05-01T10:15:00Z");

    @TempDir
    Path folder;

    private static Table inputs(int rows) {
        NumericColumn.Builder leads = NumericColumn.builder("total_leads_droppped", rows);
        CategoricalColumn.Builder platform = CategoricalColumn.builder("first_platform_c", rows);
        for (int i = 0; i < rows; i++) {
            leads.add(i % 7 == 3 ? null : Double.valueOf(i % 5));
            platform.add(i % 2 == 0 ? "Level0" : "odd \"level\"");
        }
        return Table.of(leads.build(), platform.build());
    }

    /** Row 5 failed; the others are scored with the probability of class 1 as their score. */
    private static List<ServedRow> responses(int rows) {
        List<ServedRow> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double p = (i % 10) / 10.0 + 0.0123456789;
            out.add(i == 5 ? ServedRow.failed("Row 6 cannot be predicted")
                    : ServedRow.predicted(p > 0.5 ? "1" : "0", p));
        }
        return out;
    }

    private static ServedBatch batch(String id, int version, int rows) {
        return new ServedBatch(id, "lead-scoring", version, TIME, inputs(rows), responses(rows), Map.of(), Map.of());
    }

    @Test
    void writesOneJsonLinePerRequestWithInputsPredictionScoreAndVersion() throws Exception {
        ServingLog log = new ServingLog(folder.resolve("logs/serving.jsonl"));
        int captured = log.append(batch("week-18", 3, 20), 1.0, 0);
        assertEquals(20, captured);
        List<String> lines = Files.readAllLines(log.file());
        assertEquals(20, lines.size());
        JsonNode first = JSON.readTree(lines.get(1));
        assertEquals("2024-05-01T10:15:00Z", first.get("timestamp").asText());
        assertEquals("week-18", first.get("batch").asText());
        assertEquals("lead-scoring", first.get("model").asText());
        assertEquals(3, first.get("model_version").asInt());
        assertEquals(1.0, first.get("inputs").get("total_leads_droppped").asDouble());
        assertEquals("odd \"level\"", first.get("inputs").get("first_platform_c").asText());
        assertEquals("0", first.get("prediction").asText());
        assertEquals(0.112346, first.get("score").asDouble(), 1e-12, "6 decimals");
        assertTrue(JSON.readTree(lines.get(3)).get("inputs").get("total_leads_droppped").isNull());
        JsonNode failed = JSON.readTree(lines.get(5));
        assertTrue(failed.get("prediction").isNull());
        assertTrue(failed.get("score").isNull());
        assertEquals("Row 6 cannot be predicted", failed.get("error").asText());
        assertTrue(!first.has("error"), "only failed rows carry an error");
    }

    @Test
    void writesTheBatchsNonZeroCountsInTheirOrderOnEveryLine() throws Exception {
        Map<String, Integer> missing = new LinkedHashMap<>();
        missing.put("total_leads_droppped", 2);
        missing.put("first_platform_c", 1);
        Map<String, Integer> unseen = new LinkedHashMap<>();
        unseen.put("total_leads_droppped", 0);
        unseen.put("first_platform_c", 2);
        ServingLog log = new ServingLog(folder.resolve("serving.jsonl"));

        log.append(new ServedBatch("w", "m", 1, TIME, inputs(4), responses(4), missing, unseen), 1.0, 0);
        log.append(batch("clean", 1, 1), 1.0, 0);

        List<String> lines = Files.readAllLines(log.file());
        for (String line : lines.subList(0, 4)) {
            assertTrue(line.contains("\"missing_values\":{\"total_leads_droppped\":2,\"first_platform_c\":1},"
                    + "\"unseen_levels\":{\"first_platform_c\":2},\"inputs\":"), line);
        }
        assertTrue(lines.get(4).contains("\"missing_values\":{},\"unseen_levels\":{}"), lines.get(4));
        assertEquals(5, log.read().rowCount(), "the counts do not disturb reading the window back");
    }

    @Test
    void capturesTheSameSeededSampleEveryTime() {
        ServingLog a = new ServingLog(folder.resolve("a.jsonl"));
        ServingLog b = new ServingLog(folder.resolve("b.jsonl"));
        int first = a.append(batch("w", 1, 4000), 0.25, 42);
        int second = b.append(batch("w", 1, 4000), 0.25, 42);
        int otherSeed = new ServingLog(folder.resolve("c.jsonl")).append(batch("w", 1, 4000), 0.25, 43);
        assertEquals(first, second);
        assertTrue(first > 900 && first < 1100, "about a quarter: " + first);
        assertEquals(a.read().numeric("total_leads_droppped"), b.read().numeric("total_leads_droppped"));
        assertTrue(otherSeed > 900 && otherSeed < 1100, "about a quarter: " + otherSeed);
        assertEquals(0, new ServingLog(folder.resolve("none.jsonl")).append(batch("w", 1, 100), 0.0, 1));
        assertTrue(Files.notExists(folder.resolve("none.jsonl")), "nothing captured, nothing written");
    }

    @Test
    void readsTheWindowOfChosenBatchesAsATable() {
        ServingLog log = new ServingLog(folder.resolve("serving.jsonl"));
        log.append(batch("week-1", 1, 10), 1.0, 0);
        log.append(batch("week-2", 2, 6), 1.0, 0);
        Table window = log.read(batch -> batch.equals("week-2"));
        assertEquals(6, window.rowCount());
        assertEquals(List.of("total_leads_droppped", "first_platform_c", "batch", "model_version", "prediction",
                "score", "timestamp"), window.columnNames());
        assertEquals(2.0, window.numeric("model_version").getDouble(0));
        assertEquals(TIME, window.timestamp("timestamp").get(0));
        assertEquals(16, log.read().rowCount());
        assertEquals(0, new ServingLog(folder.resolve("missing.jsonl")).read().rowCount());
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        ServingLog log = new ServingLog(folder.resolve("serving.jsonl"));
        int writers = 4;
        int batchesEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    int captured = 0;
                    for (int b = 0; b < batchesEach; b++) {
                        captured += new ServingLog(log.file()).append(batch("w" + writer + "-" + b, 1, 50), 1.0, b);
                    }
                    return captured;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(batchesEach * 50, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(log.file());
        assertEquals(writers * batchesEach * 50, lines.size());
        for (String line : lines) {
            JSON.readTree(line); // every line is one whole record
        }
        assertEquals(writers * batchesEach * 50, log.read().rowCount());
    }

    @Test
    void namesTheFileAndLineOfABrokenRecord() throws Exception {
        Path file = folder.resolve("serving.jsonl");
        Files.writeString(file, "{\"batch\":\"w\",\"inputs\":{}}\n{not json\n");
        DataException e = assertThrows(DataException.class, () -> new ServingLog(file).read());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("2"), e.getMessage());
        Files.writeString(file, "{\"batch\":\"w\",\"inputs\":{}}\n\n{\"inputs\":{}}\n");
        DataException noBatch = assertThrows(DataException.class, () -> new ServingLog(file).read());
        assertTrue(noBatch.getMessage().contains("'batch'") && noBatch.getMessage().contains("3"),
                noBatch.getMessage());
    }

    @Test
    void refusesABatchWhoseResultsDoNotMatchItsRowsAndABadSampleRate() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> new ServedBatch("w", "m", 1, TIME, inputs(3), responses(2), Map.of(), Map.of()));
        assertTrue(rows.getMessage().contains("3 input rows but 2 row results"), rows.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ServedBatch("w", "m", 1, TIME, inputs(1),
                responses(1), Map.of("x", -1), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ServingLog(folder.resolve("s.jsonl")).append(batch("w", 1, 1), 1.5, 0));
    }
}
