package org.mlops4j.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.monitor.DriftSummary;
import org.mlops4j.core.monitor.PolicyDecision;

/**
 * The result of comparing a current table with a reference table, column by column, and the verdict for the whole
 * dataset: drift when the share of drifted columns reaches {@code driftShare} (Evidently's rule). The verdict is a
 * {@link DriftSummary}, the type a {@link org.mlops4j.core.monitor.PolicyDecision} keeps as evidence, so that a
 * decision carries the report's own verdict.
 *
 * @param summary         the verdict: dataset drift, the drift share, how many columns were tested and drifted, and
 *                        the drifted columns' names in table order
 * @param multipleTesting the correction applied to p-values
 * @param referenceRows   the reference table's rows
 * @param currentRows     the current table's rows
 * @param columns         the per-column results of the tested columns, in table order
 * @param untestedColumns the columns that could not be tested (empty, or constant in both windows), with the reason,
 *                        in table order; the verdict ignores them
 */
public record DriftReport(DriftSummary summary, MultipleTesting multipleTesting, int referenceRows, int currentRows,
                          List<ColumnDrift> columns, List<UntestedColumn> untestedColumns) {

    /**
     * Copies the column lists and checks that the verdict is the tested columns'.
     *
     * @throws IllegalArgumentException when the summary's column counts or drifted columns are not the columns'
     */
    public DriftReport {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(multipleTesting, "multipleTesting");
        columns = List.copyOf(columns);
        untestedColumns = List.copyOf(untestedColumns);
        List<String> drifted = columns.stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList();
        if (summary.numberOfColumns() != columns.size() || !summary.driftedColumns().equals(drifted)) {
            throw new IllegalArgumentException("The summary counts " + summary.numberOfColumns() + " columns with "
                    + summary.driftedColumns() + " drifted, but the report has " + columns.size() + " columns with "
                    + drifted + " drifted; build the summary from the columns (DriftReport.of)");
        }
    }

    /**
     * A report in which every column was tested.
     *
     * @param summary         the verdict
     * @param multipleTesting the correction applied to p-values
     * @param referenceRows   the reference table's rows
     * @param currentRows     the current table's rows
     * @param columns         the per-column results, in table order
     * @throws IllegalArgumentException as the canonical constructor
     */
    public DriftReport(DriftSummary summary, MultipleTesting multipleTesting, int referenceRows, int currentRows,
                       List<ColumnDrift> columns) {
        this(summary, multipleTesting, referenceRows, currentRows, columns, List.of());
    }

    /**
     * A report whose verdict follows from its columns by Evidently's rule: the dataset drifts when at least one column
     * was tested and the share of drifted columns is at least {@code driftShare}.
     *
     * @param driftShare      the share of drifted columns from which the dataset counts as drifted
     * @param multipleTesting the correction applied to p-values
     * @param referenceRows   the reference table's rows
     * @param currentRows     the current table's rows
     * @param columns         the per-column results, in table order
     * @return the report
     */
    public static DriftReport of(double driftShare, MultipleTesting multipleTesting, int referenceRows,
                                 int currentRows, List<ColumnDrift> columns) {
        return of(driftShare, multipleTesting, referenceRows, currentRows, columns, List.of());
    }

    /**
     * As {@link #of(double, MultipleTesting, int, int, List)}, with the columns that could not be tested.
     *
     * @param driftShare      the share of drifted columns from which the dataset counts as drifted
     * @param multipleTesting the correction applied to p-values
     * @param referenceRows   the reference table's rows
     * @param currentRows     the current table's rows
     * @param columns         the tested columns' results, in table order
     * @param untestedColumns the columns that could not be tested, with the reason
     * @return the report
     */
    public static DriftReport of(double driftShare, MultipleTesting multipleTesting, int referenceRows,
                                 int currentRows, List<ColumnDrift> columns, List<UntestedColumn> untestedColumns) {
        List<String> drifted = columns.stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList();
        return new DriftReport(DriftSummary.of(driftShare, columns.size(), drifted), multipleTesting, referenceRows,
                currentRows, columns, untestedColumns);
    }

    /**
     * @param name a column's name
     * @return why that column was not tested, if it was not
     */
    public Optional<UntestedColumn> untestedColumn(String name) {
        return untestedColumns.stream().filter(c -> c.column().equals(name)).findFirst();
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
     * {@code threshold} and {@code drifted}, plus further fields; {@code untested_columns}, each with {@code column} and
     * {@code reason}. Scores that are not numbers are written as {@code null}.
     *
     * @return the JSON text
     */
    public String toJson() {
        return DriftReportJson.write(this);
    }

    /**
     * @return a self-contained HTML page: the dataset verdict, a table of columns, the columns not tested, and per
     *         column its test, score and threshold and both distributions as an inline SVG chart (every category
     *         labelled with its shares, or a histogram with axes and quantiles)
     */
    public String toHtml() {
        return DriftReportHtml.write(this, Optional.empty());
    }

    /**
     * The page of {@link #toHtml()} with the policy's decision on top (action, band, deciding column and its moved
     * probability mass) and each column's moved mass, so that the page and the action agree.
     *
     * @param decision the decision made from this report and the same data
     * @return the HTML page
     */
    public String toHtml(PolicyDecision decision) {
        return DriftReportHtml.write(this, Optional.of(decision));
    }
}
