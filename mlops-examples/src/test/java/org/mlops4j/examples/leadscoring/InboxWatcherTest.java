package org.mlops4j.examples.leadscoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.JdbcDatabase;
import org.mlops4j.core.data.Table;

class InboxWatcherTest {

    @TempDir
    Path folder;

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void loadsAGoodBatchQuarantinesABadOneAndTellsTheListenerOnlyOfTheGoodOne() throws Exception {
        Path inbox = folder.resolve("inbox");
        Path db = folder.resolve("leads.db");
        Table leads = LeadGenerator.builder().seed(21).rows(300).build().generate().table();
        List<InboxResult> accepted = new ArrayList<>();
        try (InboxWatcher watcher = InboxWatcher.builder(inbox, db).onAccepted(accepted::add).build()) {
            CsvWriter.builder().build().write(leads, inbox.resolve("2022-02-15_good.csv"));
            CsvWriter.builder().build().write(leads.drop("city_mapped"), inbox.resolve("2022-02-16_bad.csv"));
            Files.writeString(inbox.resolve("notes.txt"), "not a batch");
            List<InboxResult> results = watcher.pollOnce();

            assertEquals(2, results.size());
            assertTrue(results.get(0).accepted());
            assertFalse(results.get(1).accepted());
            assertEquals(1, accepted.size());
            assertEquals(List.of("notes.txt", "processed", "quarantine"), names(inbox));
            assertEquals(List.of("2022-02-15_good.csv"), names(watcher.processedFolder()));
            assertEquals(List.of("2022-02-16_bad.csv", "2022-02-16_bad.csv.report.json"),
                    names(watcher.quarantineFolder()));
            String report = Files.readString(results.get(1).report().orElseThrow());
            assertTrue(report.contains("city_mapped") && report.contains("\"valid\" : false"), report);
            Table modelInput = JdbcDatabase.of("jdbc:sqlite:" + db).readTable("model_input");
            assertTrue(modelInput.rowCount() > 250 && modelInput.rowCount() <= 300, "only the good batch is loaded");
            assertTrue(watcher.pollOnce().isEmpty(), "nothing is processed twice");
        }
    }

    @Test
    void quarantinesABatchThatFailsAfterTheSchemaCheckWithTheStepsError() throws Exception {
        Path inbox = folder.resolve("inbox");
        // text in a numeric column no longer gets past raw_data_schema_check; a database that cannot be written does
        Path notADatabase = Files.createDirectories(folder.resolve("leads.db"));
        try (InboxWatcher watcher = InboxWatcher.builder(inbox, notADatabase).build()) {
            LeadGenerator.builder().seed(22).rows(50).build().write(inbox.resolve("odd.csv"));
            InboxResult result = watcher.pollOnce().get(0);
            assertFalse(result.accepted());
            String report = Files.readString(result.report().orElseThrow());
            assertTrue(report.contains("load_data_into_db") && report.contains("leads.db"), report);
            assertEquals(List.of("odd.csv", "odd.csv.report.json"), names(watcher.quarantineFolder()));
        }
    }

    @Test
    void pollsOnItsOwnWhenStarted() throws Exception {
        Path inbox = folder.resolve("inbox");
        List<InboxResult> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (InboxWatcher watcher = InboxWatcher.builder(inbox, folder.resolve("leads.db")).onAccepted(accepted::add)
                .build()) {
            watcher.start(Duration.ofMillis(50));
            Path part = inbox.resolve("late.csv.part");
            LeadGenerator.builder().seed(23).rows(40).build().write(part);
            Files.move(part, inbox.resolve("late.csv"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (accepted.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, accepted.size());
        }
    }
}
