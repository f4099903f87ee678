package org.mlops4j.models;

import java.util.List;
import java.util.Optional;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;

/**
 * A loaded model that scores tables, whatever flavor it was saved with: a {@link TrainedModel} trained here on Tribuo,
 * or a model another flavor loads (an ONNX graph exported from scikit-learn, served by {@code mlops-onnx}). The model
 * server, batch scoring and monitoring use only this view, so every flavor is registered, loaded, served and
 * monitored alike.
 *
 * <p>Implementations are immutable and thread-safe: {@link #predict(Table, PredictOptions)} is called by several
 * threads at once.
 */
public interface ScoringModel {

    /** @return the flavor the model was saved with, such as {@code tribuo} or {@code onnx} */
    String flavor();

    /** @return classification or regression */
    TaskType task();

    /**
     * @return the columns a prediction table must have, with their types (what a registry stores with the model's
     *         versions, and what {@link #predict(Table, PredictOptions)} checks a table against)
     */
    Schema inputSchema();

    /** @return the class labels in the model's order; empty for regression */
    List<String> classLabels();

    /** @return the positive class of a binary classifier, which monitoring follows; empty when not known */
    Optional<String> positiveLabel();

    /**
     * Predicts every row of a table. A row the model cannot score gets a {@link PredictedRow#error()} and the others
     * are predicted.
     *
     * @param table   rows with the model's input columns (other columns are ignored)
     * @param options whether missing values are imputed or fail their rows (as the flavor supports)
     * @return one prediction per row, in row order
     * @throws org.mlops4j.core.DataException when an input column is missing or its type does not match the model's,
     *                                        naming the column, the expected and the found type
     */
    Predictions predict(Table table, PredictOptions options);

    /** @return a predictor serving this model, safe to share between threads */
    default Predictor predictor() {
        return new Predictor(this);
    }
}
