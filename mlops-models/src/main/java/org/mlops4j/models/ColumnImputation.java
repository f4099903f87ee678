package org.mlops4j.models;

import java.util.Objects;

/**
 * How many values of one input column in one prediction batch the model's preprocessing had to fill in: values that
 * were missing, and categorical levels the model does not know. By default each is imputed by the rule of
 * {@link FeatureEncoder} and the row is predicted; under {@link PredictOptions#strict()} each fails its row instead,
 * and the counts still say how many were found.
 *
 * @param column        the input column's name
 * @param missingValues how many rows held no value (null, or NaN in a numeric column)
 * @param unseenLevels  how many rows held a categorical level that is not one of the model's levels (a level first
 *                      seen at prediction time, or one grouped as rare at training, which the model does not keep);
 *                      always 0 for numeric and boolean columns
 */
public record ColumnImputation(String column, int missingValues, int unseenLevels) {

    /** Checks the values. */
    public ColumnImputation {
        Objects.requireNonNull(column, "column");
        if (missingValues < 0 || unseenLevels < 0) {
            throw new IllegalArgumentException("Counts must not be negative: " + missingValues + ", " + unseenLevels);
        }
    }

    /** @return whether the column needed no imputation in the batch */
    public boolean none() {
        return missingValues == 0 && unseenLevels == 0;
    }
}
