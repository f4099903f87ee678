package org.mlops4j.drift.internal;

import java.util.List;
import java.util.Locale;
import org.mlops4j.drift.ColumnDistribution;
import org.mlops4j.drift.ColumnDrift;
import org.mlops4j.drift.DriftReport;

/**
 * Renders a {@link DriftReport} as one self-contained HTML page (no scripts, no external resources): a summary, a
 * table of columns, and per column a bar chart of the reference and current shares per bin as inline SVG. Every
 * piece of user text (column names, category labels) is escaped.
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class DriftReportHtml {

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
        out.append("<h1>Data drift report</h1>\n<p class=\"").append(report.datasetDrift() ? "drift" : "ok")
                .append("\">").append(report.datasetDrift() ? "Dataset drift detected" : "No dataset drift")
                .append(": ").append(report.numberOfDriftedColumns()).append(" of ").append(report.numberOfColumns())
                .append(" columns drifted (share ").append(fmt(report.shareOfDriftedColumns()))
                .append(", drift share ").append(fmt(report.driftShare())).append("; multiple testing: ")
                .append(report.multipleTesting().name().toLowerCase(Locale.ROOT)).append(").</p>\n");
        out.append("<p>Reference rows: ").append(report.referenceRows()).append("; current rows: ")
                .append(report.currentRows()).append(".</p>\n");
        out.append("<table><thead><tr><th>Column</th><th>Type</th><th>Test</th><th>Score</th><th>Threshold</th>")
                .append("<th>Drift</th></tr></thead><tbody>\n");
        for (ColumnDrift c : report.columns()) {
            out.append("<tr><td>").append(escape(c.column())).append("</td><td>").append(c.columnType().key())
                    .append("</td><td>").append(escape(c.stattest())).append("</td><td>").append(fmt(c.score()))
                    .append(c.adjusted().isPresent() ? " (adjusted " + fmt(c.adjustedScore()) + ")" : "")
                    .append("</td><td>").append(escape(c.rule().symbol())).append(' ').append(fmt(c.threshold()))
                    .append("</td><td class=\"").append(c.drifted() ? "drift\">yes" : "ok\">no")
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        for (ColumnDrift c : report.columns()) {
            out.append("<section><h2>").append(escape(c.column())).append("</h2>\n<p>")
                    .append(escape(c.stattest())).append(" = ").append(fmt(c.score())).append(", ")
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
        double refTotal = Math.max(1, sum(ref));
        double curTotal = Math.max(1, sum(cur));
        double max = 0;
        for (int i = 0; i < bins.size(); i++) {
            max = Math.max(max, Math.max(ref[i] / refTotal, cur[i] / curTotal));
        }
        max = max == 0 ? 1 : max;
        int top = 20;
        int bottom = HEIGHT - 30;
        double slot = (double) (WIDTH - 20) / Math.max(1, bins.size());
        double bar = Math.max(1, slot / 2 - 1);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"Distribution of ").append(escape(c.column()))
                .append("\">\n");
        out.append("<rect x=\"10\" y=\"2\" width=\"10\" height=\"10\" fill=\"").append(REFERENCE_COLOUR)
                .append("\"/><text x=\"24\" y=\"11\" font-size=\"11\">reference</text>")
                .append("<rect x=\"100\" y=\"2\" width=\"10\" height=\"10\" fill=\"").append(CURRENT_COLOUR)
                .append("\"/><text x=\"114\" y=\"11\" font-size=\"11\">current</text>\n");
        for (int i = 0; i < bins.size(); i++) {
            double x = 10 + i * slot;
            double hr = (bottom - top) * (ref[i] / refTotal) / max;
            double hc = (bottom - top) * (cur[i] / curTotal) / max;
            out.append("<g><title>").append(escape(bins.get(i))).append(": reference ").append(ref[i])
                    .append(", current ").append(cur[i]).append("</title>")
                    .append(rect(x, bottom - hr, bar, hr, REFERENCE_COLOUR))
                    .append(rect(x + bar, bottom - hc, bar, hc, CURRENT_COLOUR)).append("</g>\n");
        }
        out.append("<line x1=\"10\" y1=\"").append(bottom).append("\" x2=\"").append(WIDTH - 10).append("\" y2=\"")
                .append(bottom).append("\" stroke=\"#888\"/>\n");
        if (!bins.isEmpty()) {
            out.append("<text x=\"10\" y=\"").append(bottom + 14).append("\" font-size=\"10\">")
                    .append(escape(bins.get(0))).append("</text><text x=\"").append(WIDTH - 10).append("\" y=\"")
                    .append(bottom + 26).append("\" font-size=\"10\" text-anchor=\"end\">")
                    .append(escape(bins.get(bins.size() - 1))).append("</text>\n");
        }
        out.append("</svg>\n");
    }

    private static String rect(double x, double y, double w, double h, String colour) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x, y, w, h, colour);
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

    /**
     * @param text any text
     * @return the text with {@code & < > " '} escaped for HTML content and attributes
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
