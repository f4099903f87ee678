package org.mlops4j.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * The one place where encoded rows meet a Tribuo model's {@code predict}: the {@link Predictor}
 * (serving) and {@link ModelScorer} (evaluation, cross-validation without a compact form) both predict through it.
 * Every row that encoded is predicted in one batch call (XGBoost models through {@link XGBoostScoring}); when the
 * batch fails, row by row, so that a row the model cannot score fails only itself. A row that failed to encode keeps
 * its encoding error.
 *
 * @param <T> the output type
 */
final class TribuoPredictions<T extends Output<T>> {

    private static final Logger LOG = LoggerFactory.getLogger(TribuoPredictions.class);

    private final List<Prediction<T>> predictions;
    private final String[] errors;

    private TribuoPredictions(List<Prediction<T>> predictions, String[] errors) {
        this.predictions = predictions;
        this.errors = errors;
    }

    /**
     * @param model   the model
     * @param encoded the rows, encoded by the model's encoder
     * @param unknown the output placeholder for unlabelled rows
     * @param <T>     the output type
     * @return each row's prediction, or its error
     */
    public static <T extends Output<T>> TribuoPredictions<T> of(Model<T> model, EncodedRows encoded, T unknown) {
        int n = encoded.size();
        String[] errors = new String[n];
        List<Integer> rows = new ArrayList<>(n);
        List<Example<T>> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Optional<String> error = encoded.error(i);
            if (error.isPresent()) {
                errors[i] = error.get();
            } else {
                rows.add(i);
                examples.add(TribuoData.example(encoded, i, unknown));
            }
        }
        List<Prediction<T>> batch = null;
        try {
            batch = predict(model, examples, unknown);
        } catch (RuntimeException e) {
            LOG.debug("Batch prediction failed ({}); predicting row by row", e.toString());
        }
        List<Prediction<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        for (int j = 0; j < rows.size(); j++) {
            int row = rows.get(j);
            if (batch != null) {
                out.set(row, batch.get(j));
                continue;
            }
            try {
                out.set(row, predict(model, List.of(examples.get(j)), unknown).get(0));
            } catch (RuntimeException e) {
                errors[row] = "Row " + (row + 1) + " cannot be predicted: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return new TribuoPredictions<>(out, errors);
    }

    private static <T extends Output<T>> List<Prediction<T>> predict(Model<T> model, List<Example<T>> examples,
            T unknown) {
        if (model instanceof XGBoostModel<T> boosted) {
            return XGBoostScoring.of(boosted).predict(examples, unknown);
        }
        return model.predict(examples);
    }

    /** @return the number of rows */
    public int size() {
        return errors.length;
    }

    /**
     * @param row a row
     * @return why it has no prediction: its encoding error, or the model's failure on it; empty when it has one
     */
    public Optional<String> error(int row) {
        return Optional.ofNullable(errors[row]);
    }

    /**
     * @param row a row without {@link #error(int)}
     * @return its prediction
     * @throws IllegalStateException when the row has an error
     */
    public Prediction<T> prediction(int row) {
        Prediction<T> prediction = predictions.get(row);
        if (prediction == null) {
            throw new IllegalStateException("Row " + (row + 1) + " has no prediction: " + errors[row]);
        }
        return prediction;
    }

    /** @return the rows that have a prediction, in order */
    public int[] predictedRows() {
        int count = 0;
        for (String error : errors) {
            count += error == null ? 1 : 0;
        }
        int[] rows = new int[count];
        int at = 0;
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] == null) {
                rows[at++] = i;
            }
        }
        return rows;
    }
}
