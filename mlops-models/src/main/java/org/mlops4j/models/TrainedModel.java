package org.mlops4j.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.data.Schema;
import org.tribuo.Model;

/**
 * A trained model packaged with everything serving needs: the Tribuo model, the fitted {@link FeatureEncoder}
 * (preprocessing learned on the training rows), the input schema, the class labels, the parameters it was trained
 * with, its metrics and its provenance. Saved and loaded by {@link TribuoModelFlavor}; served by {@link #predictor()}.
 *
 * <p>Instances are immutable and thread-safe (Tribuo's {@code Model.predict} is thread-safe).
 */
public final class TrainedModel implements ScoringModel {

    private final String family;
    private final TaskType task;
    private final Map<String, Object> params;
    private final String target;
    private final List<String> classLabels;
    private final Optional<String> positiveLabel;
    private final Schema inputSchema;
    private final FeatureEncoder encoder;
    private final Scaling scaling;
    private final Model<?> tribuoModel;
    private final Map<String, Double> metrics;
    private final Map<String, String> provenance;

    TrainedModel(String family, TaskType task, Map<String, Object> params, String target, List<String> classLabels,
            Optional<String> positiveLabel, Schema inputSchema, FeatureEncoder encoder, Scaling scaling,
            Model<?> tribuoModel, Map<String, Double> metrics, Map<String, String> provenance) {
        this.family = family;
        this.task = task;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.target = target;
        this.classLabels = List.copyOf(classLabels);
        this.positiveLabel = positiveLabel;
        this.inputSchema = inputSchema;
        this.encoder = encoder;
        this.scaling = scaling;
        this.tribuoModel = tribuoModel;
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** @return {@value TribuoModelFlavor#NAME} */
    @Override
    public String flavor() {
        return TribuoModelFlavor.NAME;
    }

    /** @return the model family's key, such as {@code rf} */
    public String family() {
        return family;
    }

    /** @return classification or regression */
    @Override
    public TaskType task() {
        return task;
    }

    /** @return the complete parameters the model was trained with */
    public Map<String, Object> params() {
        return params;
    }

    /** @return the target column's name */
    public String target() {
        return target;
    }

    /** @return the class labels in index order; empty for regression */
    @Override
    public List<String> classLabels() {
        return classLabels;
    }

    /** @return the positive class of a binary classifier */
    @Override
    public Optional<String> positiveLabel() {
        return positiveLabel;
    }

    /**
     * @return the columns a prediction table must have, in order, with their training types (what a registry stores
     *         with the model's versions, and what {@link Predictor} checks a table against)
     */
    @Override
    public Schema inputSchema() {
        return inputSchema;
    }

    /** @return the fitted preprocessing */
    public FeatureEncoder encoder() {
        return encoder;
    }

    /** @return how numeric features are scaled for this model */
    public Scaling scaling() {
        return scaling;
    }

    /** @return the underlying Tribuo model (its own provenance included) */
    public Model<?> tribuoModel() {
        return tribuoModel;
    }

    /** @return whether the model gives class probabilities (and so an AUC); false for regression */
    public boolean probabilistic() {
        return task == TaskType.CLASSIFICATION
                && org.mlops4j.models.TribuoData.hasProbabilities(tribuoModel);
    }

    /**
     * @return metrics recorded when the model was made: {@code cv_<metric>_mean}, {@code cv_<metric>_std} over the
     *         folds and {@code holdout_<metric>} on the test split, with {@link EvaluationMetric#id()} names
     */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /**
     * @return where the model came from, flattened: Tribuo and Java versions, training time, trainer class and
     *         settings, row and feature counts, seed
     */
    public Map<String, String> provenance() {
        return provenance;
    }

    /**
     * Scores labelled rows with this model, with the metrics of its task (AUC only for models with probabilities).
     * The rows are predicted as {@link #predictor()} predicts them; a row the model cannot score (a
     * {@link PredictedRow#error()}) is left out of the metrics.
     *
     * @param rows labelled rows with the model's input columns and its target column
     * @return the model's metrics on those rows
     * @throws org.mlops4j.core.DataException when an input column is missing or of another type, or a target value is
     *                                        missing or not one of the classes
     */
    public Map<EvaluationMetric, Double> evaluate(org.mlops4j.core.data.Table rows) {
        TargetSpec spec = targetSpec();
        return ModelScorer.metrics(score(rows), spec);
    }

    /** @return the target as the scorer needs it; shared by {@link #evaluate} and {@link ModelEvaluation} */
    TargetSpec targetSpec() {
        return new TargetSpec(target, task, classLabels, positiveLabel.map(classLabels::indexOf).orElse(0));
    }

    /**
     * @param rows labelled rows
     * @return this model's raw predictions on them, with their true labels or values
     */
    ModelScorer.Scored score(org.mlops4j.core.data.Table rows) {
        return ModelScorer.predict(tribuoModel, encoder, scaling, targetSpec(), rows);
    }

    /** @return a predictor serving this model, safe to share between threads */
    @Override
    public Predictor predictor() {
        return new Predictor(this);
    }

    /** Predicts as {@link Predictor#predict(org.mlops4j.core.data.Table, PredictOptions)}. */
    @Override
    public Predictions predict(org.mlops4j.core.data.Table table, PredictOptions options) {
        return predictor().predict(table, options);
    }

    @Override
    public String toString() {
        return "TrainedModel[" + family + ", " + task + ", target=" + target + ", " + inputSchema.columns().size()
                + " input columns]";
    }
}
