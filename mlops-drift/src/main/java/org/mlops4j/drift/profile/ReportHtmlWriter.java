package org.mlops4j.drift.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.core.spi.support.html.BarChart;
import org.mlops4j.core.spi.support.html.HorizontalBarChart;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.ValueFormats;

/**
 * Renders a {@link ProfileReport} as one self-contained HTML page: no scripts, no external resources, charts as
 * inline SVG (a histogram per numeric column, a bar chart of top values per other column). Every piece of user text
 * (title, column names, levels) is HTML-escaped.
 *
 * <p>Package-private: not part of the API.
 */
final class ReportHtmlWriter {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 10px;text-align:left;"
            + "border-bottom:1px solid #eee}th{font-weight:600}.column{border:1px solid #ddd;border-radius:6px;"
            + "padding:1em;margin:1em 0}.type{color:#666;font-size:.8em;margin-left:.5em}.stats{display:flex;"
            + "gap:2em;flex-wrap:wrap}.alert{color:#a33}.bar{fill:#4a7ab5}.num{text-align:right}"
            + "svg text{font-size:11px;fill:#333}";

    private static final String BAR_COLOUR = "#4a7ab5";
    private static final int CHART_WIDTH = 420;

    private ReportHtmlWriter() {
    }

    /**
     * @param report a report
     * @return the HTML page
     */
    public static String write(ProfileReport report) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(report.title())).append("</title><style>").append(STYLE).append("</style></head>\n")
                .append("<body><h1>").append(Html.escape(report.title())).append("</h1><p>Profile report, ")
                .append(Html.escape(ValueFormats.time(report.createdAt()) + " UTC")).append("</p>\n");
        overview(out, report.overview());
        alerts(out, report.alerts());
        out.append("<section id=\"variables\"><h2>Variables</h2>\n");
        for (ColumnSummary column : report.columns()) {
            column(out, column);
        }
        out.append("</section>\n");
        correlations(out, report);
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void overview(StringBuilder out, ReportOverview o) {
        out.append("<section id=\"overview\"><h2>Overview</h2><table>");
        row(out, "Number of variables", String.valueOf(o.columns()));
        row(out, "Number of observations", String.valueOf(o.rows()));
        row(out, "Missing cells", String.valueOf(o.missingCells()));
        row(out, "Missing cells (%)", percent(o.missingCellsFraction()));
        o.duplicateRows().ifPresent(d -> {
            row(out, "Duplicate rows", (d.exact() ? "" : "about ") + Math.round(d.duplicates())
                    + (d.exact() ? "" : " (" + Math.round(d.lowerBound()) + " to " + Math.round(d.upperBound()) + ")"));
            row(out, "Duplicate rows (%)", percent(d.fraction()));
        });
        for (Map.Entry<String, Integer> type : o.columnsByType().entrySet()) {
            row(out, "Columns: " + type.getKey(), String.valueOf(type.getValue()));
        }
        out.append("</table></section>\n");
    }

    private static void alerts(StringBuilder out, List<Alert> alerts) {
        out.append("<section id=\"alerts\"><h2>Alerts (").append(alerts.size()).append(")</h2><ul>");
        for (Alert alert : alerts) {
            out.append("<li class=\"alert\"><strong>").append(alert.type().name()).append("</strong> ")
                    .append(Html.escape(alert.message())).append("</li>");
        }
        out.append("</ul></section>\n");
    }

    private static void column(StringBuilder out, ColumnSummary c) {
        out.append("<div class=\"column\"><h3>").append(Html.escape(c.name())).append("<span class=\"type\">")
                .append(c.type().key()).append("</span></h3><div class=\"stats\"><table>");
        row(out, "Distinct", (c.distinct().exact() ? "" : "about ") + c.distinct().rounded());
        row(out, "Missing", c.missing() + " (" + percent(c.missingFraction()) + ")");
        row(out, "Values", String.valueOf(c.count()));
        if (c.numeric().isPresent()) {
            NumericSummary n = c.numeric().get();
            row(out, "Mean", number(n.mean()));
            row(out, "Std", number(n.standardDeviation()));
            row(out, "Minimum", number(n.min()));
            row(out, "Maximum", number(n.max()));
            row(out, "Zeros", String.valueOf(n.zeros()));
            row(out, "Negative", String.valueOf(n.negatives()));
            row(out, "Infinite", String.valueOf(n.infinite()));
            out.append("</table><table>");
            for (Map.Entry<String, Double> q : n.quantiles().entrySet()) {
                row(out, q.getKey(), number(q.getValue()));
            }
            row(out, "IQR", number(n.interquartileRange()));
            row(out, "Skewness", number(n.skewness()));
            row(out, "Kurtosis", number(n.kurtosis()));
            row(out, "CV", number(n.coefficientOfVariation()));
            row(out, "Quantiles", n.quantilesExact() ? "exact"
                    : "within " + number(n.rankError()) + " in rank (99%)");
        }
        out.append("</table>");
        if (c.numeric().isPresent()) {
            histogram(out, c.histogram(), c.name());
        } else {
            bars(out, c.topValues(), c.count(), c.name());
        }
        out.append("</div>");
        if (c.numeric().isPresent() && !c.topValues().isEmpty()) {
            out.append("<table><tr><th>Common value</th><th class=\"num\">Count</th></tr>");
            for (ValueCount v : c.topValues()) {
                out.append("<tr><td>").append(Html.escape(v.value())).append("</td><td class=\"num\">").append(v.count())
                        .append("</td></tr>");
            }
            out.append("</table>");
        }
        out.append("</div>\n");
    }

    private static void histogram(StringBuilder out, List<HistogramBin> bins, String column) {
        // bins are named by their lower bound, the last by its upper: the chart labels the histogram's two ends
        List<String> ends = new ArrayList<>();
        List<String> tooltips = new ArrayList<>();
        double[] counts = new double[bins.size()];
        for (int i = 0; i < bins.size(); i++) {
            HistogramBin bin = bins.get(i);
            ends.add(number(i == bins.size() - 1 ? bin.upper() : bin.lower()));
            tooltips.add("[" + number(bin.lower()) + ", " + number(bin.upper()) + (i == bins.size() - 1 ? "]" : ")")
                    + ": " + number(bin.count()));
            counts[i] = bin.count();
        }
        Html svg = new Html();
        new BarChart("Histogram of " + column, CHART_WIDTH, 160, ends,
                List.of(new BarChart.Series("count", BAR_COLOUR, counts)), tooltips, "no finite values").render(svg);
        out.append(svg);
        double tallest = 0;
        for (double count : counts) {
            tallest = Math.max(tallest, count);
        }
        Html axes = new Html();
        axes.element("p", "x: " + column + " (" + bins.size() + " bins); y: rows per bin, up to "
                + number(tallest), "class", "axes");
        out.append(axes);
    }

    private static void bars(StringBuilder out, List<ValueCount> values, long total, String column) {
        List<HorizontalBarChart.Bar> bars = new ArrayList<>();
        for (ValueCount v : values) {
            bars.add(new HorizontalBarChart.Bar(v.value(), v.count(), v.count() + " (" + percent(total == 0 ? 0
                    : (double) v.count() / total) + ")", v.value() + ": " + v.count()));
        }
        Html svg = new Html();
        new HorizontalBarChart("Top values of " + column, CHART_WIDTH, 150, BAR_COLOUR, bars, "no values").render(svg);
        out.append(svg);
    }

    private static void correlations(StringBuilder out, ProfileReport report) {
        out.append("<section id=\"correlations\"><h2>Correlations</h2>");
        List<Correlation> correlations = report.correlations();
        if (correlations.isEmpty()) {
            out.append("<p>Fewer than two numeric columns.</p></section>\n");
            return;
        }
        heatmap(out, correlations);
        out.append("<table><tr><th>Column</th><th>Column</th><th class=\"num\">Pearson r</th>"
                + "<th class=\"num\">Pairs</th></tr>");
        for (Correlation c : correlations) {
            String color = colour(c.pearson());
            out.append("<tr><td>").append(Html.escape(c.first())).append("</td><td>").append(Html.escape(c.second()))
                    .append("</td><td class=\"num\" style=\"background:").append(color).append("\">")
                    .append(number(c.pearson())).append("</td><td class=\"num\">").append(c.pairs())
                    .append("</td></tr>");
        }
        out.append("</table></section>\n");
    }

    /** The most columns the heatmap shows; the pair table below lists every pair. */
    private static final int HEATMAP_COLUMNS = 30;

    /** A matrix of the numeric columns, each cell's colour its Pearson r (blue positive, red negative). */
    private static void heatmap(StringBuilder out, List<Correlation> correlations) {
        List<String> names = new ArrayList<>();
        Map<String, Double> r = new java.util.HashMap<>();
        for (Correlation c : correlations) {
            if (!names.contains(c.first())) {
                names.add(c.first());
            }
            if (!names.contains(c.second())) {
                names.add(c.second());
            }
            r.put(c.first() + "\u0000" + c.second(), c.pearson());
            r.put(c.second() + "\u0000" + c.first(), c.pearson());
        }
        List<String> shown = names.subList(0, Math.min(HEATMAP_COLUMNS, names.size()));
        out.append("<table class=\"heatmap\" id=\"correlation-heatmap\"><caption>Pearson r between numeric columns"
                + (shown.size() < names.size() ? " (the first " + shown.size() + " of " + names.size() + ")" : "")
                + "</caption><tr><th></th>");
        for (String name : shown) {
            out.append("<th>").append(Html.escape(name)).append("</th>");
        }
        out.append("</tr>");
        for (String row : shown) {
            out.append("<tr><th>").append(Html.escape(row)).append("</th>");
            for (String column : shown) {
                double value = row.equals(column) ? 1.0 : r.getOrDefault(row + "\u0000" + column, Double.NaN);
                out.append("<td class=\"num\" style=\"background:").append(colour(value)).append("\" title=\"")
                        .append(Html.escape(row + " / " + column)).append("\">").append(number(value))
                        .append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</table>");
    }

    private static String colour(double pearson) {
        double r = Double.isNaN(pearson) ? 0 : pearson;
        return r >= 0 ? String.format(Locale.ROOT, "rgba(74,122,181,%.2f)", Math.abs(r))
                : String.format(Locale.ROOT, "rgba(181,74,74,%.2f)", Math.abs(r));
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("<tr><th>").append(Html.escape(name)).append("</th><td class=\"num\">").append(Html.escape(value))
                .append("</td></tr>");
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /**
     * @param value a number
     * @return a short display form: whole numbers without decimals, others with six significant digits,
     *         {@code "n/a"} for NaN
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.6g", value);
        if (text.contains("e")) {
            return text;
        }
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
