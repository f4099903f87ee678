package org.mlops4j.examples.leadscoring;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One row of the demo's summary: an inference batch, what monitoring found and what was done.
 *
 * @param batch          the batch's id
 * @param injectedDrift  the drift put into the batch, in words
 * @param rows           rows scored
 * @param servedBy       the model version that scored it
 * @param driftShare     the share of monitored columns that drifted
 * @param maxDeviation   the largest deviation of a monitored column, in percentage points
 * @param decidingColumn the column with that deviation
 * @param action         the action decided ({@code none}, {@code retrain}, {@code escalate})
 * @param auc            the serving model's AUC on the batch's labels, when measured
 * @param result         what the action did, in words
 * @param productionAfter the Production version after the action
 */
public record DemoBatch(String batch, String injectedDrift, int rows, int servedBy, double driftShare,
                        double maxDeviation, String decidingColumn, String action, OptionalDouble auc, String result,
                        int productionAfter) {

    /** Checks that nothing is {@code null}. */
    public DemoBatch {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(injectedDrift, "injectedDrift");
        Objects.requireNonNull(decidingColumn, "decidingColumn");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(auc, "auc");
        Objects.requireNonNull(result, "result");
    }
}
