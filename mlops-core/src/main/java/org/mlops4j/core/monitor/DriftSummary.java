package org.mlops4j.core.monitor;

import java.util.List;

/**
 * The verdict of a drift report, kept in a {@link PolicyDecision} as evidence: whether the dataset drifted by the
 * share-of-drifted-columns rule, and which columns' statistical tests found drift.
 *
 * @param datasetDrift           whether the dataset drifted
 * @param driftShare             the share of drifted columns from which the dataset counts as drifted
 * @param numberOfColumns        the columns tested
 * @param numberOfDriftedColumns the columns whose test found drift
 * @param shareOfDriftedColumns  drifted columns divided by tested columns
 * @param driftedColumns         the names of the drifted columns, in table order
 */
public record DriftSummary(boolean datasetDrift, double driftShare, int numberOfColumns, int numberOfDriftedColumns,
                           double shareOfDriftedColumns, List<String> driftedColumns) {

    /** Copies the list. */
    public DriftSummary {
        driftedColumns = List.copyOf(driftedColumns);
    }
}
