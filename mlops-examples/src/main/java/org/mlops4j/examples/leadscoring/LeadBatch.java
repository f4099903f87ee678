package org.mlops4j.examples.leadscoring;

import java.util.Objects;
import org.mlops4j.core.data.Table;

/**
 * Generated leads and, for each, the true probability of class 1 that its label was drawn from, so that a test can
 * measure how well any model could do (the AUC of these probabilities).
 *
 * @param table         the raw leads, in the case study's 45 columns (44 without the target)
 * @param probabilities the true probability of class 1 per row (copied)
 */
public record LeadBatch(Table table, double[] probabilities) {

    /** Checks and copies the values. */
    public LeadBatch {
        Objects.requireNonNull(table, "table");
        probabilities = probabilities.clone();
        if (probabilities.length != table.rowCount()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + table.rowCount()
                    + " rows");
        }
    }

    /** @return a copy of the true probabilities */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
