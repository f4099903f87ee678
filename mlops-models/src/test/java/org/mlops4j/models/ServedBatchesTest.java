package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
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
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.monitor.ServedBatch;
import org.mlops4j.core.monitor.ServedRow;
import org.mlops4j.core.monitor.ServingLog;

/**
 * Predictions handed to the serving log: the lines are byte for byte those the case study's own serving log wrote
 * before it moved to mlops-core ({@code serving/serving_log_format_1.jsonl}, written by that code from the same
 * batches), and a real model's imputation counts reach every line.
 */
class ServedBatchesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT_1 = "/serving/serving_log_format_1.jsonl";

    @TempDir
    Path folder;

    /** Numbers of every written form, nulls, quotes, backslashes, a line break and a non-ASCII letter. */
    private static Table inputs() {
        int rows = 12;
        NumericColumn.Builder leads = NumericColumn.builder("total_leads_droppped", rows);
        CategoricalColumn.Builder platform = CategoricalColumn.builder("first_platform_c", rows);
        TextColumn.Builder note = TextColumn.builder("note", rows);
        double[] values = {0, 1, -2.5, 0.1234565, 1234567.891234567, 1e10, 3, -0.000001, 7.25, 2e15, 42, 0.5};
        for (int i = 0; i < rows; i++) {
            leads.add(i == 3 ? null : Double.valueOf(values[i]));
            platform.add(i == 7 ? null : (i % 2 == 0 ? "Level0" : "odd \"level\" é\n"));
            note.add(i % 3 == 0 ? "a\\b" : "plain");
        }
        return Table.of(leads.build(), platform.build(), note.build());
    }

    /** Row 5 failed, row 8 has a score but no probabilities, row 9 neither. */
    private static List<PredictedRow> predictedRows() {
        List<PredictedRow> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double p = (i % 10) / 10.0 + 0.0123456789;
            if (i == 5) {
                out.add(new PredictedRow(i, Optional.empty(), OptionalDouble.empty(), Map.of(),
                        Optional.of("Row 6 cannot be \"predicted\"")));
            } else if (i == 8) {
                out.add(new PredictedRow(i, Optional.of("0"), OptionalDouble.of(0.9), Map.of(), Optional.empty()));
            } else if (i == 9) {
                out.add(new PredictedRow(i, Optional.of("1"), OptionalDouble.empty(), Map.of(), Optional.empty()));
            } else {
                out.add(new PredictedRow(i, Optional.of(p > 0.5 ? "1" : "0"), OptionalDouble.of(Math.max(p, 1 - p)),
                        Map.of("0", 1 - p, "1", p), Optional.empty()));
            }
        }
        return out;
    }

    private static String format1() throws Exception {
        try (InputStream in = ServedBatchesTest.class.getResourceAsStream(FORMAT_1)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesTheLinesTheCaseStudysServingLogWroteBeforeByteForByte() throws Exception {
        Predictions counted = new Predictions(predictedRows(), List.of(
                new ColumnImputation("total_leads_droppped", 1, 0), new ColumnImputation("first_platform_c", 1, 2),
                new ColumnImputation("note", 0, 0)));
        ServingLog log = new ServingLog(folder.resolve("serving.jsonl"));

        log.append(ServedBatches.of("week-18", "lead-scoring", 3, Instant.parse("2024-05-01T10:15:00Z"), inputs(),
                List.of("total_leads_droppped", "first_platform_c", "note"), counted, "1"), 1.0, 0);
        log.append(ServedBatches.of("week-19", "lead-scoring", 4, Instant.parse("2024-05-08T10:15:00.123Z"),
                inputs(), List.of("first_platform_c", "total_leads_droppped"), new Predictions(predictedRows()),
                "1"), 0.5, 7);

        assertEquals(format1(), Files.readString(log.file()));
    }

    @Test
    void readsALogWrittenBeforeAsAWindow() throws Exception {
        Path file = folder.resolve("old.jsonl");
        Files.writeString(file, format1());

        Table window = new ServingLog(file).read(batch -> batch.equals("week-18"));

        assertEquals(12, window.rowCount());
        assertEquals(List.of("total_leads_droppped", "first_platform_c", "note", "batch", "model_version",
                "prediction", "score", "timestamp"), window.columnNames());
        assertEquals(-2.5, window.numeric("total_leads_droppped").getDouble(2));
        assertTrue(window.numeric("total_leads_droppped").isNull(3));
        assertEquals("odd \"level\" é\n", window.categorical("first_platform_c").get(1));
        assertTrue(window.categorical("prediction").isNull(5), "a failed row has no prediction");
        assertEquals(0.9, window.numeric("score").getDouble(8), "the score when there are no probabilities");
        assertTrue(window.numeric("score").isNull(9));
        assertEquals(21, new ServingLog(file).read().rowCount());
    }

    @Test
    void scoresAreTheProbabilityOfThePositiveClassAndFailedRowsKeepTheirError() {
        List<ServedRow> rows = ServedBatches.rows(new Predictions(predictedRows()), "0");

        assertEquals(Optional.of("0"), rows.get(0).prediction());
        assertEquals(1 - 0.0123456789, rows.get(0).score().orElseThrow(), 1e-15);
        assertEquals(ServedRow.failed("Row 6 cannot be \"predicted\""), rows.get(5));
        assertEquals(0.9, rows.get(8).score().orElseThrow());
        assertTrue(rows.get(9).score().isEmpty());
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
                CategoricalColumn.of("first_platform_c", "Level0", "Level9", null, "Level42"),
                CategoricalColumn.of("not_an_input", "a", "b", "c", "d"));
        List<String> inputColumns = model.inputSchema().columnNames();
        Instant time = Instant.parse("2024-05-01T10:15:00Z");
        ServingLog log = new ServingLog(folder.resolve("serving.jsonl"));

        ServedBatch served = ServedBatches.of("week-19", "lead-scoring", 1, time, batch, inputColumns,
                model.predictor().predict(batch), "1");
        log.append(served, 1.0, 0);
        Table first = batch.take(new int[] {0});
        log.append(ServedBatches.of("week-20", "lead-scoring", 1, time, first, inputColumns,
                model.predictor().predict(first), "1"), 1.0, 0);

        assertEquals(List.of("total_leads_droppped", "first_platform_c"), served.inputs().columnNames());
        List<String> lines = Files.readAllLines(log.file());
        assertEquals(5, lines.size());
        for (String line : lines.subList(0, 4)) {
            JsonNode record = JSON.readTree(line);
            assertEquals(JSON.readTree("{\"total_leads_droppped\":2,\"first_platform_c\":1}"),
                    record.get(ServingLog.MISSING_VALUES), line);
            assertEquals(JSON.readTree("{\"first_platform_c\":2}"), record.get(ServingLog.UNSEEN_LEVELS), line);
            assertTrue(!record.get(ServingLog.INPUTS).has("not_an_input"), line);
        }
        JsonNode clean = JSON.readTree(lines.get(4));
        assertEquals(JSON.readTree("{}"), clean.get(ServingLog.MISSING_VALUES), lines.get(4));
        assertEquals(JSON.readTree("{}"), clean.get(ServingLog.UNSEEN_LEVELS), lines.get(4));
        assertEquals(5, log.read().rowCount(), "the counts do not disturb reading the window back");
    }
}
