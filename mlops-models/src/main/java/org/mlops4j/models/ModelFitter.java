package org.mlops4j.models;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.internal.CompactScorer;
import org.mlops4j.models.internal.linear.LinearRegressionTrainer;
import org.mlops4j.models.internal.linear.LogisticRegressionTrainer;
import org.mlops4j.models.internal.linear.TrainedLinearRegression;
import org.mlops4j.models.internal.linear.TrainedLogistic;
import org.mlops4j.models.internal.tree.TrainedTrees;
import org.mlops4j.models.internal.tree.TreeTrainer;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Trains one model on labelled rows: fits the encoder on those rows only, builds the Tribuo dataset (with class
 * weights when asked for), trains, and times the training.
 */
final class ModelFitter {

    /**
     * A trained model with the encoder it was trained through.
     *
     * @param model           the Tribuo model
     * @param encoder         the encoder fitted on the training rows
     * @param trainingSeconds wall time of {@code Trainer.train}
     * @param compact         the same model in compact form, for fast scoring, when its trainer makes one (the tree
     *                        families and lr)
     */
    public record Fitted(Model<?> model, FeatureEncoder encoder, double trainingSeconds,
            Optional<CompactScorer> compact) {
    }

    private ModelFitter() {
    }

    /**
     * @param rows     labelled training rows
     * @param target   the target
     * @param features the feature columns
     * @param family   the model family
     * @param params   its complete parameters
     * @param options  preprocessing choices
     * @param seed     the random seed
     * @return the trained model
     * @throws MlopsException wrapping Tribuo's failure, naming the family
     */
    public static Fitted fit(Table rows, TargetSpec target, java.util.List<String> features, ModelFamily family,
            Map<String, Object> params, PreprocessingOptions options, long seed) {
        FeatureEncoder encoder = FeatureEncoder.fit(rows, features, options);
        EncodedRows encoded = encoder.encode(rows, family.scaling());
        String origin = "mlops4j table (" + rows.rowCount() + " rows)";
        Dataset<?> dataset;
        Map<String, Float> labelWeights = Map.of();
        if (target.task() == TaskType.CLASSIFICATION) {
            String[] labels = target.labels(rows);
            float[] weights = new float[0];
            if (options.classWeighting()) {
                labelWeights = balancedWeights(labels);
                if (family.usesWeights() && !family.key().equals("liblinear")) {
                    weights = new float[labels.length];
                    for (int i = 0; i < labels.length; i++) {
                        weights[i] = labelWeights.get(labels[i]);
                    }
                }
            }
            dataset = TribuoData.classification(encoded, labels, weights, origin);
        } else {
            dataset = TribuoData.regression(encoded, target.column(), target.values(rows), new float[0], origin);
        }
        Trainer<?> trainer = FamilyCatalog.trainer(family, params, new FamilyCatalog.TrainingContext(
                dataset.getFeatureMap().size(), seed, labelWeights));
        long start = System.nanoTime();
        Model<?> model;
        Optional<CompactScorer> compact = Optional.empty();
        try {
            if (trainer instanceof TreeTrainer<?> trees) {
                TrainedTrees<?> trained = trainTrees(trees, dataset);
                model = trained.model();
                compact = Optional.of(trained.compact());
            } else if (trainer instanceof LinearRegressionTrainer linear) {
                TrainedLinearRegression trained = trainLinear(linear, dataset);
                model = trained.model();
                compact = Optional.of(trained.compact());
            } else if (trainer instanceof LogisticRegressionTrainer logistic) {
                TrainedLogistic trained = trainLogistic(logistic, dataset);
                model = trained.model();
                compact = Optional.of(trained.compact());
            } else {
                model = train(trainer, dataset, target.task());
            }
        } catch (RuntimeException | LinkageError e) {
            throw new MlopsException("Training model family '" + family.key() + "' with " + params + " failed: "
                    + e, e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Fitted(model, encoder, seconds, compact);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TrainedTrees<?> trainTrees(TreeTrainer<?> trainer, Dataset<?> dataset) {
        return ((TreeTrainer) trainer).trainWithTrees(dataset);
    }

    @SuppressWarnings("unchecked")
    private static TrainedLinearRegression trainLinear(LinearRegressionTrainer trainer, Dataset<?> dataset) {
        return trainer.trainWithScorer((Dataset<Regressor>) dataset);
    }

    @SuppressWarnings("unchecked")
    private static TrainedLogistic trainLogistic(LogisticRegressionTrainer trainer, Dataset<?> dataset) {
        return trainer.trainWithScorer((Dataset<Label>) dataset);
    }

    @SuppressWarnings("unchecked")
    private static Model<?> train(Trainer<?> trainer, Dataset<?> dataset, TaskType task) {
        if (task == TaskType.CLASSIFICATION) {
            return ((Trainer<Label>) trainer).train((Dataset<Label>) dataset);
        }
        return ((Trainer<Regressor>) trainer).train((Dataset<Regressor>) dataset);
    }

    /**
     * @param labels each training row's label
     * @return scikit-learn's balanced weights, {@code n / (classes * n_class)}
     */
    public static Map<String, Float> balancedWeights(String[] labels) {
        Map<String, Integer> counts = new HashMap<>();
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        Map<String, Float> out = new HashMap<>();
        counts.forEach((label, count) -> out.put(label, (float) labels.length / (counts.size() * count)));
        return out;
    }
}
