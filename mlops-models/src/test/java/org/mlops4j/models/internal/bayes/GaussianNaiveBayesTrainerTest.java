package org.mlops4j.models.internal.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.models.internal.BreastCancerRows;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Gaussian naive Bayes against scikit-learn 1.2's {@code GaussianNB} ({@code reference/bayes/sklearn_gaussian_nb.py}):
 * means, variances and every row's {@code predict_proba}, to 1e-9.
 */
class GaussianNaiveBayesTrainerTest {

    private static final LabelFactory LABELS = new LabelFactory();
    private static final double TOLERANCE = 1e-9;
    private static JsonNode reference;

    @BeforeAll
    static void load() {
        try (InputStream in = GaussianNaiveBayesTrainerTest.class.getResourceAsStream(
                "/reference/bayes/gaussian_nb_reference.json")) {
            reference = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void matchesScikitLearnOnBreastCancerWithTheDefaultAndALargeSmoothing() {
        BreastCancerRows rows = BreastCancerRows.read();
        MutableDataset<Label> data = dataset(rows.x(), rows.y(), null);
        for (JsonNode fit : reference.get("cases").get(0).get("fits")) {
            check(data, rows.x(), fit);
        }
    }

    @Test
    void matchesScikitLearnOnThreeClassesWithSampleWeights() {
        JsonNode c = reference.get("cases").get(1);
        double[][] x = matrix(c.get("x"));
        String[] y = new String[x.length];
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = c.get("y").get(i).asText();
            w[i] = c.get("w").get(i).asDouble();
        }
        check(dataset(x, y, w), x, c.get("fits").get(0));
    }

    @Test
    void aSavedModelReadsBackToTheSameProbabilities() throws IOException {
        BreastCancerRows rows = BreastCancerRows.read();
        MutableDataset<Label> data = dataset(rows.x(), rows.y(), null);
        Model<Label> model = new GaussianNaiveBayesTrainer(1e-9).train(data);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        model.serializeToStream(saved);

        Model<?> read = Model.deserializeFromStream(new ByteArrayInputStream(saved.toByteArray()));

        assertInstanceOf(GaussianNaiveBayesModel.class, read);
        @SuppressWarnings("unchecked")
        Model<Label> typed = (Model<Label>) read;
        for (int i = 0; i < 50; i++) {
            ArrayExample<Label> example = example(rows.x()[i], rows.y()[i], 1.0);
            assertEquals(model.predict(example).getOutputScores(), typed.predict(example).getOutputScores());
        }
        assertEquals(model.getProvenance(), read.getProvenance());
    }

    private static void check(MutableDataset<Label> data, double[][] x, JsonNode fit) {
        double smoothing = fit.get("var_smoothing").asDouble();
        GaussianNaiveBayesModel model = (GaussianNaiveBayesModel) new GaussianNaiveBayesTrainer(smoothing).train(data);
        List<String> classes = new java.util.ArrayList<>();
        fit.get("classes").forEach(n -> classes.add(n.asText()));
        double[][] means = model.means();
        double[][] variances = model.variances();
        for (int k = 0; k < classes.size(); k++) {
            int id = data.getOutputIDInfo().getID(new Label(classes.get(k)));
            for (int j = 0; j < x[0].length; j++) {
                double mean = fit.get("theta").get(k).get(j).asDouble();
                double variance = fit.get("var").get(k).get(j).asDouble();
                assertEquals(mean, means[id][j], TOLERANCE * Math.max(1, Math.abs(mean)), "mean " + k + "," + j);
                assertEquals(variance, variances[id][j], TOLERANCE * Math.max(1, Math.abs(variance)),
                        "variance " + k + "," + j);
            }
        }
        for (int i = 0; i < x.length; i++) {
            Prediction<Label> p = model.predict(example(x[i], classes.get(0), 1.0));
            for (int k = 0; k < classes.size(); k++) {
                assertEquals(fit.get("proba").get(i).get(k).asDouble(),
                        p.getOutputScores().get(classes.get(k)).getScore(), TOLERANCE,
                        "row " + i + " class " + classes.get(k) + " with var_smoothing " + smoothing);
            }
        }
    }

    private static MutableDataset<Label> dataset(double[][] x, String[] y, double[] w) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", LABELS), LABELS);
        for (int i = 0; i < x.length; i++) {
            data.add(example(x[i], y[i], w == null ? 1.0 : w[i]));
        }
        return data;
    }

    private static ArrayExample<Label> example(double[] x, String y, double weight) {
        String[] names = new String[x.length];
        for (int j = 0; j < x.length; j++) {
            names[j] = String.format(Locale.ROOT, "x%02d", j);
        }
        ArrayExample<Label> example = new ArrayExample<>(new Label(y), names, x.clone());
        example.setWeight((float) weight);
        return example;
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = new double[rows.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        return out;
    }
}
