package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/** Evaluations of real trained models: what is present for each kind of model, and how it is derived. */
class ModelEvaluationTest {

    private static ModelingSetup leads;
    private static TrainedModel logistic;
    private static ModelEvaluation evaluation;

    @BeforeAll
    static void trainLogisticRegression() {
        leads = ModelingSetup.builder(TestTables.leads(900, 11), "converted").folds(2).seed(3)
                .positiveLabel("yes").build();
        logistic = leads.createModel("lr").model();
        evaluation = leads.evaluation(logistic);
    }

    @Test
    void binaryEvaluationScoresTheHoldoutOnceForMetricsAndCurves() {
        Table holdout = leads.holdoutRows();
        assertEquals(holdout.rowCount(), evaluation.rows());
        assertEquals(logistic.evaluate(holdout), evaluation.metrics());
        ClassificationEvaluation c = evaluation.classification().orElseThrow();
        assertEquals(Map.of(), evaluation.regression().map(r -> Map.of("r", r)).orElse(Map.of()));
        assertEquals(List.of("no", "yes"), c.labels());
        assertEquals("yes", c.positiveLabel().orElseThrow());
        long cells = c.confusionMatrix().stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
        assertEquals(holdout.rowCount(), cells);
        assertEquals(evaluation.metrics().get(EvaluationMetric.ACCURACY), c.accuracy(), 1e-15);
        assertEquals(evaluation.metrics().get(EvaluationMetric.RECALL), c.classReport().get(1).recall(), 1e-15);
        RocCurve roc = c.rocCurves().get(0);
        assertEquals("yes", roc.label());
        assertEquals(evaluation.metrics().get(EvaluationMetric.AUC), roc.auc(), 1e-12, "trapezoid area = rank-sum AUC");
        assertTrue(c.precisionRecall().isPresent());
        assertEquals(holdout.rowCount(), c.calibration().orElseThrow().counts().stream().mapToLong(Long::longValue)
                .sum());
        assertEquals(holdout.rowCount(), c.scoreHistograms().stream().flatMap(h -> h.counts().stream())
                .mapToLong(Long::longValue).sum());
        GainsDecile last = c.gains().get(c.gains().size() - 1);
        assertEquals(10, c.gains().size());
        assertEquals(1.0, last.cumulativeGain(), 1e-15);
        assertEquals(1.0, last.cumulativeLift(), 1e-15);
        assertTrue(c.gains().get(0).lift() > 1, "a useful model finds more positives in its top decile");
    }

    @Test
    void featureImportancesAreMappedBackToInputColumnsKeepingEncodedNames() {
        List<FeatureImportance> importances = evaluation.featureImportance();
        assertEquals(List.of("city", "income", "visits"),
                importances.stream().map(FeatureImportance::inputColumn).sorted().toList());
        FeatureImportance city = importances.stream().filter(f -> f.inputColumn().equals("city")).findFirst()
                .orElseThrow();
        assertTrue(city.encodedFeatures().containsKey("city=paris"), city.encodedFeatures().toString());
        assertEquals(city.encodedFeatures().values().stream().mapToDouble(Double::doubleValue).sum(),
                city.importance(), 1e-12);
        for (int i = 1; i < importances.size(); i++) {
            assertTrue(importances.get(i - 1).importance() >= importances.get(i).importance());
        }
    }

    @Test
    void treesGiveSplitCountsPerColumnAndNaiveBayesGivesNoImportances() {
        List<FeatureImportance> tree = leads.evaluation(leads.createModel("dt").model()).featureImportance();
        assertFalse(tree.isEmpty());
        tree.forEach(f -> assertTrue(List.of("visits", "income", "city").contains(f.inputColumn()), f.toString()));
        tree.forEach(f -> f.encodedFeatures().values().forEach(v -> assertEquals(Math.rint(v), v, 0.0,
                "a single tree's importances are split counts")));
        assertEquals(List.of(), leads.evaluation(leads.createModel("nb").model()).featureImportance());
    }

    @Test
    void modelWithoutProbabilitiesHasItsConfusionMatrixButNoCurves() {
        TrainedModel svm = leads.createModel("svm").model();
        assertFalse(svm.probabilistic());
        ClassificationEvaluation c = leads.evaluation(svm).classification().orElseThrow();
        assertEquals(leads.holdoutRows().rowCount(),
                c.confusionMatrix().stream().flatMap(List::stream).mapToLong(Long::longValue).sum());
        assertTrue(c.rocCurves().isEmpty());
        assertTrue(c.precisionRecall().isEmpty());
        assertTrue(c.calibration().isEmpty());
        assertTrue(c.scoreHistograms().isEmpty());
        assertTrue(c.gains().isEmpty());
    }

    @Test
    void multiclassModelGetsOneVersusRestRocCurvePerClass() {
        Random random = new Random(5);
        int n = 450;
        NumericColumn.Builder x = NumericColumn.builder("x", n);
        NumericColumn.Builder y = NumericColumn.builder("y", n);
        CategoricalColumn.Builder species = CategoricalColumn.builder("species", n);
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            x.add(k * 1.5 + random.nextGaussian());
            y.add((k == 2 ? 1.5 : 0) + random.nextGaussian());
            species.add(names[k]);
        }
        ModelingSetup setup = ModelingSetup.builder(Table.of(x.build(), y.build(), species.build()), "species")
                .folds(2).seed(1).build();
        ModelEvaluation e = setup.evaluation(setup.createModel("lr").model());
        ClassificationEvaluation c = e.classification().orElseThrow();
        assertEquals(List.of("a", "b", "c"), c.rocCurves().stream().map(RocCurve::label).toList());
        c.rocCurves().forEach(r -> assertTrue(r.auc() > 0.6, r.label() + " " + r.auc()));
        assertTrue(c.positiveLabel().isEmpty());
        assertTrue(c.precisionRecall().isEmpty());
        assertEquals(3, c.confusionMatrix().size());
    }

    @Test
    void regressionKeepsStatisticsOnAllRowsAndPlotsAnEvenSampleOfAtMost2000() {
        Random random = new Random(8);
        int n = 2_500;
        NumericColumn.Builder x = NumericColumn.builder("x", n);
        NumericColumn.Builder target = NumericColumn.builder("y", n);
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double v = random.nextGaussian();
            ys[i] = 3 * v + 0.5 * random.nextGaussian();
            x.add(v);
            target.add(ys[i]);
        }
        Table table = Table.of(x.build(), target.build());
        ModelingSetup setup = ModelingSetup.builder(table, "y").task(TaskType.REGRESSION).folds(2).seed(1).build();
        ModelEvaluation e = ModelEvaluation.of(setup.createModel("lr").model(), table);
        RegressionEvaluation r = e.regression().orElseThrow();
        assertTrue(e.classification().isEmpty());
        assertEquals(n, r.residuals().rows());
        assertEquals(RegressionEvaluation.MAX_PLOT_POINTS, r.sampleActual().size());
        assertEquals(ys[1999 * n / 2000], r.sampleActual().get(1999), 0.0);
        assertEquals(ys[1], r.sampleActual().get(1), 0.0, "row floor(1 * 2500 / 2000) = 1");
        assertEquals(ys[2], r.sampleActual().get(2), 0.0, "row floor(2 * 2500 / 2000) = 2");
        assertEquals(ys[3], r.sampleActual().get(3), 0.0, "row floor(3 * 2500 / 2000) = 3");
        assertEquals(ys[5], r.sampleActual().get(4), 0.0, "row floor(4 * 2500 / 2000) = 5");
        assertEquals(e.metrics().get(EvaluationMetric.RMSE), r.residuals().rmse(), 1e-9);
        assertEquals(e.metrics().get(EvaluationMetric.R2), r.residuals().r2(), 1e-9);
        assertEquals(n, r.residualHistogram().counts().stream().mapToLong(Long::longValue).sum());
        assertTrue(r.residuals().r2() > 0.9);
    }

    @Test
    void gainsFollowTheDocumentedDecileDefinition() {
        // 20 rows, scores 0.95, 0.90, ..., 0.00; positives at the ranks 1, 2, 3, 5, 8 and 20
        int n = 20;
        int[] actual = new int[n];
        double[][] probabilities = new double[n][];
        for (int rank = 0; rank < n; rank++) {
            double p = (n - 1 - rank) * 0.05;
            probabilities[rank] = new double[] {1 - p, p};
            actual[rank] = List.of(0, 1, 2, 4, 7, 19).contains(rank) ? 1 : 0;
        }
        List<GainsDecile> gains = ClassificationEvaluation.compute(List.of("n", "p"), 1, actual, new int[n],
                probabilities).gains();
        assertEquals(10, gains.size());
        GainsDecile first = gains.get(0);
        assertEquals(2, first.rows());
        assertEquals(2, first.positives());
        assertEquals(2.0 / 6, first.cumulativeGain(), 1e-15);
        assertEquals((2.0 / 2) / (6.0 / 20), first.lift(), 1e-12);
        GainsDecile second = gains.get(1);
        assertEquals(1, second.positives());
        assertEquals(3.0 / 6, second.cumulativeGain(), 1e-15);
        assertEquals((3.0 / 6) / (4.0 / 20), second.cumulativeLift(), 1e-12);
        assertEquals(0.85, second.maxScore(), 1e-12);
        assertEquals(0.80, second.minScore(), 1e-12);
        assertEquals(1.0, gains.get(9).cumulativeGain(), 1e-15);
    }

    @Test
    void jsonFollowsTheDocumentedShape() throws Exception {
        JsonNode json = new ObjectMapper().readTree(evaluation.toJson());
        assertEquals("mlops4j.model-evaluation/1", json.get("format").asText());
        assertEquals("classification", json.get("task").asText());
        assertEquals(evaluation.rows(), json.get("rows").asInt());
        assertEquals(evaluation.metrics().get(EvaluationMetric.AUC), json.at("/metrics/auc").asDouble(), 0.0);
        JsonNode c = json.get("classification");
        assertEquals("yes", c.get("positive_label").asText());
        assertEquals(2, c.get("confusion_matrix").size());
        JsonNode roc = c.get("roc_curves").get(0);
        assertEquals(roc.get("fpr").size(), roc.get("thresholds").size());
        assertEquals(c.at("/precision_recall/precision").size(),
                c.at("/precision_recall/thresholds").size() + 1);
        assertTrue(c.at("/calibration/prob_true").size() > 0);
        assertEquals(10, c.get("gains").size());
        assertTrue(json.get("feature_importance").get(0).has("encoded_features"));
        assertTrue(json.path("regression").isMissingNode());
    }

    @Test
    void setupWithoutTestRowsRefusesAHoldoutEvaluation() {
        ModelingSetup all = ModelingSetup.builder(TestTables.leads(200, 4), "converted").trainFraction(1.0)
                .folds(2).build();
        TrainedModel model = all.createModel("nb").model();
        MlopsException e = assertThrows(MlopsException.class, () -> all.evaluation(model));
        assertTrue(e.getMessage().contains("ModelEvaluation.of"), e.getMessage());
    }
}
