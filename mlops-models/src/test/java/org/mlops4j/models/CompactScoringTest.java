package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.internal.linear.LogisticRegressionTrainer;
import org.mlops4j.models.internal.tree.TreeTrainer;

/**
 * The tree families and lr score validation rows through their compact form exactly as through their Tribuo model (the
 * path cross-validation takes against the one every other family takes), from encoded rows with missing values,
 * one-hot levels and class weights.
 */
class CompactScoringTest {

    @ParameterizedTest
    @ValueSource(strings = {"dt", "rf", "et", "lr"})
    void classificationFamiliesScoreAlikeThroughTheCompactFormAndThroughTribuo(String key) {
        Table all = TestTables.leads(600, 3);
        Table train = all.take(range(0, 400));
        Table valid = all.take(range(400, 600));
        TargetSpec target = new TargetSpec("converted", TaskType.CLASSIFICATION, List.of("no", "yes"), 1);
        ModelFamily family = FamilyCatalog.family(TaskType.CLASSIFICATION, key);
        boolean forest = key.equals("rf") || key.equals("et");
        Map<String, Object> params = family.withDefaults(forest ? Map.of("n_trees", 25) : Map.of());
        Class<?> trainer = key.equals("lr") ? LogisticRegressionTrainer.class : TreeTrainer.class;
        assertInstanceOf(trainer, FamilyCatalog.trainer(family, params,
                new FamilyCatalog.TrainingContext(5, 1, Map.of())));
        ModelFitter.Fitted fitted = ModelFitter.fit(train, target, List.of("visits", "income", "city"), family,
                params, PreprocessingOptions.defaults().withClassWeighting(true), 11);
        assertTrue(fitted.compact().isPresent());
        ModelScorer.Scored compact = ModelScorer.predict(fitted.model(), fitted.compact(), fitted.encoder(),
                family.scaling(), target, valid);
        ModelScorer.Scored tribuo = ModelScorer.predict(fitted.model(), Optional.empty(), fitted.encoder(),
                family.scaling(), target, valid);
        assertArrayEquals(tribuo.actualClass(), compact.actualClass());
        assertArrayEquals(tribuo.predictedClass(), compact.predictedClass());
        for (int i = 0; i < valid.rowCount(); i++) {
            assertArrayEquals(tribuo.probabilities()[i], compact.probabilities()[i], 1e-12, "row " + i);
        }
        assertEquals(ModelScorer.metrics(tribuo, target), ModelScorer.metrics(compact, target));
    }

    @Test
    void multinomialLogisticRegressionScoresAlikeThroughTheCompactFormAndThroughTribuo() {
        int n = 400;
        NumericColumn.Builder x = NumericColumn.builder("x", n);
        CategoricalColumn.Builder city = CategoricalColumn.builder("city", n);
        CategoricalColumn.Builder kind = CategoricalColumn.builder("kind", n);
        Random random = new Random(8);
        String[] cities = {"north", "south", "east", "west"};
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            int c = random.nextInt(cities.length);
            if (i % 31 == 0) {
                x.addNull();
            } else {
                x.add(a);
            }
            city.add(cities[c]);
            double score = a + 0.7 * c + 0.8 * random.nextGaussian();
            kind.add(score < 0.5 ? "low" : score < 1.8 ? "mid" : "high");
        }
        Table all = Table.of(x.build(), city.build(), kind.build());
        TargetSpec target = new TargetSpec("kind", TaskType.CLASSIFICATION, List.of("high", "low", "mid"), 0);
        ModelFamily family = FamilyCatalog.family(TaskType.CLASSIFICATION, "lr");
        ModelFitter.Fitted fitted = ModelFitter.fit(all.take(range(0, 300)), target, List.of("x", "city"), family,
                family.withDefaults(Map.of()), PreprocessingOptions.defaults().withClassWeighting(true), 3);
        Table valid = all.take(range(300, 400));
        ModelScorer.Scored compact = ModelScorer.predict(fitted.model(), fitted.compact(), fitted.encoder(),
                family.scaling(), target, valid);
        ModelScorer.Scored tribuo = ModelScorer.predict(fitted.model(), Optional.empty(), fitted.encoder(),
                family.scaling(), target, valid);
        assertArrayEquals(tribuo.predictedClass(), compact.predictedClass());
        for (int i = 0; i < valid.rowCount(); i++) {
            assertArrayEquals(tribuo.probabilities()[i], compact.probabilities()[i], 1e-12, "row " + i);
        }
        assertTrue(ModelScorer.metrics(compact, target).get(EvaluationMetric.ACCURACY) > 0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dt", "rf", "lr"})
    void regressionFamiliesScoreAlikeThroughTheCompactFormAndThroughTribuo(String key) {
        int n = 300;
        NumericColumn.Builder x = NumericColumn.builder("x", n);
        NumericColumn.Builder z = NumericColumn.builder("z", n);
        NumericColumn.Builder y = NumericColumn.builder("y", n);
        Random random = new Random(4);
        for (int i = 0; i < n; i++) {
            double a = random.nextDouble() * 10;
            double b = random.nextInt(7) - 3;
            if (i % 23 == 0) {
                x.addNull();
            } else {
                x.add(a);
            }
            z.add(b);
            y.add(3 * a - 2 * b * b + random.nextGaussian());
        }
        Table all = Table.of(x.build(), z.build(), y.build());
        TargetSpec target = new TargetSpec("y", TaskType.REGRESSION, List.of(), 0);
        ModelFamily family = FamilyCatalog.family(TaskType.REGRESSION, key);
        Map<String, Object> params = family.withDefaults(key.equals("rf") ? Map.of("n_trees", 20) : Map.of());
        ModelFitter.Fitted fitted = ModelFitter.fit(all.take(range(0, 200)), target, List.of("x", "z"), family,
                params, PreprocessingOptions.defaults(), 5);
        Table valid = all.take(range(200, 300));
        ModelScorer.Scored compact = ModelScorer.predict(fitted.model(), fitted.compact(), fitted.encoder(),
                family.scaling(), target, valid);
        ModelScorer.Scored tribuo = ModelScorer.predict(fitted.model(), Optional.empty(), fitted.encoder(),
                family.scaling(), target, valid);
        assertArrayEquals(tribuo.predictedValue(), compact.predictedValue(), 0.0);
        // a line cannot follow the -2 z^2 term: least squares explains about 0.6 of the variance, trees more
        assertTrue(ModelScorer.metrics(compact, target).get(EvaluationMetric.R2) > (key.equals("lr") ? 0.5 : 0.8));
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
