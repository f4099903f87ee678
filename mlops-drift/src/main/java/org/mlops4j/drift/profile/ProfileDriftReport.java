package org.mlops4j.drift.profile;

import java.util.List;
import java.util.Optional;
import org.mlops4j.core.monitor.DriftSummary;

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

    /**
     * @return the verdict, the same type a {@link org.mlops4j.drift.DriftReport} carries: whether the share of drifted columns
     *         (0 when none was compared) reaches the options' drift share, and which columns drifted
     */
    public DriftSummary summary() {
        return DriftSummary.of(options.driftShare(), columns.size(),
                driftedColumns().stream().map(ColumnProfileDrift::column).toList());
    }
}
