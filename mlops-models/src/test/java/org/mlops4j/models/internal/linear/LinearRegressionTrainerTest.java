package org.mlops4j.models.internal.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;

/**
 * Exact least squares against scikit-learn's LinearRegression and Ridge on the diabetes data
 * ({@code reference/linear/sklearn_linear_regression.py}), and its Tribuo model against Tribuo's own serialisation.
 */
class LinearRegressionTrainerTest {

    private static final RegressionFactory REGRESSORS = new RegressionFactory();

    private static JsonNode reference;

    @BeforeAll
    static void load() {
        try (InputStream in = LinearRegressionTrainerTest.class.getResourceAsStream(
                "/reference/linear/linear_regression_reference.json")) {
            reference = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> fits() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : reference.get("cases")) {
            for (JsonNode fit : c.get("fits")) {
                out.add(Arguments.of(c.get("name").asText(), fit.get("alpha").asDouble()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, alpha={1}")
    @MethodSource("fits")
    void equalsScikitLearnsLeastSquares(String name, double alpha) {
        JsonNode expected = fit(name, alpha);
        MutableDataset<Regressor> data = dataset(name);
        TrainedLinearRegression trained = new LinearRegressionTrainer(alpha).trainWithScorer(data);
        LinearSGDModel model = trained.model();
        boolean rankDeficient = name.equals("rank_deficient");
        assertEquals(rankDeficient && alpha == 0 ? LeastSquares.Method.SVD : LeastSquares.Method.CHOLESKY,
                trained.method());
        if (expected.has("rank")) {
            assertEquals(expected.get("rank").asInt(), trained.rank());
        }

        JsonNode predictions = expected.get("predictions");
        for (int i = 0; i < predictions.size(); i++) {
            double want = predictions.get(i).asDouble();
            double got = model.predict(data.getExample(i)).getOutput().getValues()[0];
            assertEquals(want, got, 1e-9 * Math.abs(want), name + " alpha=" + alpha + " row " + i);
        }
        DenseMatrix weights = model.getWeightsCopy();
        JsonNode coef = expected.get("coef");
        double largest = 0;
        for (JsonNode v : coef) {
            largest = Math.max(largest, Math.abs(v.asDouble()));
        }
        int features = data.getFeatureIDMap().size();
        assertEquals(coef.size(), features);
        for (int j = 0; j < features; j++) {
            int id = data.getFeatureIDMap().getID(featureName(j));
            assertEquals(coef.get(j).asDouble(), weights.get(0, id), 1e-8 * largest,
                    name + " alpha=" + alpha + " coef[" + j + "]");
        }
        double intercept = expected.get("intercept").asDouble();
        assertEquals(intercept, weights.get(0, features), 1e-8 * Math.max(Math.abs(intercept), largest),
                name + " alpha=" + alpha + " intercept");
    }

    @Test
    void givesDuplicatedColumnsEqualShares() {
        // the minimum-norm solution splits a duplicated column's weight evenly, where scikit-learn 1.2.1's
        // LinearRegression returns cancelling coefficients of about 3e15
        LinearSGDModel model = new LinearRegressionTrainer(0.0).trainWithScorer(dataset("rank_deficient")).model();
        DenseMatrix weights = model.getWeightsCopy();
        var ids = model.getFeatureIDMap();
        assertEquals(weights.get(0, ids.getID(featureName(2))), weights.get(0, ids.getID(featureName(10))), 1e-9);
    }

    @Test
    void fitsEveryOutputDimensionOnItsOwn() {
        MutableDataset<Regressor> single = dataset("weighted");
        MutableDataset<Regressor> twoDimensions = new MutableDataset<>(new SimpleDataSourceProvenance("two",
                REGRESSORS), REGRESSORS);
        JsonNode y = reference.get("y");
        for (int i = 0; i < single.size(); i++) {
            var example = single.getExample(i);
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            example.forEach(f -> {
                names.add(f.getName());
                values.add(f.getValue());
            });
            ArrayExample<Regressor> two = new ArrayExample<>(new Regressor(new String[] {"a", "b"},
                    new double[] {y.get(i).asDouble(), -2 * y.get(i).asDouble() + 7}), names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
            two.setWeight(example.getWeight());
            twoDimensions.add(two);
        }
        LinearSGDModel one = new LinearRegressionTrainer(1.0).trainWithScorer(single).model();
        LinearSGDModel both = new LinearRegressionTrainer(1.0).trainWithScorer(twoDimensions).model();
        for (int i = 0; i < 20; i++) {
            double expected = one.predict(single.getExample(i)).getOutput().getValues()[0];
            Regressor predicted = both.predict(twoDimensions.getExample(i)).getOutput();
            assertEquals(expected, predicted.getDimension("a").orElseThrow().getValue(), 1e-9 * Math.abs(expected));
            assertEquals(-2 * expected + 7, predicted.getDimension("b").orElseThrow().getValue(),
                    1e-9 * Math.abs(expected));
        }
    }

    @Test
    void recoversAnExactFitOfNearlyCollinearColumnsByCholesky() {
        // x2 = x1 + 1e-3 noise: a design condition number near 1e3, the normal equations' near 1e6; still Cholesky
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("collinear",
                REGRESSORS), REGRESSORS);
        java.util.Random random = new java.util.Random(8);
        for (int i = 0; i < 200; i++) {
            double x1 = random.nextGaussian();
            double x2 = x1 + 1e-3 * random.nextGaussian();
            double x3 = random.nextGaussian() * 50 + 10;
            data.add(new ArrayExample<>(new Regressor("y", 1 + 2 * x1 - 3 * x2 + 0.5 * x3),
                    new String[] {"x1", "x2", "x3"}, new double[] {x1, x2, x3}));
        }
        TrainedLinearRegression trained = new LinearRegressionTrainer(0.0).trainWithScorer(data);
        assertEquals(LeastSquares.Method.CHOLESKY, trained.method());
        DenseMatrix weights = trained.model().getWeightsCopy();
        var ids = data.getFeatureIDMap();
        assertEquals(2.0, weights.get(0, ids.getID("x1")), 1e-8);
        assertEquals(-3.0, weights.get(0, ids.getID("x2")), 1e-8);
        assertEquals(0.5, weights.get(0, ids.getID("x3")), 1e-12);
        assertEquals(1.0, weights.get(0, 3), 1e-9);
    }

    @Test
    void givesConstantColumnsNoWeight() {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("constant", REGRESSORS),
                REGRESSORS);
        for (int i = 0; i < 30; i++) {
            data.add(new ArrayExample<>(new Regressor("y", 2.0 * i + 1), new String[] {"c", "x"},
                    new double[] {5.0, i}));
        }
        TrainedLinearRegression trained = new LinearRegressionTrainer(0.0).trainWithScorer(data);
        DenseMatrix weights = trained.model().getWeightsCopy();
        var ids = data.getFeatureIDMap();
        assertEquals(0.0, weights.get(0, ids.getID("c")));
        assertEquals(2.0, weights.get(0, ids.getID("x")), 1e-12);
        assertEquals(1.0, weights.get(0, 2), 1e-10);
        assertEquals(LeastSquares.Method.CHOLESKY, trained.method());
    }

    @Test
    void constructorAndProtobufRoutesGiveTheSameModel() {
        MutableDataset<Regressor> data = dataset("rank_deficient");
        LinearSGDModel model = new LinearRegressionTrainer(1.0).trainWithScorer(data).model();
        double[][] weights = model.getWeightsCopy().toArray();
        LinearSGDModel viaProtobuf = TribuoLinearModels.regressionViaProtobuf(model.getProvenance(),
                model.getFeatureIDMap(), model.getOutputIDInfo(), weights);
        LinearSGDModel viaConstructor = TribuoLinearModels.regressionViaConstructor(model.getProvenance(),
                model.getFeatureIDMap(), model.getOutputIDInfo(), weights);
        assertEquals(viaConstructor.getWeightsCopy(), viaProtobuf.getWeightsCopy());
        assertEquals(viaConstructor.getProvenance(), viaProtobuf.getProvenance());
        Model<?> reloaded = Model.deserialize(model.serialize());
        assertInstanceOf(LinearSGDModel.class, reloaded);
        @SuppressWarnings("unchecked")
        Model<Regressor> regressionModel = (Model<Regressor>) reloaded;
        List<Prediction<Regressor>> a = model.predict(data.getData());
        List<Prediction<Regressor>> b = regressionModel.predict(data.getData());
        List<Prediction<Regressor>> c = viaProtobuf.predict(data.getData());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getOutput(), b.get(i).getOutput());
            assertEquals(a.get(i).getOutput(), c.get(i).getOutput());
        }
    }

    @Test
    void recordsItsOwnProvenance() {
        LinearSGDModel model = new LinearRegressionTrainer(0.25).trainWithScorer(dataset("diabetes")).model();
        var trainer = model.getProvenance().getTrainerProvenance();
        assertEquals(LinearRegressionTrainer.class.getName(), trainer.getClassName());
        assertEquals("0.25", trainer.getConfiguredParameters().get("alpha").toString());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsAnInvalidPenalty(double alpha) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearRegressionTrainer(alpha));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    }

    @Test
    void rejectsDataWithoutWeight() {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("weightless",
                REGRESSORS), REGRESSORS);
        ArrayExample<Regressor> example = new ArrayExample<>(new Regressor("y", 1.0), new String[] {"x"},
                new double[] {1.0});
        example.setWeight(0f);
        data.add(example);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearRegressionTrainer(0.0).trainWithScorer(data));
        assertTrue(e.getMessage().contains("positive total example weight"), e.getMessage());
    }

    private static JsonNode fit(String name, double alpha) {
        for (JsonNode c : reference.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                for (JsonNode fit : c.get("fits")) {
                    if (fit.get("alpha").asDouble() == alpha) {
                        return fit;
                    }
                }
            }
        }
        throw new IllegalArgumentException(name + " alpha=" + alpha);
    }

    private static String featureName(int column) {
        return String.format("f%02d", column);
    }

    /** The case's rows as the reference script built them: diabetes, weights, or duplicated and one-hot columns. */
    private static MutableDataset<Regressor> dataset(String name) {
        JsonNode x = reference.get("X");
        JsonNode y = reference.get("y");
        JsonNode weights = reference.get("weights");
        JsonNode levels = reference.get("levels");
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(name, REGRESSORS),
                REGRESSORS);
        for (int i = 0; i < y.size(); i++) {
            List<Double> values = new ArrayList<>();
            x.get(i).forEach(v -> values.add(v.asDouble()));
            if (name.equals("rank_deficient")) {
                values.add(values.get(2));
                for (int level = 0; level < 3; level++) {
                    values.add(levels.get(i).asInt() == level ? 1.0 : 0.0);
                }
            }
            String[] names = new String[values.size()];
            double[] row = new double[values.size()];
            for (int j = 0; j < row.length; j++) {
                names[j] = featureName(j);
                row[j] = values.get(j);
            }
            ArrayExample<Regressor> example = new ArrayExample<>(new Regressor("y", y.get(i).asDouble()), names, row);
            if (name.equals("weighted")) {
                example.setWeight((float) weights.get(i).asDouble());
            }
            data.add(example);
        }
        return data;
    }
}
