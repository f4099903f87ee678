package org.mlops4j.models;

import java.util.List;
import java.util.Optional;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;

/**
 * The predictions for a table, one per input row in row order; rows that could not be predicted carry their error.
 *
 * @param rows       one entry per input row
 * @param imputation per input column of the model, in its order, how many values of the batch were missing and how
 *                   many held a level the model does not know (see {@link ColumnImputation}); empty when not known
 */
public record Predictions(List<PredictedRow> rows, List<ColumnImputation> imputation) {

    /** Copies the lists. */
    public Predictions {
        rows = List.copyOf(rows);
        imputation = List.copyOf(imputation);
    }

    /** @param rows one entry per input row; no imputation counts */
    public Predictions(List<PredictedRow> rows) {
        this(rows, List.of());
    }

    /**
     * @param column an input column's name
     * @return that column's counts, if it is one of the model's input columns
     */
    public Optional<ColumnImputation> imputation(String column) {
        return imputation.stream().filter(c -> c.column().equals(column)).findFirst();
    }

    /** @return how many values of the batch were missing, over all input columns */
    public int missingValues() {
        return imputation.stream().mapToInt(ColumnImputation::missingValues).sum();
    }

    /** @return how many values of the batch held a categorical level the model does not know */
    public int unseenLevels() {
        return imputation.stream().mapToInt(ColumnImputation::unseenLevels).sum();
    }

    /** @return the number of rows */
    public int size() {
        return rows.size();
    }

    /**
     * @param row a row index
     * @return that row's prediction
     */
    public PredictedRow get(int row) {
        return rows.get(row);
    }

    /** @return the rows that could not be predicted */
    public List<PredictedRow> failures() {
        return rows.stream().filter(r -> !r.ok()).toList();
    }

    /**
     * @param input the table that was predicted
     * @return the input with three columns added, as PyCaret's {@code predict_model}: {@code prediction_label}
     *         (classification only), {@code prediction_score} and {@code prediction_error} (empty where predicted)
     */
    public Table appendTo(Table input) {
        if (input.rowCount() != rows.size()) {
            throw new IllegalArgumentException("The table has " + input.rowCount() + " rows but there are "
                    + rows.size() + " predictions");
        }
        CategoricalColumn.Builder labels = CategoricalColumn.builder("prediction_label", rows.size());
        NumericColumn.Builder scores = NumericColumn.builder("prediction_score", rows.size());
        TextColumn.Builder errors = TextColumn.builder("prediction_error", rows.size());
        boolean anyLabel = false;
        for (PredictedRow r : rows) {
            labels.add(r.label().orElse(null));
            anyLabel |= r.label().isPresent();
            if (r.score().isPresent()) {
                scores.add(r.score().getAsDouble());
            } else {
                scores.addNull();
            }
            errors.add(r.error().orElse(null));
        }
        Table out = input;
        if (anyLabel) {
            out = out.withColumn(labels.build());
        }
        return out.withColumn(scores.build()).withColumn(errors.build());
    }
}
