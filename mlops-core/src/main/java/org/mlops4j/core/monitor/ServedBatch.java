package org.mlops4j.core.monitor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.data.Table;

/**
 * One scored batch as the {@link ServingLog} captures it: who scored it and when, the input rows as the model saw
 * them, each row's result, and how many values of the batch the model had to fill in. A neutral value: it names no
 * model library, so that whatever scores (a batch pipeline, a model server) can hand its results over; mlops-models
 * makes one from its predictions.
 *
 * @param batch         the batch's id (the serving log's windows are made of batches)
 * @param model         the registered model's name
 * @param modelVersion  the version that scored the batch
 * @param scoredAt      when the batch was scored
 * @param inputs        the model's input columns as they were scored, in the model's order; every column is logged
 * @param rows          one result per input row, in row order
 * @param missingValues per input column, how many values of the batch were missing (imputed, or failing their rows
 *                      under strict scoring), in the model's column order; columns with 0 may be left out
 * @param unseenLevels  per input column, how many values held a categorical level the model does not know, in the
 *                      model's column order; columns with 0 may be left out
 */
public record ServedBatch(String batch, String model, int modelVersion, Instant scoredAt, Table inputs,
                          List<ServedRow> rows, Map<String, Integer> missingValues,
                          Map<String, Integer> unseenLevels) {

    /**
     * Checks the values and copies the collections, keeping the counts' order.
     *
     * @throws IllegalArgumentException when there is not one row result per input row, or a count is negative
     */
    public ServedBatch {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scoredAt, "scoredAt");
        Objects.requireNonNull(inputs, "inputs");
        rows = List.copyOf(rows);
        if (rows.size() != inputs.rowCount()) {
            throw new IllegalArgumentException("Batch '" + batch + "' has " + inputs.rowCount() + " input rows but "
                    + rows.size() + " row results; give one result per input row");
        }
        missingValues = counts("missing values", missingValues);
        unseenLevels = counts("unseen levels", unseenLevels);
    }

    private static Map<String, Integer> counts(String what, Map<String, Integer> counts) {
        Map<String, Integer> copy = new LinkedHashMap<>();
        counts.forEach((column, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("The count of " + what + " of column '" + column
                        + "' must not be negative, was " + n);
            }
            copy.put(Objects.requireNonNull(column, "column"), n);
        });
        return Collections.unmodifiableMap(copy);
    }
}
