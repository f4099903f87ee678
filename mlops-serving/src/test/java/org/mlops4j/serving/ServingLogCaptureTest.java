package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.core.spi.support.FileLocks;
import org.mlops4j.models.TrainedModel;
import org.mlops4j.serving.internal.LoadedVersion;
import org.mlops4j.serving.internal.RequestTable;
import org.mlops4j.serving.internal.ScoredRequest;
import org.mlops4j.serving.internal.ServedModel;
import org.mlops4j.serving.internal.ServingLogCapture;

/**
 * The serving log's capture with a real model and a real log file: what it writes is what monitoring reads, its
 * sample rate holds, and a writer that cannot keep up makes it drop and count requests instead of blocking them.
 */
class ServingLogCaptureTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:15:00Z");
    private static ServedModel model;

    @TempDir
    Path folder;

    @BeforeAll
    static void train() {
        TrainedModel trained = ServingFixture.train(ServingFixture.leads(300, 11));
        model = new ServedModel(new LoadedVersion("lead-scoring", 4, "models:/lead-scoring@champion", NOW), trained);
    }

    /** A request of {@code rows} rows, the third of which has a value the model cannot take. */
    private static ScoredRequest request(int rows, long seed) {
        Table leads = ServingFixture.leads(rows, seed);
        JsonNodeFactory json = JsonNodeFactory.instance;
        List<RequestTable.Row> values = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            values.add(RequestTable.Row.of(new com.fasterxml.jackson.databind.JsonNode[] {
                row == 2 ? json.textNode("lots") : json.numberNode(leads.numeric("dropped").getDouble(row)),
                json.textNode(leads.categorical("platform").get(row)),
                json.booleanNode(leads.bool("referred").getBoolean(row))}));
        }
        return ScoredRequest.score(model, new RequestTable(List.of("dropped", "platform", "referred"), values));
    }

    private ServingLogCapture capture(Path file, double rate, int capacity, Optional<String> batch) {
        return new ServingLogCapture(new ServingLog(file), rate, capacity, batch, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void capturesTheScoredRowsOfEachRequestAsMonitoringReadsThem() {
        Path file = folder.resolve("serving/serving_log.jsonl");
        ScoredRequest first = request(5, 1);
        try (ServingLogCapture capture = capture(file, 1.0, 16, Optional.empty())) {
            capture.scored(model, first, 1_000);
            capture.scored(model, request(3, 2), 1_000);
        }
        Table window = new ServingLog(file).read(batch -> batch.equals("2026-12-07"));
        assertEquals(4 + 2, window.rowCount(), "the rows that passed the input check, in the day's window");
        for (int row = 0; row < 4; row++) {
            int requestRow = row < 2 ? row : row + 1;
            assertEquals(first.prediction(requestRow).orElseThrow().label().orElseThrow(),
                    window.column("prediction").format(row));
            assertEquals(first.input().table().numeric("dropped").getDouble(row),
                    window.numeric("dropped").getDouble(row), 1e-6);
        }
        assertEquals(4.0, window.numeric("model_version").getDouble(0));
    }

    @Test
    void theSampleRateDecidesPerRequestAndTheBatchIdCanBeFixed() {
        Path file = folder.resolve("sampled.jsonl");
        ServingLogCapture sampled;
        try (ServingLogCapture capture = capture(file, 0.5, 512, Optional.of("online-week-18"))) {
            for (int i = 0; i < 200; i++) {
                capture.scored(model, request(3, i), 1_000);
            }
            sampled = capture;
        }
        long captured = sampled.capturedRequests();
        assertTrue(captured > 60 && captured < 140, "about half of 200 requests: " + captured);
        assertEquals(captured * 2, new ServingLog(file).read(b -> b.equals("online-week-18")).rowCount());
        try (ServingLogCapture off = capture(folder.resolve("off.jsonl"), 0.0, 4, Optional.empty())) {
            off.scored(model, request(3, 1), 1_000);
        }
        assertTrue(Files.notExists(folder.resolve("off.jsonl")));
    }

    @Test
    void aWriterThatCannotKeepUpMakesItDropAndCountInsteadOfBlocking() throws Exception {
        Path file = folder.resolve("blocked/serving_log.jsonl");
        Files.createDirectories(file.getParent());
        ScoredRequest scored = request(4, 3);
        ServingLogCapture capture = capture(file, 1.0, 2, Optional.empty());
        long slowest;
        try (FileLocks.Held held = new FileLocks(MlopsException::new).lock(file, FileLocks.Level.APPEND)) {
            slowest = 0;
            for (int i = 0; i < 50; i++) {
                long start = System.nanoTime();
                capture.scored(model, scored, 1_000);
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
            assertTrue(capture.dropped() >= 47 && capture.dropped() <= 48, "dropped " + capture.dropped());
            assertEquals(0, capture.capturedRequests(), "the writer waits for the log's lock");
        }
        assertTrue(Duration.ofNanos(slowest).toMillis() < 100, "an offer took " + Duration.ofNanos(slowest));
        capture.close();
        assertEquals(50, capture.capturedRequests() + capture.dropped());
        assertEquals(capture.capturedRequests() * 3, new ServingLog(file).read().rowCount());
        assertEquals(0, capture.failedWrites());
    }
}
