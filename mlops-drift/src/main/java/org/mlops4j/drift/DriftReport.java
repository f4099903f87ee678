package org.mlops4j.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of comparing a current table with a reference table, column by column, and the verdict for the whole
 * dataset: drift when the share of drifted columns reaches {@code driftShare} (Evidently's rule).
 *
 * @param datasetDrift           whether the dataset drifted
 * @param driftShare             the share of drifted columns from which the dataset counts as drifted
 * @param numberOfColumns        the columns tested
 * @param numberOfDriftedColumns the columns that drifted
 * @param shareOfDriftedColumns  drifted columns divided by tested columns (0 when none was tested)
 * @param multipleTesting        the correction applied to p-values
 * @param referenceRows          the reference table's rows
 * @param currentRows            the current table's rows
 * @param columns                the per-column results, in table order
 */
public record DriftReport(boolean datasetDrift, double driftShare, int numberOfColumns, int numberOfDriftedColumns,
                          double shareOfDriftedColumns, MultipleTesting multipleTesting, int referenceRows,
                          int currentRows, List<ColumnDrift> columns) {

    /** Copies the column list. */
    public DriftReport {
        Objects.requireNonNull(multipleTesting, "multipleTesting");
        columns = List.copyOf(columns);
    }

    /**
     * @param name a column's name
     * @return that column's result, if it was tested
     */
    public Optional<ColumnDrift> column(String name) {
        return columns.stream().filter(c -> c.column().equals(name)).findFirst();
    }

    /** @return the columns that drifted, in table order */
    public List<ColumnDrift> driftedColumns() {
        return columns.stream().filter(ColumnDrift::drifted).toList();
    }

    /**
     * The report as JSON, in a stable shape: {@code dataset_drift}, {@code drift_share}, {@code number_of_columns},
     * {@code number_of_drifted_columns}, {@code share_of_drifted_columns}, and {@code columns}, each with
     * {@code column}, {@code column_type} ({@code num} or {@code cat}), {@code stattest}, {@code score},
     * {@code threshold} and {@code drifted}, plus further fields. Scores that are not numbers are written as
     * {@code null}.
     *
     * @return the JSON text
     */
    public String toJson() {
        return DriftReportJson.write(this);
    }

    /** @return a self-contained HTML page: a summary and, per column, both distributions as an inline SVG chart */
    public String toHtml() {
        return DriftReportHtml.write(this);
    }
}
