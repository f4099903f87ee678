package org.mlops4j.drift.profile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.spi.support.AtomicFiles;

/**
 * A data profile report (the pandas-profiling / ydata-profiling workflow) built from a {@link TableProfile}, so it
 * works on any number of rows with bounded memory: an overview (rows, columns, missing cells, duplicate rows), one
 * summary per column (type, distinct, missing, min/max/mean/std/quantiles, histogram or top values), Pearson
 * correlations, and alerts. Data first ({@link #toJson()}), rendered second ({@link #toHtml()}: one self-contained
 * page with inline SVG charts, all user text escaped).
 *
 * <pre>{@code
 * ProfileReport.of(TableProfile.of(table), "Leads").writeHtml(Path.of("leads-profile.html"));
 * }</pre>
 *
 * <p>What is exact follows the profile: counts, moments, min and max always; quantiles, histograms, distinct counts
 * and duplicate rows while the profile counted them exactly, estimates with stated error beyond.
 *
 * @param title        the report's title
 * @param createdAt    when the report was made
 * @param overview     table-wide statistics
 * @param columns      one summary per column
 * @param correlations Pearson correlations between numeric columns
 * @param alerts       warnings, table-wide first, then per column in column order
 */
public record ProfileReport(String title, Instant createdAt, ReportOverview overview, List<ColumnSummary> columns,
                            List<Correlation> correlations, List<Alert> alerts) {

    /** Copies the lists. */
    public ProfileReport {
        columns = List.copyOf(columns);
        correlations = List.copyOf(correlations);
        alerts = List.copyOf(alerts);
    }

    /**
     * @param profile a table profile
     * @param title   the report's title
     * @return the report with ydata-profiling's alert thresholds, 50 histogram bins and 10 top values
     */
    public static ProfileReport of(TableProfile profile, String title) {
        return of(profile, title, AlertThresholds.defaults(), 50, 10);
    }

    /**
     * @param profile       a table profile
     * @param title         the report's title
     * @param thresholds    when to raise alerts
     * @param histogramBins bins per numeric histogram
     * @param topValues     most frequent values listed per column
     * @return the report
     */
    public static ProfileReport of(TableProfile profile, String title, AlertThresholds thresholds,
                                   int histogramBins, int topValues) {
        List<ColumnSummary> columns = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (ColumnProfile column : profile.columns()) {
            byType.merge(column.type().key(), 1, Integer::sum);
            ColumnSummary summary = summarize(column, profile.rowCount(), histogramBins, topValues);
            columns.add(summary);
        }
        long cells = profile.rowCount() * (long) profile.columnCount();
        ReportOverview overview = new ReportOverview(profile.rowCount(), profile.columnCount(), profile.missingCells(),
                cells == 0 ? 0.0 : (double) profile.missingCells() / cells, profile.duplicateRows(), byType);
        if (profile.rowCount() == 0) {
            alerts.add(new Alert(AlertType.EMPTY, List.of(), 0, "The table has no rows"));
        }
        profile.duplicateRows().ifPresent(d -> {
            double sure = d.exact() ? d.duplicates() : d.lowerBound();
            if (sure > 0 && sure / Math.max(1, d.rows()) > thresholds.duplicateShare()) {
                alerts.add(new Alert(AlertType.DUPLICATES, List.of(), d.duplicates(), String.format(Locale.ROOT,
                        "The table has %s duplicate rows (%s)", count(d.duplicates(), d.exact()),
                        percent(d.fraction()))));
            }
        });
        for (int i = 0; i < columns.size(); i++) {
            ColumnSummary summary = columns.get(i);
            ColumnAlerts.add(alerts, summary, profile.columns().get(i), thresholds);
        }
        for (Correlation c : profile.correlations()) {
            if (Math.abs(c.pearson()) > thresholds.correlation()) {
                alerts.add(new Alert(AlertType.HIGH_CORRELATION, List.of(c.first(), c.second()), c.pearson(),
                        String.format(Locale.ROOT, "'%s' is highly correlated with '%s' (r = %.3f)", c.first(),
                                c.second(), c.pearson())));
            }
        }
        return new ProfileReport(title, Instant.now(), overview, columns, profile.correlations(), alerts);
    }

    private static ColumnSummary summarize(ColumnProfile column, long rows, int bins, int top) {
        long missing = column.missingCount() + Math.max(0, rows - column.rowCount());
        double missingFraction = rows == 0 ? 0.0 : (double) missing / rows;
        if (column instanceof NumericProfile n) {
            Map<String, Double> quantiles = new LinkedHashMap<>();
            for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
                quantiles.put(Math.round(q * 100) + "%", n.quantile(q));
            }
            double sd = n.standardDeviation();
            NumericSummary numeric = new NumericSummary(n.min(), n.max(), n.mean(), sd, n.variance(), n.skewness(),
                    n.kurtosis(), n.sum(), n.zeroCount(), n.negativeCount(), n.infiniteCount(), quantiles,
                    n.max() - n.min(), quantiles.get("75%") - quantiles.get("25%"), sd / n.mean(),
                    n.quantilesExact(), n.normalizedRankError());
            List<ValueCount> common = n.commonValues(top).stream()
                    .map(v -> new ValueCount(ReportHtmlWriter.number(v.value()), v.count(), v.count(), v.count()))
                    .toList();
            return new ColumnSummary(column.name(), column.type(), n.count() - n.nanCount(), missing,
                    missingFraction, column.distinct(), Optional.of(numeric), common, n.histogram(bins));
        }
        CategoricalProfile c = (CategoricalProfile) column;
        return new ColumnSummary(column.name(), column.type(), c.count(), missing, missingFraction, column.distinct(),
                Optional.empty(), c.topValues(top), List.of());
    }

    static String count(double value, boolean exact) {
        return exact ? String.valueOf(Math.round(value)) : "about " + Math.round(value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** @return the report as JSON (format {@code mlops4j-profile-report}, version 1; NaN written as null) */
    public String toJson() {
        return ProfileReportJson.write(this);
    }

    /** @return the report as one self-contained HTML page with inline SVG charts and no scripts */
    public String toHtml() {
        return ReportHtmlWriter.write(this);
    }

    /** @param file the JSON file to create or replace, crash-safely */
    public void writeJson(Path file) {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** @param file the HTML file to create or replace, crash-safely */
    public void writeHtml(Path file) {
        byte[] bytes = toHtml().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
