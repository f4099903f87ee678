package org.mlops4j.examples.leadscoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.PredictedRow;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.TrainedModel;

/** The serving log: what a line holds, sampling, reading back, and bad lines. */
class ServingLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2024-05-01T10:15:00Z");

    @TempDir
    Path folder;

    private static Table batch(int rows) {
        NumericColumn.Builder leads = NumericColumn.builder("total_leads_droppped", rows);
        CategoricalColumn.Builder platform = CategoricalColumn.builder("first_platform_c", rows);
        for (int i = 0; i < rows; i++) {
            leads.add(i % 7 == 3 ? null : Double.valueOf(i % 5));
            platform.add(i % 2 == 0 ? "Level0" : "odd \"level\"");
        }
        return Table.of(leads.build(), platform.build());
    }

    private static Predictions predictions(int rows) {
        List<PredictedRow> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double p = (i % 10) / 10.0 + 0.0123456789;
            out.add(i == 5 ? new PredictedRow(i, Optional.empty(), OptionalDouble.empty(), Map.of(),
                    Optional.of("Row 6 cannot be predicted"))
                    : new PredictedRow(i, Optional.of(p > 0.5 ? "1" : "0"), OptionalDouble.of(Math.max(p, 1 - p)),
                    Map.of("0", 1 - p, "1", p), Optional.empty()));
        }
        return new Predictions(out);
    }

    @Test
    void writesOneJsonLinePerRequestWithInputsPredictionScoreAndVersion() throws Exception {
        ServingLog log = new ServingLog(folder.resolve("logs/serving.jsonl"));
        int captured = log.append("week-18", "lead-scoring", 3, batch(20), List.of("total_leads_droppped",
                "first_platform_c"), predictions(20), "1", 1.0, 0, TIME);
        assertEquals(20, captured);
        List<String> lines = Files.readAllLines(log.file());
        assertEquals(20, lines.size());
        JsonNode first = JSON.readTree(lines.get(1));
        assertEquals("2024-05-01T10:15:00Z", first.get("timestamp").asText());
        assertEquals("week-18", first.get("batch").asText());
        assertEquals(3, first.get("model_version").asInt());
        assertEquals(1.0, first.get("inputs").get("total_leads_droppped").asDouble());
        assertEquals("odd \"level\"", first.get("inputs").get("first_platform_c").asText());
        assertEquals("0", first.get("prediction").asText());
        assertEquals(0.112346, first.get("score").asDouble(), 1e-12, "probability of class 1, 6 decimals");
        assertTrue(JSON.readTree(lines.get(3)).get("inputs").get("total_leads_droppped").isNull());
        JsonNode failed = JSON.readTree(lines.get(5));
        assertTrue(failed.get("prediction").isNull());
        assertEquals("Row 6 cannot be predicted", failed.get("error").asText());
    }

    @Test
    void capturesTheSameSeededSampleEveryTime() {
        ServingLog a = new ServingLog(folder.resolve("a.jsonl"));
        ServingLog b = new ServingLog(folder.resolve("b.jsonl"));
        List<String> columns = List.of("total_leads_droppped", "first_platform_c");
        int first = a.append("w", "m", 1, batch(4000), columns, predictions(4000), "1", 0.25, 42, TIME);
        int second = b.append("w", "m", 1, batch(4000), columns, predictions(4000), "1", 0.25, 42, TIME);
        assertEquals(first, second);
        assertTrue(first > 900 && first < 1100, "about a quarter: " + first);
        assertEquals(a.read().numeric("total_leads_droppped"), b.read().numeric("total_leads_droppped"));
    }

    @Test
    void readsTheWindowOfChosenBatchesAsATable() {
        ServingLog log = new ServingLog(folder.resolve("serving.jsonl"));
        List<String> columns = List.of("total_leads_droppped", "first_platform_c");
        log.append("week-1", "m", 1, batch(10), columns, predictions(10), "1", 1.0, 0, TIME);
        log.append("week-2", "m", 2, batch(6), columns, predictions(6), "1", 1.0, 0, TIME);
        Table window = log.read(batch -> batch.equals("week-2"));
        assertEquals(6, window.rowCount());
        assertEquals(List.of("total_leads_droppped", "first_platform_c", "batch", "model_version", "prediction",
                "score", "timestamp"), window.columnNames());
        assertEquals(2.0, window.numeric("model_version").getDouble(0));
        assertEquals(16, log.read().rowCount());
        assertEquals(0, new ServingLog(folder.resolve("missing.jsonl")).read().rowCount());
    }

    @Test
    void namesTheFileAndLineOfABrokenRecord() throws Exception {
        Path file = folder.resolve("serving.jsonl");
        Files.writeString(file, "{\"batch\":\"w\",\"inputs\":{}}\n{not json\n");
        DataException e = assertThrows(DataException.class, () -> new ServingLog(file).read());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void writesTheBatchsMissingAndUnseenCountsOfARealModelOnEveryLine() throws Exception {
        int rows = 90;
        NumericColumn.Builder leads = NumericColumn.builder("total_leads_droppped", rows);
        CategoricalColumn.Builder platform = CategoricalColumn.builder("first_platform_c", rows);
        CategoricalColumn.Builder target = CategoricalColumn.builder("app_complete_flag", rows);
        for (int i = 0; i < rows; i++) {
            leads.add((double) (i % 6));
            platform.add("Level" + i % 3);
            target.add(i % 6 + i % 3 > 4 ? "1" : "0");
        }
        TrainedModel model = ModelingSetup.builder(Table.of(leads.build(), platform.build(), target.build()),
                "app_complete_flag").folds(2).seed(7).build().createModel("lr").model();
        Table batch = Table.of(NumericColumn.ofNullable("total_leads_droppped", 1.0, null, null, 4.0),
                CategoricalColumn.of("first_platform_c", "Level0", "Level9", null, "Level42"));
        Predictions predictions = model.predictor().predict(batch);
        ServingLog log = new ServingLog(folder.resolve("serving.jsonl"));

        log.append("week-19", "lead-scoring", 1, batch, List.of("total_leads_droppped", "first_platform_c"),
                predictions, "1", 1.0, 0, TIME);
        log.append("week-20", "lead-scoring", 1, batch.take(new int[] {0}), List.of("total_leads_droppped",
                "first_platform_c"), model.predictor().predict(batch.take(new int[] {0})), "1", 1.0, 0, TIME);

        List<String> lines = Files.readAllLines(log.file());
        assertEquals(5, lines.size());
        for (String line : lines.subList(0, 4)) {
            JsonNode record = JSON.readTree(line);
            assertEquals(JSON.readTree("{\"total_leads_droppped\":2,\"first_platform_c\":1}"),
                    record.get(ServingLog.MISSING_VALUES), line);
            assertEquals(JSON.readTree("{\"first_platform_c\":2}"), record.get(ServingLog.UNSEEN_LEVELS), line);
        }
        JsonNode clean = JSON.readTree(lines.get(4));
        assertEquals(JSON.readTree("{}"), clean.get(ServingLog.MISSING_VALUES), lines.get(4));
        assertEquals(JSON.readTree("{}"), clean.get(ServingLog.UNSEEN_LEVELS), lines.get(4));
        assertEquals(5, log.read().rowCount(), "the counts do not disturb reading the window back");
    }
}
