package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.data.Table;

/**
 * Checks the metrics against scikit-learn's on the same predictions: the prediction files and the expected values are
 * written by {@code src/test/resources/reference/sklearn_metrics.py}.
 */
class MetricsReferenceTest {

    private static final double TOLERANCE = 1e-9;

    private static JsonNode expected() throws IOException {
        try (InputStream in = MetricsReferenceTest.class.getResourceAsStream("/reference/sklearn_metrics.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "binary_positive_zero", "binary_no_positive_predictions", "multiclass"})
    void classificationMetricsEqualScikitLearns(String name) throws IOException {
        Table predictions = TestTables.numericCsv("/reference/predictions_" + name + ".csv");
        JsonNode want = expected().get(name);
        int classes = predictions.columnCount() - 2;
        int n = predictions.rowCount();
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[][] probabilities = new double[n][classes];
        for (int i = 0; i < n; i++) {
            actual[i] = (int) predictions.numeric("actual").getDouble(i);
            predicted[i] = (int) predictions.numeric("predicted").getDouble(i);
            for (int c = 0; c < classes; c++) {
                probabilities[i][c] = predictions.numeric("p" + c).getDouble(i);
            }
        }
        Map<EvaluationMetric, Double> got = ClassificationMetrics.compute(classes, want.get("positive").asInt(), actual,
                predicted, probabilities);
        for (EvaluationMetric metric : EvaluationMetric.forTask(TaskType.CLASSIFICATION)) {
            assertEquals(want.get(metric.id()).asDouble(), got.get(metric), TOLERANCE, name + " " + metric.id());
        }
    }

    @Test
    void regressionMetricsEqualScikitLearns() throws IOException {
        Table predictions = TestTables.numericCsv("/reference/predictions_regression.csv");
        JsonNode want = expected().get("regression");
        Map<EvaluationMetric, Double> got = RegressionMetrics.compute(predictions.numeric("actual").toArray(),
                predictions.numeric("predicted").toArray());
        for (EvaluationMetric metric : EvaluationMetric.forTask(TaskType.REGRESSION)) {
            assertEquals(want.get(metric.id()).asDouble(), got.get(metric), TOLERANCE, metric.id());
        }
    }

    @Test
    void aucIsNotAvailableWithoutProbabilities() {
        Map<EvaluationMetric, Double> got = ClassificationMetrics.compute(2, 1, new int[] {0, 1, 1}, new int[] {0, 1, 0},
                new double[0][]);
        assertTrue(got.get(EvaluationMetric.AUC).isNaN());
        assertEquals(2.0 / 3, got.get(EvaluationMetric.ACCURACY), TOLERANCE);
        assertFalse(MetricSummary.of(List.of(got.get(EvaluationMetric.AUC))).available());
    }

    @Test
    void aucAveragesTiedScores() {
        // one positive and one negative share a score: half a correctly ordered pair
        double auc = ClassificationMetrics.auc(new int[] {0, 1, 0, 1}, 1, new double[] {0.1, 0.5, 0.5, 0.9});
        assertEquals(0.875, auc, TOLERANCE);
    }

    @Test
    void summaryUsesPopulationStandardDeviation() {
        MetricSummary s = MetricSummary.of(List.of(1.0, 2.0, 3.0, 4.0));
        assertEquals(2.5, s.mean(), TOLERANCE);
        assertEquals(Math.sqrt(1.25), s.std(), TOLERANCE);
    }
}
