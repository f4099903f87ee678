package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

class ModelingSetupTest {

    private static ModelingSetup cancer;

    @BeforeAll
    static void setUp() {
        cancer = ModelingSetup.builder(TestTables.breastCancer(), "target").folds(3).seed(7).parallelism(2).build();
    }

    @Test
    void splitsSeventyThirtyStratifiedAndAssignsEveryTrainingRowAFold() {
        assertEquals(TaskType.CLASSIFICATION, cancer.task());
        assertEquals(List.of("0", "1"), cancer.classLabels());
        assertEquals("1", cancer.positiveLabel().orElseThrow());
        assertEquals(569, cancer.trainingRows().rowCount() + cancer.holdoutRows().rowCount());
        assertEquals(398, cancer.trainingRows().rowCount()); // round(0.7 * 212) + round(0.7 * 357)
        assertEquals(cancer.trainingRows().rowCount(), cancer.foldAssignment().length);
        double trainShare = cancer.trainingRows().numeric("target").sum() / cancer.trainingRows().rowCount();
        double testShare = cancer.holdoutRows().numeric("target").sum() / cancer.holdoutRows().rowCount();
        assertEquals(trainShare, testShare, 0.01);
    }

    @Test
    void comparesFamiliesSortedByAucWithAucNotAvailableForModelsWithoutProbabilities() {
        List<String> events = new ArrayList<>();
        ModelingSetup setup = ModelingSetup.builder(TestTables.breastCancer(), "target").folds(3).seed(7)
                .listener(new ModelingListener() {
                    @Override
                    public void onCandidateStart(String id, ModelFamily family, Map<String, Object> params,
                            int folds) {
                        events.add("start " + id);
                    }

                    @Override
                    public void onFoldDone(FoldResult result) {
                        events.add("fold " + result.candidateId());
                    }

                    @Override
                    public void onCandidateEnd(LeaderboardEntry entry) {
                        events.add("end " + entry.candidateId());
                    }
                }).build();
        Leaderboard board = setup.compareModels(CompareOptions.defaults().include("dummy", "dt", "lr", "nb"));

        List<LeaderboardEntry> entries = board.entries();
        assertEquals(4, entries.size());
        for (int i = 0; i < 2; i++) {
            assertTrue(entries.get(i).metric(EvaluationMetric.AUC).mean() >= entries.get(i + 1).metric(EvaluationMetric.AUC).mean());
        }
        LeaderboardEntry dummy = entries.get(3);
        assertEquals("dummy", dummy.family(), "the model without probabilities comes last");
        assertEquals(CandidateStatus.COMPLETED, dummy.status());
        assertFalse(dummy.metric(EvaluationMetric.AUC).available());
        assertEquals(0.0, dummy.metric(EvaluationMetric.KAPPA).mean());
        LeaderboardEntry tree = board.entry("dt").orElseThrow();
        assertTrue(tree.metric(EvaluationMetric.AUC).available(), "a tree's leaf frequencies rank rows");
        assertTrue(tree.metric(EvaluationMetric.ACCURACY).mean() > 0.85);
        LeaderboardEntry lr = board.best().orElseThrow();
        assertEquals("lr", lr.family());
        assertTrue(lr.metric(EvaluationMetric.AUC).mean() > 0.98, lr.summaryLine());
        assertEquals(3, lr.metric(EvaluationMetric.AUC).folds().size());
        assertEquals(lr.folds().stream().mapToDouble(f -> f.metrics().get(EvaluationMetric.F1)).average().orElseThrow(),
                lr.metric(EvaluationMetric.F1).mean(), 1e-12);
        assertEquals(List.of("start dummy", "fold dummy", "fold dummy", "fold dummy", "end dummy"),
                events.subList(0, 5));
        assertEquals(20, events.size());
    }

    @Test
    void leaderboardRendersAsJsonAndAsText() throws Exception {
        Leaderboard board = cancer.compareModels(CompareOptions.defaults().include("svm", "lr").sortBy(EvaluationMetric.F1));
        JsonNode json = new ObjectMapper().readTree(board.toJson());
        assertEquals("f1", json.get("sortMetric").asText());
        assertEquals(2, json.get("entries").size());
        JsonNode svm = json.get("entries").get(0).get("family").asText().equals("svm") ? json.get("entries").get(0)
                : json.get("entries").get(1);
        assertTrue(svm.get("metrics").get("auc").get("mean").isNull());
        assertEquals(3, svm.get("metrics").get("accuracy").get("folds").size());
        String text = board.toText();
        assertTrue(text.contains("Logistic Regression"), text);
        assertTrue(text.contains("n/a"), text);
        assertTrue(text.contains("sorted by F1"), text);
    }

    @Test
    void timeBudgetReturnsThePartialLeaderboardWithUnfinishedCandidatesListed() {
        Duration budget = Duration.ofSeconds(2);
        ModelingListener outlastsTheBudget = new ModelingListener() { // the first candidate ends after the budget
            @Override
            public void onCandidateEnd(LeaderboardEntry entry) {
                LockSupport.parkNanos(budget.plusMillis(500).toNanos());
            }
        };
        ModelingSetup setup = ModelingSetup.builder(TestTables.breastCancer(), "target").folds(3).seed(7)
                .parallelism(2).listener(outlastsTheBudget).build();
        Leaderboard board = setup.compareModels(CompareOptions.defaults().include("dummy", "rf", "et")
                .timeBudget(budget));
        assertEquals(3, board.entries().size());
        assertEquals(List.of("rf", "et"), board.notFinished().stream().map(LeaderboardEntry::family).toList(),
                board.toText());
        assertTrue(board.notFinished().stream().allMatch(e -> e.message().isPresent()));
        assertTrue(board.toText().contains("not finished"), board.toText());
    }

    @Test
    void tribuosOwnTreesAreLeftOutOfAComparisonUnlessTurboIsOffOrTheyAreNamed() {
        List<String> slow = cancer.families().stream().filter(f -> !f.turbo()).map(ModelFamily::key).toList();
        assertEquals(List.of("tribuo_dt", "tribuo_rf", "tribuo_et"), slow);
        CompareOptions small = CompareOptions.defaults().exclude("lr", "sgd_lr", "svm", "liblinear", "dt", "rf", "et",
                "xgboost", "nb", "mnb", "knn", "fm");
        assertEquals(List.of("dummy"), families(cancer.compareModels(small)));
        Leaderboard all = cancer.compareModels(small.turbo(false)
                .withParams("tribuo_rf", Map.of("n_trees", 10)).withParams("tribuo_et", Map.of("n_trees", 10)));
        assertEquals(List.of("dummy", "tribuo_dt", "tribuo_et", "tribuo_rf"), families(all), all.toText());
        for (String key : slow) {
            LeaderboardEntry entry = all.entry(key).orElseThrow();
            assertEquals(CandidateStatus.COMPLETED, entry.status(), entry.summaryLine());
            assertTrue(entry.metric(EvaluationMetric.AUC).mean() > 0.9, entry.summaryLine());
        }
        TrainedModel forest = cancer.createModel("tribuo_rf", Map.of("n_trees", 10)).model();
        assertEquals(org.tribuo.common.tree.RandomForestTrainer.class.getName(),
                forest.tribuoModel().getProvenance().getTrainerProvenance().getClassName());
        assertEquals(List.of("tribuo_dt"), families(cancer.compareModels(CompareOptions.defaults()
                .include("tribuo_dt"))), "a named family runs with turbo on");
    }

    private static List<String> families(Leaderboard board) {
        return board.entries().stream().map(LeaderboardEntry::family).sorted().toList();
    }

    @Test
    void comparesAFamilyWithChangedParametersAndRejectsUnknownOnes() {
        Leaderboard board = cancer.compareModels(CompareOptions.defaults().include("rf")
                .withParams("rf", Map.of("n_trees", 7, "max_depth", 3)));
        LeaderboardEntry rf = board.entries().get(0);
        assertEquals(CandidateStatus.COMPLETED, rf.status(), rf.summaryLine());
        assertEquals(7, rf.params().get("n_trees"));
        assertEquals("sqrt", rf.params().get("max_features"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> cancer.compareModels(
                CompareOptions.defaults().include("rf").withParams("rf", Map.of("trees", 7))));
        assertTrue(e.getMessage().contains("n_trees"), e.getMessage());
    }

    @Test
    void xgboostRunsWhereItsNativeLibraryLoads() {
        Leaderboard board = cancer.compareModels(CompareOptions.defaults().include("xgboost"));
        LeaderboardEntry xgb = board.entries().get(0);
        // on this platform the native library is present; elsewhere the entry must say why it is unavailable
        if (xgb.status() == CandidateStatus.UNAVAILABLE) {
            assertTrue(xgb.message().orElseThrow().contains("libgomp"));
        } else {
            assertEquals(CandidateStatus.COMPLETED, xgb.status(), xgb.summaryLine());
            assertTrue(xgb.metric(EvaluationMetric.AUC).mean() > 0.95);
        }
    }

    @Test
    void createModelTrainsOnTheTrainingRowsAndScoresTheHoldout() {
        ModelResult result = cancer.createModel("lr", Map.of("C", 0.5));
        assertEquals(0.5, result.crossValidation().params().get("C"));
        assertEquals(398, Integer.parseInt(result.model().provenance().get("dataset.examples")));
        assertTrue(result.holdout().get(EvaluationMetric.AUC) > 0.95);
        assertEquals(result.holdout().get(EvaluationMetric.AUC), result.model().metrics().get("holdout_auc"));
        assertTrue(result.model().metrics().containsKey("cv_auc_mean"));
    }

    @Test
    void tuningKeepsTheDefaultsAsATrialAndReturnsTheBestByTheMetric() {
        TuningResult tuned = cancer.tuneModel("dt", 3, EvaluationMetric.ACCURACY);
        assertEquals(4, tuned.trials().size());
        assertTrue(tuned.trials().stream().anyMatch(t -> t.candidateId().equals("dt#0")));
        double best = tuned.trials().stream().mapToDouble(t -> t.metric(EvaluationMetric.ACCURACY).mean()).max().orElseThrow();
        assertEquals(best, tuned.best().metric(EvaluationMetric.ACCURACY).mean());
        assertEquals(tuned.best().params(), tuned.model().model().params());
        assertThrows(ConfigurationException.class, () -> cancer.tuneModel("knn", 1, EvaluationMetric.AUC));
    }

    @Test
    void finalizeRefitsOnEveryRow() {
        ModelResult result = cancer.createModel("nb");
        TrainedModel model = cancer.finalizeModel(result);
        assertEquals(569, Integer.parseInt(model.provenance().get("dataset.examples")));
        assertEquals(result.model().metrics(), model.metrics());
    }

    @Test
    void textLabelsKeepTheirCaseAndYesIsPositive() {
        ModelingSetup setup = ModelingSetup.builder(TestTables.leads(400, 3), "converted").folds(3).build();
        assertEquals(List.of("no", "yes"), setup.classLabels());
        assertEquals("yes", setup.positiveLabel().orElseThrow());
        ModelResult result = setup.createModel("lr");
        assertTrue(result.holdout().get(EvaluationMetric.AUC) > 0.6, result.holdout().toString());
        assertTrue(result.model().predictor().predict(setup.holdoutRows()).rows().stream()
                .allMatch(r -> r.label().orElseThrow().equals("yes") || r.label().orElseThrow().equals("no")));
    }

    @Test
    void classWeightingRaisesMinorityRecall() {
        int n = 900;
        NumericColumn.Builder x = NumericColumn.builder("x", n);
        org.mlops4j.core.data.CategoricalColumn.Builder label =
                org.mlops4j.core.data.CategoricalColumn.builder("label", n);
        java.util.Random random = new java.util.Random(2);
        for (int i = 0; i < n; i++) {
            double v = random.nextGaussian();
            x.add(v);
            label.add(v + random.nextGaussian() > 2.0 ? "rare" : "common"); // about 8 % rare, overlapping
        }
        Table imbalanced = Table.of(x.build(), label.build());
        ModelingSetup plain = ModelingSetup.builder(imbalanced, "label").folds(3).positiveLabel("rare").build();
        ModelingSetup weighted = ModelingSetup.builder(imbalanced, "label").folds(3).positiveLabel("rare")
                .preprocessing(PreprocessingOptions.defaults().withClassWeighting(true)).build();
        double before = plain.createModel("lr").crossValidation().metric(EvaluationMetric.RECALL).mean();
        double after = weighted.createModel("lr").crossValidation().metric(EvaluationMetric.RECALL).mean();
        assertTrue(after > before + 0.2, "recall of the rare class: " + before + " unweighted, " + after + " weighted");
    }

    @Test
    void regressionComparesWithRmseMaeAndR2() {
        int n = 300;
        NumericColumn.Builder x = NumericColumn.builder("x", n);
        NumericColumn.Builder z = NumericColumn.builder("z", n);
        NumericColumn.Builder y = NumericColumn.builder("y", n);
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            double a = random.nextDouble() * 10;
            double b = random.nextGaussian();
            x.add(a);
            z.add(b);
            y.add(3 * a - 2 * b + random.nextGaussian() * 0.5 + 0.123);
        }
        ModelingSetup setup = ModelingSetup.builder(Table.of(x.build(), z.build(), y.build()), "y").folds(3).build();
        assertEquals(TaskType.REGRESSION, setup.task());
        Leaderboard board = setup.compareModels(CompareOptions.defaults().include("lr", "dt", "dummy"));
        assertEquals(EvaluationMetric.R2, board.sortMetric());
        assertEquals("lr", board.best().orElseThrow().family(), board.toText());
        assertTrue(board.best().orElseThrow().metric(EvaluationMetric.R2).mean() > 0.95);
        LeaderboardEntry dummy = board.entry("dummy").orElseThrow();
        assertTrue(Math.abs(dummy.metric(EvaluationMetric.R2).mean()) < 0.05, board.toText());
        assertTrue(dummy.metric(EvaluationMetric.RMSE).mean() > board.best().orElseThrow().metric(EvaluationMetric.RMSE).mean());
        assertThrows(ConfigurationException.class,
                () -> setup.compareModels(CompareOptions.defaults().sortBy(EvaluationMetric.AUC)));
    }

    @Test
    void regressionLrTunesTheRidgePenaltyAndSgdLrKeepsTribuosSgd() {
        int n = 200;
        NumericColumn.Builder x = NumericColumn.builder("x", n);
        NumericColumn.Builder y = NumericColumn.builder("y", n);
        java.util.Random random = new java.util.Random(2);
        for (int i = 0; i < n; i++) {
            double a = random.nextDouble() * 10;
            x.add(a);
            y.add(1.5 * a + random.nextGaussian());
        }
        ModelingSetup setup = ModelingSetup.builder(Table.of(x.build(), y.build()), "y").folds(3).build();
        assertEquals(Map.of("alpha", 0.0), setup.family("lr").defaults());
        TuningResult tuned = setup.tuneModel("lr", 3, EvaluationMetric.R2);
        assertEquals(4, tuned.trials().size());
        for (LeaderboardEntry trial : tuned.trials()) {
            double alpha = ((Number) trial.params().get("alpha")).doubleValue();
            assertTrue(trial.candidateId().equals("lr#0") ? alpha == 0.0 : alpha >= 1e-4 && alpha <= 100.0,
                    trial.candidateId() + " " + alpha);
        }
        TrainedModel sgd = setup.createModel("sgd_lr", Map.of("epochs", 10)).model();
        assertEquals(org.tribuo.regression.sgd.linear.LinearSGDTrainer.class.getName(),
                sgd.tribuoModel().getProvenance().getTrainerProvenance().getClassName());
        assertThrows(ConfigurationException.class, () -> setup.createModel("lr", Map.of("epochs", 10)));
    }

    @Test
    void rejectsUnknownFamiliesAndMissingTargets() {
        ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> cancer.createModel("gbm"));
        assertTrue(unknown.getMessage().contains("xgboost"), unknown.getMessage());
        Table withGap = Table.of(NumericColumn.of("x", 1, 2, 3), NumericColumn.ofNullable("y", 1.0, null, 0.0));
        DataException missing = assertThrows(DataException.class,
                () -> ModelingSetup.builder(withGap, "y").folds(2).build());
        assertEquals(2, missing.line());
    }

    @Test
    void saysAnEmptyTableHasNoRowsRatherThanThatItsTargetHasNoClasses() {
        Table empty = Table.of(NumericColumn.of("x"), org.mlops4j.core.data.CategoricalColumn.of("y"));
        DataException e = assertThrows(DataException.class, () -> ModelingSetup.builder(empty, "y").build());
        assertTrue(e.getMessage().startsWith("The table given to ModelingSetup has 0 rows (columns [x, y])"),
                e.getMessage());
    }
}
