package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.Regressor;

/** XGBoost predictions through {@link XGBoostScoring} are Tribuo's own, alone, in batches and from many threads. */
class XGBoostScoringTest {

    private static TrainedModel classifier;
    private static TrainedModel regressor;

    @BeforeAll
    static void train() {
        classifier = ModelingSetup.builder(TestTables.leads(600, 11), "converted").folds(2).seed(3).build()
                .createModel("xgboost", Map.of("n_trees", 20)).model();
        regressor = ModelingSetup.builder(regressionTable(400), "y").folds(2).seed(3).build()
                .createModel("xgboost", Map.of("n_trees", 20)).model();
    }

    @Test
    void classificationMatchesTribuosOwnPredictNumberForNumber() {
        List<Example<Label>> examples = examples(classifier, TestTables.leads(300, 5).drop("converted"),
                TribuoData.unknownLabel());
        assertSamePredictions(tribuo(classifier, Label.class).predict(examples),
                XGBoostScoring.of(tribuo(classifier, Label.class)).predict(examples, TribuoData.unknownLabel()));
    }

    @Test
    void regressionMatchesTribuosOwnPredictNumberForNumber() {
        List<Example<Regressor>> examples = examples(regressor, regressionTable(200).drop("y"),
                TribuoData.unknownRegressor());
        assertSamePredictions(tribuo(regressor, Regressor.class).predict(examples),
                XGBoostScoring.of(tribuo(regressor, Regressor.class)).predict(examples,
                        TribuoData.unknownRegressor()));
    }

    @Test
    void singleRowsFromEightThreadsGetTheBatchsPredictions() throws Exception {
        Table input = TestTables.leads(400, 8).drop("converted");
        Predictions batch = classifier.predictor().predict(input);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Predictions>> singles = new ArrayList<>();
            for (int row = 0; row < input.rowCount(); row++) {
                Table one = input.take(new int[] {row});
                singles.add(pool.submit(() -> classifier.predictor().predict(one)));
            }
            for (int row = 0; row < input.rowCount(); row++) {
                PredictedRow single = singles.get(row).get().get(0);
                assertEquals(batch.get(row).label(), single.label(), "row " + row);
                assertEquals(batch.get(row).probabilities(), single.probabilities(), "row " + row);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEmptyBatchHasNoPredictions() {
        assertTrue(XGBoostScoring.of(tribuo(classifier, Label.class)).predict(List.of(), TribuoData.unknownLabel())
                .isEmpty());
    }

    private static <T extends Output<T>> void assertSamePredictions(List<Prediction<T>> expected,
            List<Prediction<T>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).getOutput().toString(), actual.get(i).getOutput().toString(), "row " + i);
            assertEquals(expected.get(i).getOutputScores().toString(), actual.get(i).getOutputScores().toString(),
                    "row " + i);
        }
    }

    private static <T extends Output<T>> List<Example<T>> examples(TrainedModel model, Table input, T unknown) {
        EncodedRows encoded = model.encoder().encode(input, model.scaling());
        List<Example<T>> examples = new ArrayList<>();
        for (int i = 0; i < encoded.size(); i++) {
            examples.add(TribuoData.example(encoded, i, unknown));
        }
        return examples;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Output<T>> XGBoostModel<T> tribuo(TrainedModel model, Class<T> output) {
        Model<?> tribuo = model.tribuoModel();
        assertTrue(tribuo instanceof XGBoostModel, tribuo.getClass().getName());
        return (XGBoostModel<T>) tribuo;
    }

    private static Table regressionTable(int n) {
        NumericColumn.Builder x = NumericColumn.builder("x", n);
        NumericColumn.Builder z = NumericColumn.builder("z", n);
        NumericColumn.Builder y = NumericColumn.builder("y", n);
        Random random = new Random(n);
        for (int i = 0; i < n; i++) {
            double a = random.nextDouble() * 10;
            double b = random.nextGaussian();
            x.add(a);
            z.add(b);
            y.add(3 * a - 2 * b + random.nextGaussian() * 0.5);
        }
        return Table.of(x.build(), z.build(), y.build());
    }
}
