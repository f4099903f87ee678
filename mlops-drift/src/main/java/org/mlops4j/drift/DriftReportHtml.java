package org.mlops4j.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlops4j.core.monitor.DriftSummary;
import org.mlops4j.core.monitor.DriftTreatment;
import org.mlops4j.core.spi.support.html.BarChart;
import org.mlops4j.core.spi.support.html.Html;

/**
 * Renders a {@link DriftReport} as one self-contained HTML page (no scripts, no external resources): a summary, a
 * table of columns, and per column a bar chart of the reference and current shares per bin as inline SVG. Every
 * piece of user text (column names, category labels) is escaped.
 *
 * <p>Package-private: not part of the API.
 */
final class DriftReportHtml {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 180;
    private static final String REFERENCE_COLOUR = "#4c78a8";
    private static final String CURRENT_COLOUR = "#f58518";

    private DriftReportHtml() {
    }

    /**
     * @param report the report
     * @return the HTML page
     */
    public static String write(DriftReport report) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data drift report</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.drift{color:#b00020;")
                .append("font-weight:bold}.ok{color:#2e7d32}section{margin:2em 0}</style></head><body>\n");
        DriftSummary summary = report.summary();
        out.append("<h1>Data drift report</h1>\n<p class=\"").append(summary.datasetDrift() ? "drift" : "ok")
                .append("\">").append(summary.datasetDrift() ? "Dataset drift detected" : "No dataset drift")
                .append(": ").append(summary.numberOfDriftedColumns()).append(" of ").append(summary.numberOfColumns())
                .append(" columns drifted (share ").append(fmt(summary.shareOfDriftedColumns()))
                .append(", drift share ").append(fmt(summary.driftShare())).append("; multiple testing: ")
                .append(report.multipleTesting().name().toLowerCase(Locale.ROOT)).append(").</p>\n");
        out.append("<p>Reference rows: ").append(report.referenceRows()).append("; current rows: ")
                .append(report.currentRows()).append(".</p>\n");
        out.append("<table><thead><tr><th>Column</th><th>Type</th><th>Test</th><th>Score</th><th>Threshold</th>")
                .append("<th>Drift</th></tr></thead><tbody>\n");
        for (ColumnDrift c : report.columns()) {
            out.append("<tr><td>").append(Html.escape(c.column())).append("</td><td>")
                    .append(DriftTreatment.key(c.columnType()))
                    .append("</td><td>").append(Html.escape(c.stattest())).append("</td><td>").append(fmt(c.score()))
                    .append(c.adjusted().isPresent() ? " (adjusted " + fmt(c.adjustedScore()) + ")" : "")
                    .append("</td><td>").append(Html.escape(c.rule().symbol())).append(' ').append(fmt(c.threshold()))
                    .append("</td><td class=\"").append(c.drifted() ? "drift\">yes" : "ok\">no")
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        if (!report.untestedColumns().isEmpty()) {
            out.append("<h2>Columns not tested</h2>\n<ul>\n");
            for (UntestedColumn u : report.untestedColumns()) {
                out.append("<li>").append(Html.escape(u.column())).append(": ").append(Html.escape(u.reason()))
                        .append("</li>\n");
            }
            out.append("</ul>\n");
        }
        for (ColumnDrift c : report.columns()) {
            out.append("<section><h2>").append(Html.escape(c.column())).append("</h2>\n<p>")
                    .append(Html.escape(c.stattest())).append(" = ").append(fmt(c.score())).append(", ")
                    .append(c.drifted() ? "drift" : "no drift").append(". Reference values: ")
                    .append(c.referenceSize()).append(" (").append(c.referenceDropped()).append(" dropped); current: ")
                    .append(c.currentSize()).append(" (").append(c.currentDropped()).append(" dropped).</p>\n");
            chart(out, c);
            out.append("</section>\n");
        }
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void chart(StringBuilder out, ColumnDrift c) {
        ColumnDistribution d = c.distribution();
        List<String> bins = d.bins();
        long[] ref = d.referenceCounts();
        long[] cur = d.currentCounts();
        List<String> tooltips = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            tooltips.add(bins.get(i) + ": reference " + ref[i] + ", current " + cur[i]);
        }
        Html svg = new Html();
        new BarChart("Distribution of " + c.column(), WIDTH, HEIGHT, bins, List.of(
                new BarChart.Series("reference", REFERENCE_COLOUR, shares(ref)),
                new BarChart.Series("current", CURRENT_COLOUR, shares(cur))), tooltips, "no values").render(svg);
        out.append(svg).append('\n');
    }

    private static double[] shares(long[] counts) {
        double total = Math.max(1, sum(counts));
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] / total;
        }
        return shares;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v);
    }
}
