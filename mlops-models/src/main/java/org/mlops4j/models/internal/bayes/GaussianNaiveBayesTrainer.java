package org.mlops4j.models.internal.bayes;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.Map;
import org.mlops4j.models.internal.CountingTrainer;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Gaussian naive Bayes as scikit-learn 1.2's {@code GaussianNB}: per class, the (example-weighted) prior, and each
 * feature's mean and population variance; every variance is raised by {@code var_smoothing} times the largest
 * feature variance over all rows. A feature absent from a sparse example counts as 0, as in a dense matrix.
 */
public final class GaussianNaiveBayesTrainer extends CountingTrainer<Label> {

    @Config(description = "Share of the largest feature variance added to every variance, for stability.")
    private double varSmoothing = 1e-9;

    /** For olcut. */
    private GaussianNaiveBayesTrainer() {
    }

    /**
     * @param varSmoothing share of the largest feature variance added to every variance, at least 0
     * @throws IllegalArgumentException when it is negative or not finite
     */
    public GaussianNaiveBayesTrainer(double varSmoothing) {
        this.varSmoothing = varSmoothing;
        postConfig();
    }

    /** Checks the parameter. */
    @Override
    public void postConfig() {
        if (!(varSmoothing >= 0) || Double.isInfinite(varSmoothing)) {
            throw new IllegalArgumentException("var_smoothing must be a finite number at least 0, found "
                    + varSmoothing);
        }
    }

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        ImmutableOutputInfo<Label> outputs = examples.getOutputIDInfo();
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        if (examples.size() == 0) {
            throw new IllegalArgumentException("Gaussian naive Bayes needs at least one example, found none");
        }
        TrainerProvenance trainerProvenance = startInvocation(invocationCount).provenance();
        int classes = outputs.size();
        int width = features.size();
        double[] classWeight = new double[classes];
        double[][] means = new double[classes][width];
        double[] allMeans = new double[width];
        double total = 0;
        for (Example<Label> example : examples) {
            int c = outputs.getID(example.getOutput());
            double w = example.getWeight();
            classWeight[c] += w;
            total += w;
            for (Feature f : example) {
                int j = features.getID(f.getName());
                if (j >= 0) {
                    means[c][j] += w * f.getValue();
                    allMeans[j] += f.getValue();
                }
            }
        }
        int rows = examples.size();
        for (int j = 0; j < width; j++) {
            allMeans[j] /= rows;
            for (int c = 0; c < classes; c++) {
                means[c][j] = classWeight[c] > 0 ? means[c][j] / classWeight[c] : 0;
            }
        }
        // two passes, as numpy: squared deviations from the means, absent features counted as 0
        double[][] variances = new double[classes][width];
        double[] allVariances = new double[width];
        double[] present = new double[width];
        for (Example<Label> example : examples) {
            int c = outputs.getID(example.getOutput());
            double w = example.getWeight();
            java.util.Arrays.fill(present, 0);
            for (Feature f : example) {
                int j = features.getID(f.getName());
                if (j >= 0) {
                    present[j] = f.getValue();
                }
            }
            for (int j = 0; j < width; j++) {
                double d = present[j] - means[c][j];
                variances[c][j] += w * d * d;
                double a = present[j] - allMeans[j];
                allVariances[j] += a * a;
            }
        }
        double largestVariance = 0;
        for (int j = 0; j < width; j++) {
            largestVariance = Math.max(largestVariance, allVariances[j] / rows);
        }
        double epsilon = varSmoothing * largestVariance;
        double[] logPriors = new double[classes];
        for (int c = 0; c < classes; c++) {
            logPriors[c] = Math.log(classWeight[c] / total);
            for (int j = 0; j < width; j++) {
                variances[c][j] = (classWeight[c] > 0 ? variances[c][j] / classWeight[c] : 0) + epsilon;
            }
        }
        ModelProvenance provenance = new ModelProvenance(GaussianNaiveBayesModel.class.getName(),
                OffsetDateTime.now(), examples.getProvenance(), trainerProvenance, runProvenance);
        return new GaussianNaiveBayesModel("gaussian-naive-bayes", provenance, features, outputs, logPriors, means,
                variances);
    }

    @Override
    public String toString() {
        return "GaussianNaiveBayesTrainer(varSmoothing=" + varSmoothing + ")";
    }
}
