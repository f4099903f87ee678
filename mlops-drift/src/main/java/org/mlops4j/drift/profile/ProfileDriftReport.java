package org.mlops4j.drift.profile;

import java.util.List;
import java.util.Optional;

/**
 * Drift between a reference profile and a current profile, column by column, with Evidently's dataset verdict
 * (drift when the share of drifted columns is at least {@link ProfileDriftOptions#driftShare()}).
 *
 * @param columns         the columns present in both profiles, in the reference's order
 * @param onlyInReference columns the current profile lacks
 * @param onlyInCurrent   columns the reference profile lacks
 * @param options         the options used
 */
public record ProfileDriftReport(List<ColumnProfileDrift> columns, List<String> onlyInReference,
                                 List<String> onlyInCurrent, ProfileDriftOptions options) {

    /** Copies the lists. */
    public ProfileDriftReport {
        columns = List.copyOf(columns);
        onlyInReference = List.copyOf(onlyInReference);
        onlyInCurrent = List.copyOf(onlyInCurrent);
    }

    /**
     * @param name a column's name
     * @return its drift, if the column is in both profiles
     */
    public Optional<ColumnProfileDrift> column(String name) {
        return columns.stream().filter(c -> c.column().equals(name)).findFirst();
    }

    /** @return the columns whose default score drifted */
    public List<ColumnProfileDrift> driftedColumns() {
        return columns.stream().filter(ColumnProfileDrift::drifted).toList();
    }

    /** @return the drifted columns' share of the compared columns, 0 when none was compared */
    public double shareOfDriftedColumns() {
        return columns.isEmpty() ? 0.0 : (double) driftedColumns().size() / columns.size();
    }

    /** @return whether the share of drifted columns reaches the options' drift share */
    public boolean datasetDrift() {
        return !columns.isEmpty() && shareOfDriftedColumns() >= options.driftShare();
    }
}
