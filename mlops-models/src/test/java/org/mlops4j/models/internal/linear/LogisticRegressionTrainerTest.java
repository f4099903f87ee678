package org.mlops4j.models.internal.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlops4j.models.internal.BreastCancerRows;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The L-BFGS logistic regression against scikit-learn's optimum ({@code reference/linear/sklearn_logistic.py}), and
 * its Tribuo model against Tribuo's own serialisation (its compact form is checked in {@code CompactScoringTest}).
 */
class LogisticRegressionTrainerTest {

    private static final LabelFactory LABELS = new LabelFactory();

    private static JsonNode reference;
    private static double[][] cancerX;
    private static String[] cancerY;

    @BeforeAll
    static void load() {
        try (InputStream in = LogisticRegressionTrainerTest.class.getResourceAsStream(
                "/reference/linear/logistic_reference.json")) {
            reference = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        readScaledBreastCancer();
    }

    static Stream<Arguments> fits() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : reference.get("cases")) {
            for (JsonNode fit : c.get("fits")) {
                out.add(Arguments.of(c.get("name").asText(), fit.get("C").asDouble()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, C={1}")
    @MethodSource("fits")
    void reachesScikitLearnsOptimum(String name, double c) {
        JsonNode reference = fit(name, c);
        MutableDataset<Label> data = dataset(name);
        TrainedLogistic trained = new LogisticRegressionTrainer(c, 10_000, 1e-8, 0.0).trainWithScorer(data);
        LinearSGDModel model = trained.model();

        List<String> classes = new ArrayList<>();
        reference.get("classes").forEach(n -> classes.add(n.asText()));
        JsonNode probabilities = reference.get("probabilities");
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < probabilities.size(); i++) {
            rows.add(data.getExample(i));
        }
        List<Prediction<Label>> predictions = model.predict(rows);
        for (int i = 0; i < predictions.size(); i++) {
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            for (int k = 0; k < classes.size(); k++) {
                assertEquals(probabilities.get(i).get(k).asDouble(), scores.get(classes.get(k)).getScore(), 1e-4,
                        name + " C=" + c + " row " + i + " class " + classes.get(k));
            }
        }

        DenseMatrix weights = model.getWeightsCopy();
        int features = data.getFeatureIDMap().size();
        JsonNode coef = reference.get("coef");
        JsonNode intercept = reference.get("intercept");
        for (int r = 0; r < coef.size(); r++) {
            // binary: scikit-learn's single row is the positive class's (classes_[1]); else one row per class
            String label = coef.size() == 1 ? classes.get(1) : classes.get(r);
            int row = data.getOutputIDInfo().getID(new Label(label));
            double largest = 0;
            for (JsonNode v : coef.get(r)) {
                largest = Math.max(largest, Math.abs(v.asDouble()));
            }
            for (int j = 0; j < features; j++) {
                int id = data.getFeatureIDMap().getID(featureName(j));
                double expected = coef.get(r).get(j).asDouble();
                assertEquals(expected, weights.get(row, id), 1e-3 * Math.max(Math.abs(expected), 1e-2 * largest),
                        name + " C=" + c + " coef[" + r + "][" + j + "]");
            }
            double expected = intercept.get(r).asDouble();
            assertEquals(expected, weights.get(row, features), 1e-3 * Math.max(Math.abs(expected), 1e-2 * largest),
                    name + " C=" + c + " intercept[" + r + "]");
            if (coef.size() == 1) {
                int other = 1 - row;
                for (int j = 0; j <= features; j++) {
                    assertEquals(0.0, weights.get(other, j), "the negative class's row is zero");
                }
            }
        }
        // near 1e-8 the possible decrease may fall below the objective's rounding (weighted_binary, C=0.01: the
        // line search finds no decrease at a gradient of 1.5e-6, where f changes by about 1e-16 relative)
        assertTrue(trained.converged() || trained.gradientNorm() < 1e-5, "gradient " + trained.gradientNorm());
    }

    @Test
    void stopsAsScikitLearnDoesWithItsDefaults() {
        // scikit-learn 1.2 stops lbfgs on scipy's relative decrease test long before tol=1e-4 on breast_cancer
        TrainedLogistic trained = LogisticRegressionTrainer.of(1.0, 1000, 1e-4).trainWithScorer(dataset(
                "breast_cancer"));
        assertTrue(trained.converged());
        assertTrue(trained.iterations() < 100, "iterations " + trained.iterations());
        JsonNode reference = fit("breast_cancer", 1.0).get("probabilities");
        List<Prediction<Label>> predictions = trained.model().predict(dataset("breast_cancer").getData());
        for (int i = 0; i < reference.size(); i++) {
            assertEquals(reference.get(i).get(1).asDouble(), predictions.get(i).getOutputScores().get("1").getScore(),
                    2e-3, "row " + i);
        }
    }

    @Test
    void constructorAndProtobufRoutesGiveTheSameModel() {
        MutableDataset<Label> data = dataset("three_class");
        LinearSGDModel model = LogisticRegressionTrainer.of(1.0, 1000, 1e-4).trainWithScorer(data).model();
        double[][] weights = model.getWeightsCopy().toArray();
        LinearSGDModel viaProtobuf = TribuoLinearModels.viaProtobuf(model.getProvenance(), model.getFeatureIDMap(),
                model.getOutputIDInfo(), weights);
        LinearSGDModel viaConstructor = TribuoLinearModels.viaConstructor(model.getProvenance(),
                model.getFeatureIDMap(), model.getOutputIDInfo(), weights);
        assertEquals(viaConstructor.getWeightsCopy(), viaProtobuf.getWeightsCopy());
        assertEquals(viaConstructor.getProvenance(), viaProtobuf.getProvenance());
        assertTrue(viaProtobuf.generatesProbabilities());
        Model<?> reloaded = Model.deserialize(model.serialize());
        assertInstanceOf(LinearSGDModel.class, reloaded);
        @SuppressWarnings("unchecked")
        Model<Label> labelModel = (Model<Label>) reloaded;
        List<Prediction<Label>> a = model.predict(data.getData());
        List<Prediction<Label>> b = labelModel.predict(data.getData());
        List<Prediction<Label>> c = viaProtobuf.predict(data.getData());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getOutputScores(), b.get(i).getOutputScores());
            assertEquals(a.get(i).getOutputScores(), c.get(i).getOutputScores());
        }
    }

    @Test
    void recordsItsOwnProvenance() {
        LinearSGDModel model = LogisticRegressionTrainer.of(0.5, 200, 1e-5).trainWithScorer(dataset("three_class"))
                .model();
        var trainer = model.getProvenance().getTrainerProvenance();
        assertEquals(LogisticRegressionTrainer.class.getName(), trainer.getClassName());
        assertEquals("0.5", trainer.getConfiguredParameters().get("c").toString());
        assertEquals("200", trainer.getConfiguredParameters().get("maxIterations").toString());
    }

    @Test
    void warnsWhenItStopsOnTheIterationLimit() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        TrainedLogistic trained;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            trained = new LogisticRegressionTrainer(1.0, 3, 1e-8, 0.0).trainWithScorer(dataset("breast_cancer"));
        } finally {
            System.setErr(original);
        }
        assertFalse(trained.converged());
        assertEquals(3, trained.iterations());
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("WARN") && log.contains("failed to converge in 3 iterations"), log);

        captured.reset();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            trained = LogisticRegressionTrainer.of(1.0, 1000, 1e-4).trainWithScorer(dataset("weighted_binary"));
        } finally {
            System.setErr(original);
        }
        assertTrue(trained.converged());
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("failed to converge"));
    }

    @Test
    void rejectsInvalidParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionTrainer.of(0.0, 100, 1e-4));
        assertTrue(e.getMessage().contains("C must be a positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticRegressionTrainer.of(-1.0, 100, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegressionTrainer.of(1.0, 0, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegressionTrainer.of(1.0, 100, -1));

        MutableDataset<Label> oneClass = new MutableDataset<>(new SimpleDataSourceProvenance("test", LABELS), LABELS);
        oneClass.add(new ArrayExample<>(new Label("a"), new String[] {"x00"}, new double[] {1.0}));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionTrainer.of(1.0, 100, 1e-4).trainWithScorer(oneClass));
    }

    @Test
    void sparseAndDenseStorageGiveTheSameObjective() {
        MutableDataset<Label> data = dataset("three_class");
        TrainingMatrix dense = TrainingMatrix.of(data, 0.0);
        TrainingMatrix sparse = TrainingMatrix.of(data, 2.0);
        assertTrue(dense.dense());
        assertFalse(sparse.dense());
        LogisticObjective a = new LogisticObjective(dense, 0.7, 2);
        LogisticObjective b = new LogisticObjective(sparse, 0.7, 2);
        double[] x = new double[a.dimension()];
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.sin(j + 1.0);
        }
        double[] ga = new double[x.length];
        double[] gb = new double[x.length];
        assertEquals(a.valueAndGradient(x, ga), b.valueAndGradient(x, gb), 1e-9);
        assertArrayEquals(ga, gb, 1e-9);
    }

    // ---- data ----------------------------------------------------------------------------------------------------

    private static JsonNode fit(String name, double c) {
        JsonNode found = StreamSupport.stream(reference.get("cases").spliterator(), false)
                .filter(n -> n.get("name").asText().equals(name)).findFirst().orElseThrow();
        for (JsonNode fit : found.get("fits")) {
            if (fit.get("C").asDouble() == c) {
                return fit;
            }
        }
        throw new IllegalArgumentException("no fit for C=" + c);
    }

    private static MutableDataset<Label> dataset(String name) {
        if (name.equals("breast_cancer")) {
            return dataset(cancerX, cancerY, new double[0]);
        }
        JsonNode c = StreamSupport.stream(reference.get("cases").spliterator(), false)
                .filter(n -> n.get("name").asText().equals(name)).findFirst().orElseThrow();
        double[][] x = new double[c.get("x").size()][];
        String[] y = new String[x.length];
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            JsonNode row = c.get("x").get(i);
            x[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                x[i][j] = row.get(j).asDouble();
            }
            y[i] = c.get("y").get(i).asText();
            w[i] = c.get("weights").get(i).asDouble();
        }
        return dataset(x, y, w);
    }

    private static MutableDataset<Label> dataset(double[][] x, String[] y, double[] w) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", LABELS), LABELS);
        for (int i = 0; i < x.length; i++) {
            String[] names = new String[x[i].length];
            for (int j = 0; j < names.length; j++) {
                names[j] = featureName(j);
            }
            Example<Label> e = new ArrayExample<>(new Label(y[i]), names, x[i]);
            if (w.length > 0) {
                e.setWeight((float) w[i]);
            }
            data.add(e);
        }
        return data;
    }

    private static String featureName(int j) {
        return String.format("x%02d", j);
    }

    /** breast_cancer.csv standard-scaled as scikit-learn's StandardScaler (population standard deviation). */
    private static void readScaledBreastCancer() {
        BreastCancerRows rows = BreastCancerRows.read().standardScaled();
        cancerX = rows.x();
        cancerY = rows.y();
    }
}
