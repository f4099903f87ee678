package org.mlops4j.models.internal.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.models.ClassificationMetrics;
import org.mlops4j.models.TribuoModelFlavor;
import org.mlops4j.models.internal.BreastCancerRows;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The tree trainers against scikit-learn's reference values ({@code reference/trees/sklearn_trees.py}) and against
 * their own Tribuo models.
 */
class TreeTrainersTest {

    private static final LabelFactory LABELS = new LabelFactory();
    private static final RegressionFactory REGRESSORS = new RegressionFactory();

    private static JsonNode reference;
    private static double[][] cancerX;
    private static String[] cancerY;

    @BeforeAll
    static void load() {
        reference = json("/reference/trees/trees_reference.json");
        BreastCancerRows rows = BreastCancerRows.read();
        cancerX = rows.x();
        cancerY = rows.y();
    }

    // ---- (a) CART equals scikit-learn on untied data --------------------------------------------------------------

    static Stream<String> cartCases() {
        return StreamSupport.stream(reference.get("cart").spliterator(), false).map(c -> c.get("name").asText());
    }

    @ParameterizedTest
    @MethodSource("cartCases")
    void cartPredictsAsScikitLearnsDecisionTree(String name) {
        JsonNode c = StreamSupport.stream(reference.get("cart").spliterator(), false)
                .filter(n -> n.get("name").asText().equals(name)).findFirst().orElseThrow();
        double[][] x = matrix(c.get("train_x"));
        double[] w = vector(c.get("train_weight"));
        double[][] test = matrix(c.get("test_x"));
        int depth = c.get("max_depth").asInt();
        double minChild = c.get("min_child_weight").asDouble();
        if (c.get("kind").asText().equals("classification")) {
            String[] y = strings(c.get("train_y"));
            TrainedTrees<Label> trained = ClassificationTreeTrainer.cart(depth, minChild, 0.0, 1)
                    .trainWithTrees(classification(x, y, w));
            FlatTree tree = trained.compact().trees().get(0);
            assertEquals(c.get("node_count").asInt(), tree.size(), "node count");
            assertEquals(c.get("depth").asInt(), tree.depth(), "depth");
            String[] classes = strings(c.get("classes"));
            JsonNode expected = c.get("test_probabilities");
            for (int i = 0; i < test.length; i++) {
                Prediction<Label> p = trained.model().predict(example(test[i], LabelFactory.UNKNOWN_LABEL));
                for (int k = 0; k < classes.length; k++) {
                    assertEquals(expected.get(i).get(k).asDouble(),
                            p.getOutputScores().get(classes[k]).getScore(), 1e-9, name + " row " + i);
                }
            }
        } else {
            double[] y = vector(c.get("train_y"));
            TrainedTrees<Regressor> trained = RegressionTreeTrainer.cart(depth, minChild, 0.0, 1)
                    .trainWithTrees(regression(x, y, w));
            FlatTree tree = trained.compact().trees().get(0);
            assertEquals(c.get("node_count").asInt(), tree.size(), "node count");
            assertEquals(c.get("depth").asInt(), tree.depth(), "depth");
            JsonNode expected = c.get("test_predictions");
            for (int i = 0; i < test.length; i++) {
                Prediction<Regressor> p = trained.model().predict(example(test[i],
                        RegressionFactory.UNKNOWN_REGRESSOR));
                assertEquals(expected.get(i).asDouble(), p.getOutput().getValues()[0], 1e-9, name + " row " + i);
            }
        }
    }

    // ---- (b) forests: determinism and AUC close to scikit-learn's ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"rf", "et"})
    void forestsAreTheSameForASeedWhateverThreadTrainsThem(String kind) throws Exception {
        MutableDataset<Label> data = classification(cancerX, cancerY, new double[0]);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TrainedTrees<Label>>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> forest(kind, 20, 0, 1.0, 17).trainWithTrees(data)));
            }
            TrainedTrees<Label> first = runs.get(0).get();
            for (Future<TrainedTrees<Label>> run : runs) {
                TrainedTrees<Label> other = run.get();
                for (double[] row : cancerX) {
                    assertArrayEquals(first.compact().predict(row), other.compact().predict(row));
                }
            }
            TrainedTrees<Label> otherSeed = forest(kind, 20, 0, 1.0, 18).trainWithTrees(data);
            boolean anyDifferent = false;
            for (int i = 1; i < cancerX.length; i++) { // rows between training rows: fully grown trees fit those
                double[] between = new double[cancerX[i].length];
                for (int j = 0; j < between.length; j++) {
                    between[j] = (cancerX[i - 1][j] + cancerX[i][j]) / 2;
                }
                anyDifferent |= first.compact().predict(between)[0] != otherSeed.compact().predict(between)[0];
            }
            assertTrue(anyDifferent, "another seed should give another forest");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The held-out AUC of a 100-tree forest on breast_cancer within 0.005 of scikit-learn's mean over ten seeds. The
     * seed-to-seed spread of scikit-learn's AUC is below 0.001 (standard deviation, in the reference), so the
     * tolerance is the project's AUC goal (0.005): it leaves room for the other random streams and for the bins of
     * the features that have more than 256 distinct values, and still fails on any real defect (a wrong criterion or
     * combiner costs more than 0.01 here).
     */
    @ParameterizedTest
    @ValueSource(strings = {"rf", "et"})
    void forestAucOnHeldOutRowsIsCloseToScikitLearns(String kind) {
        JsonNode forest = reference.get("forest");
        int[] train = ints(forest.get("train_rows"));
        int[] test = ints(forest.get("test_rows"));
        double[][] x = new double[train.length][];
        String[] y = new String[train.length];
        for (int i = 0; i < train.length; i++) {
            x[i] = cancerX[train[i]];
            y[i] = cancerY[train[i]];
        }
        TrainedTrees<Label> trained = forest(kind, 100, 0, 1.0, 42).trainWithTrees(classification(x, y,
                new double[0]));
        int positive = trained.model().getOutputIDInfo().getID(new Label("1"));
        int[] actual = new int[test.length];
        double[] score = new double[test.length];
        for (int i = 0; i < test.length; i++) {
            actual[i] = trained.model().getOutputIDInfo().getID(new Label(cancerY[test[i]]));
            score[i] = trained.compact().predict(cancerX[test[i]])[positive];
        }
        double auc = ClassificationMetrics.auc(actual, positive, score);
        double expected = forest.get(kind).get("auc_mean").asDouble();
        assertEquals(expected, auc, 0.005, kind + " AUC " + auc + " vs scikit-learn " + expected);
    }

    // ---- (c) weights ---------------------------------------------------------------------------------------------

    @Test
    void integerWeightsActAsRepeatedRows() {
        double[][] x = new double[60][];
        String[] y = new String[60];
        double[] values = new double[60];
        double[] weights = new double[60];
        List<double[]> repeatedX = new ArrayList<>();
        List<String> repeatedY = new ArrayList<>();
        List<Double> repeatedValues = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            x[i] = cancerX[i * 9];
            y[i] = cancerY[i * 9];
            // whole numbers keep the weighted and the repeated sums exact, so equally good splits (breast_cancer has
            // features that order the rows alike) are told apart the same way in both
            values[i] = Math.round(x[i][0] * 2 - x[i][1]);
            weights[i] = 1 + i % 3;
            for (int r = 0; r < weights[i]; r++) {
                repeatedX.add(x[i]);
                repeatedY.add(y[i]);
                repeatedValues.add(values[i]);
            }
        }
        double[][] rx = repeatedX.toArray(new double[0][]);
        TrainedTrees<Label> weighted = ClassificationTreeTrainer.cart(0, 2.0, 0.0, 1)
                .trainWithTrees(classification(x, y, weights));
        TrainedTrees<Label> repeated = ClassificationTreeTrainer.cart(0, 2.0, 0.0, 1)
                .trainWithTrees(classification(rx, repeatedY.toArray(new String[0]), new double[0]));
        TrainedTrees<Regressor> weightedRegression = RegressionTreeTrainer.cart(0, 3.0, 0.0, 1)
                .trainWithTrees(regression(x, values, weights));
        TrainedTrees<Regressor> repeatedRegression = RegressionTreeTrainer.cart(0, 3.0, 0.0, 1)
                .trainWithTrees(regression(rx, repeatedValues.stream().mapToDouble(Double::doubleValue).toArray(),
                        new double[0]));
        for (double[] row : cancerX) {
            assertEquals(repeated.compact().predict(row)[0], weighted.compact().predict(row)[0], 1e-12);
            assertEquals(repeatedRegression.compact().predict(row)[0], weightedRegression.compact().predict(row)[0],
                    1e-9);
        }
        TrainedTrees<Label> unweighted = ClassificationTreeTrainer.cart(0, 2.0, 0.0, 1)
                .trainWithTrees(classification(x, y, new double[0]));
        boolean anyDifferent = false;
        for (double[] row : cancerX) {
            anyDifferent |= unweighted.compact().predict(row)[0] != weighted.compact().predict(row)[0];
        }
        assertTrue(anyDifferent, "weights should change the tree");
    }

    // ---- (d) limits ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dt", "et"})
    void treesRespectMaxDepthAndMinChildWeight(String kind) {
        double[] weights = new double[cancerX.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.5 + (i % 4) * 0.75;
        }
        for (int maxDepth : new int[] {2, 5, 0}) {
            double minChild = 7.5;
            ClassificationTreeTrainer trainer = kind.equals("dt") ? ClassificationTreeTrainer.cart(maxDepth,
                    minChild, 0.0, 3) : ClassificationTreeTrainer.extraTrees(10, maxDepth, "sqrt", minChild, 0.0, 3);
            TrainedTrees<Label> trained = trainer.trainWithTrees(classification(cancerX, cancerY, weights));
            for (FlatTree tree : trained.compact().trees()) {
                if (maxDepth > 0) {
                    assertTrue(tree.depth() <= maxDepth, "depth " + tree.depth() + " > " + maxDepth);
                } else {
                    assertTrue(tree.depth() > 5, "an unlimited tree should grow deeper, found " + tree.depth());
                }
                double[] leafWeight = new double[tree.size()];
                for (int i = 0; i < cancerX.length; i++) {
                    leafWeight[tree.leafOf(cancerX[i])] += weights[i];
                }
                for (int n = 0; n < tree.size(); n++) {
                    if (tree.isLeaf(n)) {
                        assertTrue(leafWeight[n] >= minChild, "leaf " + n + " has weight " + leafWeight[n]);
                    }
                }
            }
        }
    }

    @Test
    void minImpurityDecreaseStopsWeakSplits() {
        MutableDataset<Label> data = classification(cancerX, cancerY, new double[0]);
        int full = ClassificationTreeTrainer.cart(0, 1.0, 0.0, 1).trainWithTrees(data).compact().trees().get(0)
                .size();
        int pruned = ClassificationTreeTrainer.cart(0, 1.0, 0.01, 1).trainWithTrees(data).compact().trees().get(0)
                .size();
        assertTrue(pruned < full, pruned + " nodes with min_impurity_decrease 0.01, " + full + " without");
    }

    // ---- compact form = Tribuo model; both construction routes; save and load -------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dt", "rf", "et"})
    void compactClassificationPredictionsEqualTheTribuoModelsRowByRow(String kind) {
        TrainedTrees<Label> trained = (kind.equals("dt") ? ClassificationTreeTrainer.cart(0, 5.0, 0.0, 1)
                : forest(kind, 15, 0, 1.0, 5)).trainWithTrees(classification(cancerX, cancerY, new double[0]));
        Class<?> expectedType = kind.equals("dt") ? TreeModel.class : WeightedEnsembleModel.class;
        assertInstanceOf(expectedType, trained.model());
        assertTrue(trained.model().generatesProbabilities());
        int ties = 0;
        for (double[] row : cancerX) {
            double[] compact = trained.compact().predict(row);
            Prediction<Label> p = trained.model().predict(example(row, LabelFactory.UNKNOWN_LABEL));
            for (int c = 0; c < compact.length; c++) {
                String label = trained.model().getOutputIDInfo().getOutput(c).getLabel();
                assertEquals(p.getOutputScores().get(label).getScore(), compact[c], 1e-12);
            }
            String predicted = trained.model().getOutputIDInfo().getOutput(TreeEnsemble.argmax(compact)).getLabel();
            assertEquals(p.getOutput().getLabel(), predicted);
            ties += compact[0] == compact[1] ? 1 : 0;
        }
        assertTrue(ties < cancerX.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dt", "rf"})
    void compactRegressionPredictionsEqualTheTribuoModelsRowByRow(String kind) {
        double[] y = new double[cancerX.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = cancerX[i][0] * 3 + cancerX[i][4] * 50;
        }
        TrainedTrees<Regressor> trained = (kind.equals("dt") ? RegressionTreeTrainer.cart(0, 5.0, 0.0, 1)
                : RegressionTreeTrainer.randomForest(15, 0, "0.5", 1.0, 0.0, 5))
                .trainWithTrees(regression(cancerX, y, new double[0]));
        for (double[] row : cancerX) {
            Prediction<Regressor> p = trained.model().predict(example(row, RegressionFactory.UNKNOWN_REGRESSOR));
            assertEquals(p.getOutput().getValues()[0], trained.compact().predict(row)[0], 0.0);
        }
    }

    @Test
    void theConstructorRouteGivesTheModelTheProtobufRouteGives() {
        TrainedTrees<Label> trained = ClassificationTreeTrainer.cart(0, 2.0, 0.0, 1)
                .trainWithTrees(classification(cancerX, cancerY, new double[0]));
        TreeModel<Label> model = (TreeModel<Label>) trained.model();
        FlatTree tree = trained.compact().trees().get(0);
        ClassificationTreeTrainer trainer = ClassificationTreeTrainer.cart(0, 2.0, 0.0, 1);
        TribuoTrees.LeafOutputs<Label> leaves = trainer.leafOutputs(model.getOutputIDInfo());
        TreeModel<Label> viaConstructor = TribuoTrees.viaConstructor("t", model.getProvenance(),
                model.getFeatureIDMap(), model.getOutputIDInfo(), tree, leaves, true);
        TreeModel<Label> viaProtobuf = TribuoTrees.viaProtobuf(TribuoTrees.metadata("t", model.getProvenance(),
                model.getFeatureIDMap(), model.getOutputIDInfo(), true), tree, leaves, true);
        assertEquals(viaProtobuf.getRoot(), viaConstructor.getRoot());
        assertEquals(viaProtobuf.getProvenance(), viaConstructor.getProvenance());
        for (double[] row : cancerX) {
            Example<Label> e = example(row, LabelFactory.UNKNOWN_LABEL);
            assertEquals(viaProtobuf.predict(e).getOutputScores(), viaConstructor.predict(e).getOutputScores());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dt", "rf", "et", "rf-regression"})
    void aSavedAndLoadedModelPredictsTheSame(String kind, @TempDir Path folder) {
        Model<?> model;
        List<Example<?>> examples = new ArrayList<>();
        if (kind.equals("rf-regression")) {
            double[] y = new double[cancerX.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = cancerX[i][2] - cancerX[i][3] / 10;
            }
            model = RegressionTreeTrainer.randomForest(10, 6, "sqrt", 1.0, 0.0, 3)
                    .trainWithTrees(regression(cancerX, y, new double[0])).model();
            for (double[] row : cancerX) {
                examples.add(example(row, RegressionFactory.UNKNOWN_REGRESSOR));
            }
        } else {
            model = (kind.equals("dt") ? ClassificationTreeTrainer.cart(0, 5.0, 0.0, 1) : forest(kind, 10, 0, 1.0, 3))
                    .trainWithTrees(classification(cancerX, cancerY, new double[0])).model();
            for (double[] row : cancerX) {
                examples.add(example(row, LabelFactory.UNKNOWN_LABEL));
            }
        }
        TribuoModelFlavor flavor = new TribuoModelFlavor();
        flavor.save(model, folder);
        Model<?> loaded = (Model<?>) flavor.load(folder);
        assertEquals(model.getClass(), loaded.getClass());
        assertEquals(model.getProvenance(), loaded.getProvenance());
        for (Example<?> e : examples) {
            Prediction<?> before = predict(model, e);
            Prediction<?> after = predict(loaded, e);
            assertEquals(before.getOutput(), after.getOutput());
            assertEquals(before.getOutputScores(), after.getOutputScores());
            if (before.getOutput() instanceof Regressor r) {
                assertEquals(r.getValues()[0], ((Regressor) after.getOutput()).getValues()[0], 0.0);
            }
        }
    }

    @Test
    void provenanceListsTheParameters() {
        ClassificationTreeTrainer trainer = ClassificationTreeTrainer.randomForest(30, 7, "log2", 2.0, 0.001, 9);
        Model<Label> model = trainer.trainWithTrees(classification(cancerX, cancerY, new double[0])).model();
        Map<String, ?> params = ProvenanceUtil.convertToMap(model.getProvenance().getTrainerProvenance());
        assertEquals(ClassificationTreeTrainer.class.getName(), model.getProvenance().getTrainerProvenance()
                .getClassName());
        assertEquals("30", params.get("numTrees").toString());
        assertEquals("7", params.get("maxDepth").toString());
        assertEquals("log2", params.get("maxFeatures").toString());
        assertEquals("2.0", params.get("minChildWeight").toString());
        assertEquals("0.001", params.get("minImpurityDecrease").toString());
        assertEquals("true", params.get("bootstrap").toString());
        assertEquals("false", params.get("randomSplits").toString());
        assertEquals("9", params.get("seed").toString());
        assertFalse(params.containsKey("invocationCount") && params.get("invocationCount").toString().isEmpty());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Prediction<?> predict(Model model, Example e) {
        return model.predict(e);
    }

    private static ClassificationTreeTrainer forest(String kind, int trees, int depth, double minChild, long seed) {
        return kind.equals("rf") ? ClassificationTreeTrainer.randomForest(trees, depth, "sqrt", minChild, 0.0, seed)
                : ClassificationTreeTrainer.extraTrees(trees, depth, "sqrt", minChild, 0.0, seed);
    }

    private static MutableDataset<Label> classification(double[][] x, String[] y, double[] w) {
        List<Label> outputs = new ArrayList<>();
        for (String label : y) {
            outputs.add(new Label(label));
        }
        return dataset(x, outputs, w, LABELS);
    }

    private static MutableDataset<Regressor> regression(double[][] x, double[] y, double[] w) {
        List<Regressor> outputs = new ArrayList<>();
        for (double v : y) {
            outputs.add(new Regressor("y", v));
        }
        return dataset(x, outputs, w, REGRESSORS);
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(double[][] x, List<T> y, double[] w,
            OutputFactory<T> factory) {
        MutableDataset<T> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
        for (int i = 0; i < x.length; i++) {
            Example<T> e = example(x[i], y.get(i));
            if (w.length > 0) {
                e.setWeight((float) w[i]);
            }
            data.add(e);
        }
        return data;
    }

    private static <T extends Output<T>> Example<T> example(double[] row, T output) {
        String[] names = new String[row.length];
        for (int j = 0; j < row.length; j++) {
            names[j] = String.format("x%02d", j);
        }
        return new ArrayExample<>(output, names, row);
    }

    private static JsonNode json(String resource) {
        try (InputStream in = TreeTrainersTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[][] matrix(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(node.get(i));
        }
        return out;
    }

    private static double[] vector(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    private static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }

    private static String[] strings(JsonNode node) {
        String[] out = new String[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asText();
        }
        return out;
    }
}
