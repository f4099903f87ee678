package org.mlops4j.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ServedBatch;
import org.mlops4j.core.monitor.ServedRow;
import org.mlops4j.core.monitor.ServingLog;

/**
 * Hands a model's {@link Predictions} to the {@link ServingLog}: makes the neutral {@link ServedBatch} it captures.
 *
 * <pre>{@code
 * Predictions predictions = model.predictor().predict(batch);
 * servingLog.append(ServedBatches.of("week-18", "lead-scoring", 2, Instant.now(), batch,
 *         inputColumnNames, predictions, "1"), 0.1, seed);
 * }</pre>
 */
public final class ServedBatches {

    private ServedBatches() {
    }

    /**
     * @param batch         the batch's id
     * @param model         the registered model's name
     * @param modelVersion  the version that scored it
     * @param scoredAt      when it was scored
     * @param inputs        the rows as they were scored (only {@code inputColumns} are captured)
     * @param inputColumns  the model's input columns, in its order
     * @param predictions   one prediction per row of {@code inputs}, with the batch's imputation counts
     * @param positiveLabel the class whose probability is the logged score
     * @return the batch: a scored row's score is the probability of {@code positiveLabel}, else the prediction's own
     *         score; the counts are {@link Predictions#imputation()}'s, in the model's column order
     * @throws MlopsException           naming the available columns when an input column is not in {@code inputs}
     * @throws IllegalArgumentException when there is not one prediction per input row
     */
    public static ServedBatch of(String batch, String model, int modelVersion, Instant scoredAt, Table inputs,
                                 List<String> inputColumns, Predictions predictions, String positiveLabel) {
        Map<String, Integer> missing = new LinkedHashMap<>();
        Map<String, Integer> unseen = new LinkedHashMap<>();
        for (ColumnImputation column : predictions.imputation()) {
            missing.put(column.column(), column.missingValues());
            unseen.put(column.column(), column.unseenLevels());
        }
        return new ServedBatch(batch, model, modelVersion, scoredAt, inputs.select(inputColumns),
                rows(predictions, positiveLabel), missing, unseen);
    }

    /**
     * @param predictions   one prediction per row
     * @param positiveLabel the class whose probability is the logged score
     * @return one served row per prediction: its label and the probability of {@code positiveLabel} (else its own
     *         score), or its error
     */
    public static List<ServedRow> rows(Predictions predictions, String positiveLabel) {
        List<ServedRow> rows = new ArrayList<>(predictions.size());
        for (PredictedRow row : predictions.rows()) {
            if (!row.ok()) {
                rows.add(ServedRow.failed(row.error().orElseThrow()));
                continue;
            }
            double score = row.probabilities().getOrDefault(positiveLabel, row.score().orElse(Double.NaN));
            rows.add(new ServedRow(row.label(), Double.isFinite(score) ? OptionalDouble.of(score)
                    : OptionalDouble.empty(), Optional.empty()));
        }
        return rows;
    }
}
