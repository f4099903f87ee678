package org.mlops4j.drift.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.ActionPolicy;
import org.mlops4j.core.monitor.ActionResult;
import org.mlops4j.core.monitor.ColumnDeviation;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.monitor.DriftSummary;

class JsonLinesDecisionRecorderTest {

    private static DecisionOutcome outcome(int i) {
        return new DecisionOutcome(ActionPolicy.defaults().decide("tvd", "percentage points",
                List.of(new ColumnDeviation("c" + i, ColumnType.CATEGORICAL, i % 100)),
                new DriftSummary(false, 0.5, 1, 0, 0, List.of()), Instant.ofEpochSecond(1_700_000_000L + i)),
                List.of(ActionResult.success("log", "logged", i)));
    }

    @Test
    void keepsEveryOutcomeWrittenFromManyThreads(@TempDir Path dir) throws Exception {
        JsonLinesDecisionRecorder recorder = new JsonLinesDecisionRecorder(dir.resolve("a/b/decisions.jsonl"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(pool.submit(() -> recorder.record(outcome(n))));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        List<DecisionOutcome> read = recorder.readAll();
        assertEquals(200, read.size());
        Set<DecisionOutcome> expected = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            expected.add(outcome(i));
        }
        assertEquals(expected, new HashSet<>(read));
    }

    @Test
    void namesTheLineOfATornRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        JsonLinesDecisionRecorder recorder = new JsonLinesDecisionRecorder(file);
        recorder.record(outcome(1));
        Files.writeString(file, "{\"action\":\"none\",\"drift_", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        DataException e = assertThrows(DataException.class, recorder::readAll);
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void readsNothingFromAFileNotYetWritten(@TempDir Path dir) {
        assertEquals(List.of(), new JsonLinesDecisionRecorder(dir.resolve("none.jsonl")).readAll());
    }
}
