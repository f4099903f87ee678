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

    /**
     * The verdict by Evidently's rule, which both kinds of drift report (of tables and of profiles) apply: the dataset
     * drifted when at least one column was tested and the share of drifted columns reaches {@code driftShare}.
     *
     * @param driftShare      the share of drifted columns from which the dataset counts as drifted
     * @param numberOfColumns the columns tested
     * @param driftedColumns  the names of the drifted columns, in table order
     * @return the verdict; a share of 0 when no column was tested
     */
    public static DriftSummary of(double driftShare, int numberOfColumns, List<String> driftedColumns) {
        double share = numberOfColumns == 0 ? 0.0 : (double) driftedColumns.size() / numberOfColumns;
        return new DriftSummary(numberOfColumns > 0 && share >= driftShare, driftShare, numberOfColumns,
                driftedColumns.size(), share, driftedColumns);
    }
}
