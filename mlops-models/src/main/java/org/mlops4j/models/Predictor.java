package org.mlops4j.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlops4j.core.data.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Serves a {@link ScoringModel}: for a {@link TrainedModel}, encodes a table with the model's own preprocessing and
 * predicts every row; a model of another flavor (ONNX) predicts by its own {@link ScoringModel#predict}, with the same
 * per-row errors and input-schema checks.
 *
 * <p>A bad row does not fail the batch: it gets a {@link PredictedRow#error()} (an infinite number, a row the model
 * cannot score) and the other rows are predicted. Only a table that lacks one of the model's input columns, or has
 * one whose type does not match the model's input schema ({@link TrainedModel#inputSchema()}: a boolean column for
 * a numeric feature, numbers for a categorical one), is rejected as a whole, with a
 * {@link org.mlops4j.core.DataException} naming the column, the expected and the found type.
 *
 * <p>Missing values and categorical levels the model does not know are imputed by the rule of {@link FeatureEncoder}
 * and counted per column in {@link Predictions#imputation()}; with {@link PredictOptions#strict()} each fails its row
 * instead ({@link PredictedRow#error()} names the row and the column).
 *
 * <pre>{@code
 * Predictions predictions = model.predictor().predict(leads);                          // impute, and count
 * predictions.imputation().forEach(c -> log.info("{}: {} missing, {} unseen", c.column(), c.missingValues(),
 *         c.unseenLevels()));
 * Predictions checked = model.predictor().predict(leads, PredictOptions.strict());     // refuse, per row
 * }</pre>
 *
 * Instances are thread-safe.
 */
public final class Predictor {

    private final ScoringModel model;

    Predictor(ScoringModel model) {
        this.model = model;
    }

    /** @return the model served: a {@link TrainedModel}, or a model of another flavor */
    public ScoringModel model() {
        return model;
    }

    /**
     * Predicts every row, imputing missing values and unseen levels; as {@link #predict(Table, PredictOptions)} with
     * {@link PredictOptions#defaults()}.
     *
     * @param table rows with the model's input columns (other columns are ignored; the target need not be there)
     * @return one prediction per row, in row order, and the imputation counts
     * @throws org.mlops4j.core.DataException when an input column is missing or its type does not match the model's
     */
    public Predictions predict(Table table) {
        return predict(table, PredictOptions.defaults());
    }

    /**
     * @param table   rows with the model's input columns (other columns are ignored; the target need not be there)
     * @param options whether missing values and unseen levels are imputed (the default) or fail their rows
     * @return one prediction per row, in row order, and per input column how many values were missing or unseen
     * @throws org.mlops4j.core.DataException when an input column is missing or its type does not match the model's,
     *                                        naming the column, the expected and the found type
     */
    public Predictions predict(Table table, PredictOptions options) {
        if (!(model instanceof TrainedModel trained)) {
            return model.predict(table, options);
        }
        EncodedRows encoded = trained.encoder().encode(table, trained.scaling(), options);
        return trained.task() == TaskType.CLASSIFICATION ? classify(trained, encoded) : regress(trained, encoded);
    }

    @SuppressWarnings("unchecked")
    private static Predictions classify(TrainedModel model, EncodedRows encoded) {
        Model<Label> tribuo = (Model<Label>) model.tribuoModel();
        boolean probabilistic = TribuoData.hasProbabilities(tribuo);
        return run(encoded, tribuo, TribuoData.unknownLabel(), (row, p) -> {
            Map<String, Double> probabilities = new LinkedHashMap<>();
            if (probabilistic) {
                for (String label : model.classLabels()) {
                    Label scored = p.getOutputScores().get(label);
                    probabilities.put(label, scored == null ? 0.0 : scored.getScore());
                }
            }
            String label = p.getOutput().getLabel();
            double score = probabilistic ? probabilities.getOrDefault(label, 0.0) : p.getOutput().getScore();
            return new PredictedRow(row, Optional.of(label),
                    Double.isNaN(score) ? OptionalDouble.empty() : OptionalDouble.of(score), probabilities,
                    Optional.empty());
        });
    }

    @SuppressWarnings("unchecked")
    private static Predictions regress(TrainedModel model, EncodedRows encoded) {
        Model<Regressor> tribuo = (Model<Regressor>) model.tribuoModel();
        return run(encoded, tribuo, TribuoData.unknownRegressor(), (row, p) -> new PredictedRow(row,
                Optional.empty(), OptionalDouble.of(p.getOutput().getValues()[0]), Map.of(), Optional.empty()));
    }

    private interface RowReader<T extends Output<T>> {
        PredictedRow read(int row, Prediction<T> prediction);
    }

    private static <T extends Output<T>> Predictions run(EncodedRows encoded, Model<T> tribuo, T unknown,
            RowReader<T> reader) {
        TribuoPredictions<T> predicted = TribuoPredictions.of(tribuo, encoded, unknown);
        List<PredictedRow> out = new ArrayList<>(predicted.size());
        for (int row = 0; row < predicted.size(); row++) {
            Optional<String> error = predicted.error(row);
            out.add(error.isPresent() ? PredictedRow.failed(row, error.get())
                    : reader.read(row, predicted.prediction(row)));
        }
        return new Predictions(out, encoded.imputation());
    }
}
