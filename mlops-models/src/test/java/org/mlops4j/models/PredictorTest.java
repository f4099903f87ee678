package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

class PredictorTest {

    private static TrainedModel model;

    @BeforeAll
    static void train() {
        ModelingSetup setup = ModelingSetup.builder(TestTables.leads(500, 11), "converted").folds(2).seed(3).build();
        model = setup.createModel("lr").model();
    }

    @Test
    void predictsALabelAndTheProbabilityOfThatLabelForEveryRow() {
        Table input = TestTables.leads(50, 99).drop("converted");
        Predictions predictions = model.predictor().predict(input);
        assertEquals(50, predictions.size());
        for (PredictedRow row : predictions.rows()) {
            assertTrue(row.ok());
            String label = row.label().orElseThrow();
            assertEquals(row.probabilities().get(label), row.score().orElseThrow(), 0.0);
            assertEquals(1.0, row.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            assertTrue(row.score().orElseThrow() >= 0.5);
        }
    }

    @Test
    void aBadRowGetsAnErrorAndTheOthersArePredicted() {
        Table input = Table.of(NumericColumn.of("visits", 3, Double.POSITIVE_INFINITY, 8),
                NumericColumn.ofNullable("income", 21_000.0, 20_000.0, null),
                CategoricalColumn.of("city", "paris", "lyon", "atlantis"));
        Predictions predictions = model.predictor().predict(input);
        assertTrue(predictions.get(0).ok());
        assertTrue(predictions.get(2).ok(), "unseen city and missing income are imputed, not errors");
        assertEquals(List.of(1), predictions.failures().stream().map(PredictedRow::row).toList());
        assertTrue(predictions.get(1).error().orElseThrow().contains("visits"));
    }

    @Test
    void appendsPredictionColumnsToTheInput() {
        Table input = TestTables.leads(5, 4).drop("converted");
        Table out = model.predictor().predict(input).appendTo(input);
        assertEquals(List.of("visits", "income", "city", "prediction_label", "prediction_score", "prediction_error"),
                out.columnNames());
        assertEquals(5, out.text("prediction_error").nullCount());
    }

    @Test
    void aTableWithoutAnInputColumnIsRejectedNamingTheColumn() {
        DataException e = assertThrows(DataException.class,
                () -> model.predictor().predict(TestTables.leads(5, 4).drop("income")));
        assertEquals("income", e.column().orElseThrow());
    }

    @Test
    void predictionsAreTheSameFromSeveralThreads() throws Exception {
        Table input = TestTables.leads(200, 5).drop("converted");
        Predictions expected = model.predictor().predict(input);
        Predictor predictor = model.predictor();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                if (!predictor.predict(input).equals(expected)) {
                    mismatches.incrementAndGet();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, mismatches.get());
    }
}
