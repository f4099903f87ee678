package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the evaluation tables and curves against scikit-learn 1.2.1 and numpy on the seeded inputs written by
 * {@code reference/evaluation/sklearn_evaluation.py} (ties in the scores, probabilities on the calibration bins'
 * edges, a single-class case), to 1e-12.
 */
class EvaluationReferenceTest {

    private static final double TOLERANCE = 1e-12;
    private static JsonNode cases;

    @BeforeAll
    static void readReference() throws IOException {
        try (InputStream in = EvaluationReferenceTest.class
                .getResourceAsStream("/reference/evaluation/sklearn_evaluation.json")) {
            cases = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void binaryCurvesWithTiedScoresMatchScikitLearn() {
        JsonNode expected = cases.get("binary").get("expected");
        ClassificationEvaluation e = evaluate(cases.get("binary").get("input"));
        assertTables(expected, e);
        assertEquals(1, e.rocCurves().size());
        RocCurve roc = e.rocCurves().get(0);
        assertEquals("1", roc.label());
        assertList(expected.at("/roc/fpr"), roc.fpr());
        assertList(expected.at("/roc/tpr"), roc.tpr());
        assertList(expected.at("/roc/thresholds"), roc.thresholds());
        assertEquals(expected.at("/roc/auc").asDouble(), roc.auc(), TOLERANCE);
        assertEquals(expected.get("roc_auc_score").asDouble(), roc.auc(), TOLERANCE);
        PrecisionRecallCurve pr = e.precisionRecall().orElseThrow();
        assertList(expected.at("/precision_recall/precision"), pr.precision());
        assertList(expected.at("/precision_recall/recall"), pr.recall());
        assertList(expected.at("/precision_recall/thresholds"), pr.thresholds());
        assertEquals(expected.get("average_precision").asDouble(), pr.averagePrecision(), TOLERANCE);
        CalibrationCurve calibration = e.calibration().orElseThrow();
        assertList(expected.at("/calibration/prob_true"), calibration.probTrue());
        assertList(expected.at("/calibration/prob_pred"), calibration.probPred());
        assertEquals(longs(expected.at("/calibration/counts")), calibration.counts());
        assertEquals(2, e.scoreHistograms().size());
        for (Histogram h : e.scoreHistograms()) {
            JsonNode hist = expected.get("score_histograms").get(h.label());
            assertEquals(longs(hist.get("counts")), h.counts(), h.label());
            assertList(hist.get("edges"), h.edges());
        }
    }

    @Test
    void scoresOnCalibrationBinEdgesFallIntoTheLowerBin() {
        JsonNode input = cases.get("binary").get("input");
        long onEdges = IntStream.range(0, input.get("actual").size())
                .mapToDouble(i -> input.get("probabilities").get(i).get(1).asDouble())
                .filter(p -> p == 0.1 || p == 0.2 || p == 0.3 || p == 0.5 || p == 0.7).count();
        assertTrue(onEdges > 0, "the reference data should test probabilities on the edges");
        JsonNode expected = cases.get("binary").get("expected");
        assertEquals(longs(expected.at("/calibration/counts")),
                evaluate(input).calibration().orElseThrow().counts());
    }

    @Test
    void multiclassOneVersusRestCurvesMatchScikitLearn() {
        JsonNode expected = cases.get("multiclass").get("expected");
        ClassificationEvaluation e = evaluate(cases.get("multiclass").get("input"));
        assertTables(expected, e);
        assertEquals(3, e.rocCurves().size());
        for (RocCurve roc : e.rocCurves()) {
            JsonNode r = expected.get("one_vs_rest_roc").get(roc.label());
            assertList(r.get("fpr"), roc.fpr());
            assertList(r.get("tpr"), roc.tpr());
            assertList(r.get("thresholds"), roc.thresholds());
            assertEquals(r.get("auc").asDouble(), roc.auc(), TOLERANCE);
        }
        assertTrue(e.precisionRecall().isEmpty());
        assertTrue(e.calibration().isEmpty());
        assertTrue(e.gains().isEmpty());
    }

    @Test
    void singleTrueClassGivesTablesAndNoCurvesWithoutFailing() {
        JsonNode expected = cases.get("one_class").get("expected");
        ClassificationEvaluation e = evaluate(cases.get("one_class").get("input"));
        assertTables(expected, e);
        assertTrue(e.rocCurves().isEmpty());
        assertTrue(e.precisionRecall().isEmpty());
        assertTrue(e.calibration().isEmpty());
        assertTrue(e.gains().isEmpty());
        assertEquals(1, e.scoreHistograms().size(), "only the class that occurs has a histogram");
    }

    @Test
    void regressionResidualsMatchNumpyAndScikitLearn() {
        JsonNode input = cases.get("regression").get("input");
        JsonNode expected = cases.get("regression").get("expected");
        RegressionEvaluation e = RegressionEvaluation.compute(doubles(input.get("actual")),
                doubles(input.get("predicted")));
        ResidualSummary s = e.residuals();
        assertEquals(input.get("actual").size(), s.rows());
        assertEquals(expected.get("mean").asDouble(), s.mean(), TOLERANCE);
        assertEquals(expected.get("std").asDouble(), s.std(), TOLERANCE);
        assertEquals(expected.get("min").asDouble(), s.min(), TOLERANCE);
        assertEquals(expected.get("q25").asDouble(), s.q25(), TOLERANCE);
        assertEquals(expected.get("median").asDouble(), s.median(), TOLERANCE);
        assertEquals(expected.get("q75").asDouble(), s.q75(), TOLERANCE);
        assertEquals(expected.get("max").asDouble(), s.max(), TOLERANCE);
        assertEquals(expected.get("mae").asDouble(), s.mae(), TOLERANCE);
        assertEquals(expected.get("rmse").asDouble(), s.rmse(), TOLERANCE);
        assertEquals(expected.get("r2").asDouble(), s.r2(), TOLERANCE);
        assertEquals(longs(expected.at("/histogram/counts")), e.residualHistogram().counts());
        assertList(expected.at("/histogram/edges"), e.residualHistogram().edges());
        assertEquals(s.rows(), e.sampleActual().size());
    }

    private static ClassificationEvaluation evaluate(JsonNode input) {
        int classes = input.get("classes").asInt();
        int[] actual = ints(input.get("actual"));
        int[] predicted = ints(input.get("predicted"));
        double[][] probabilities = new double[actual.length][];
        for (int i = 0; i < actual.length; i++) {
            probabilities[i] = doubles(input.get("probabilities").get(i));
        }
        List<String> labels = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return ClassificationEvaluation.compute(labels, 1, actual, predicted, probabilities);
    }

    private static void assertTables(JsonNode expected, ClassificationEvaluation e) {
        JsonNode matrix = expected.get("confusion_matrix");
        for (int a = 0; a < matrix.size(); a++) {
            assertEquals(longs(matrix.get(a)), e.confusionMatrix().get(a), "confusion row " + a);
        }
        JsonNode report = expected.get("classification_report");
        for (ClassReport line : e.classReport()) {
            assertReportLine(report.get(line.label()), line);
        }
        assertReportLine(report.get("macro avg"), e.macroAverage());
        assertReportLine(report.get("weighted avg"), e.weightedAverage());
        assertEquals(report.get("accuracy").asDouble(), e.accuracy(), TOLERANCE);
        assertFalse(e.classReport().isEmpty());
    }

    private static void assertReportLine(JsonNode expected, ClassReport line) {
        assertEquals(expected.get("precision").asDouble(), line.precision(), TOLERANCE, line.label());
        assertEquals(expected.get("recall").asDouble(), line.recall(), TOLERANCE, line.label());
        assertEquals(expected.get("f1-score").asDouble(), line.f1(), TOLERANCE, line.label());
        assertEquals(expected.get("support").asLong(), line.support(), line.label());
    }

    private static void assertList(JsonNode expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size(), "length");
        for (int i = 0; i < actual.size(); i++) {
            assertEquals(expected.get(i).asDouble(), actual.get(i), TOLERANCE, "at " + i);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
