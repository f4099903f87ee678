package org.mlops4j.drift;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.ColumnDeviation;
import org.mlops4j.core.monitor.DriftSummary;
import org.mlops4j.core.monitor.DriftTreatment;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.spi.support.html.HistogramChart;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.PairedBarChart;

/**
 * Renders a {@link DriftReport} as one self-contained HTML page (no scripts, no external resources). On top: the
 * policy's decision when there is one (action, band, deciding column and its moved probability mass) and the dataset
 * verdict by Evidently's rule, worded so that the page never contradicts the action; then a table of columns (test,
 * score, threshold, verdict, moved mass), the columns that could not be tested with the reason, and per column its
 * test, score and threshold and a chart: every category (up to the top 20 and "other") labelled with its shares in
 * both windows, or a histogram with value and share axes and the quartile markers, with a table of quantiles. SVG
 * {@code <title>} elements give exact values as tooltips. Every piece of user text is escaped.
 *
 * <p>Package-private: not part of the API.
 */
final class DriftReportHtml {

    private static final int WIDTH = 720;
    private static final int HISTOGRAM_HEIGHT = 220;
    private static final int LABEL_WIDTH = 200;
    private static final String REFERENCE_COLOUR = "#4c78a8";
    private static final String CURRENT_COLOUR = "#f58518";
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:60em}"
            + "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:left}.drift{color:#b00020;font-weight:bold}.ok{color:#2e7d32}section{margin:2em 0}"
            + ".banner{padding:0.8em 1em;border-radius:4px;margin:1em 0}.action-none{background:#e8f5e9}"
            + ".action-retrain{background:#fff3e0}.action-escalate{background:#ffebee}"
            + ".verdict{background:#f4f4f4}.facts td:first-child{font-weight:bold}";

    private DriftReportHtml() {
    }

    /**
     * @param report   the report
     * @param decision the policy's decision on the same data, if one was made
     * @return the HTML page
     */
    static String write(DriftReport report, Optional<PolicyDecision> decision) {
        Html page = new Html();
        page.constant("<!DOCTYPE html>\n");
        page.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").open("head")
                .constant("<meta charset=\"utf-8\"/>") // self-closed: the page is also XML
                .element("title", "Data drift report").element("style", STYLE).close("head").open("body");
        page.element("h1", "Data drift report");
        decision.ifPresent(d -> decision(page, d));
        verdict(page, report, decision);
        page.element("p", "Reference rows: " + report.referenceRows() + "; current rows: " + report.currentRows()
                + "; multiple testing: " + report.multipleTesting().name().toLowerCase(Locale.ROOT) + ".");
        overview(page, report, decision);
        untested(page, report);
        for (ColumnDrift c : report.columns()) {
            column(page, c, decision.flatMap(d -> deviation(d, c.column())), decision);
        }
        page.close("body").close("html");
        return page + "\n";
    }

    private static void decision(Html page, PolicyDecision d) {
        String action = d.action().key();
        page.open("div", "class", "banner action-" + action, "id", "decision");
        page.open("p").open("strong").text("Policy decision: " + action.toUpperCase(Locale.ROOT)).close("strong")
                .text(". Deciding column " + d.decidingColumn() + ": " + number(d.decidingDeviation()) + " "
                        + d.unit() + " of probability mass moved (" + d.measure() + "), in the band "
                        + d.band().interval() + " \u2192 " + d.driftAction().key()
                        + (d.action() != d.driftAction() ? "; quality raised the action to " + action : "") + ".")
                .close("p");
        page.element("p", d.reason());
        page.close("div");
    }

    private static void verdict(Html page, DriftReport report, Optional<PolicyDecision> decision) {
        DriftSummary s = report.summary();
        String facts = s.numberOfDriftedColumns() + " of " + s.numberOfColumns() + " tested columns drifted (share "
                + number(s.shareOfDriftedColumns()) + ", dataset drift from " + number(s.driftShare()) + ")";
        if (decision.isEmpty()) {
            page.element("p", (s.datasetDrift() ? "Dataset drift detected: " : "No dataset drift: ") + facts + ".",
                    "class", "banner " + (s.datasetDrift() ? "drift action-escalate" : "ok action-none"),
                    "id", "verdict");
            return;
        }
        boolean acts = decision.get().action() != ActionKind.NONE;
        page.element("p", "Dataset drift by the per-column tests (Evidently's rule): "
                + (s.datasetDrift() ? "detected" : "not detected") + "; " + facts + ". "
                + (acts && !s.datasetDrift() ? "The policy acts on moved probability mass, which the tests' "
                + "thresholds do not call drift here." : "The policy decides on moved probability mass."),
                "class", "banner verdict", "id", "verdict");
    }

    private static void overview(Html page, DriftReport report, Optional<PolicyDecision> decision) {
        page.open("table").open("thead").open("tr");
        for (String h : List.of("Column", "Type", "Test", "Score", "Threshold", "Drift")) {
            page.element("th", h);
        }
        decision.ifPresent(d -> page.element("th", "Moved mass (" + d.unit() + ")"));
        page.close("tr").close("thead").open("tbody");
        for (ColumnDrift c : report.columns()) {
            page.open("tr").open("td").element("a", c.column(), "href", "#" + anchor(c.column())).close("td")
                    .element("td", DriftTreatment.key(c.columnType())).element("td", c.stattest())
                    .element("td", score(c)).element("td", rule(c))
                    .element("td", c.drifted() ? "yes" : "no", "class", c.drifted() ? "drift" : "ok");
            decision.ifPresent(d -> page.element("td", deviation(d, c.column()).map(v -> number(v.deviation()))
                    .orElse("not monitored")));
            page.close("tr");
        }
        page.close("tbody").close("table");
    }

    private static void untested(Html page, DriftReport report) {
        if (report.untestedColumns().isEmpty()) {
            return;
        }
        page.element("h2", "Columns not tested").open("ul", "id", "untested");
        for (UntestedColumn u : report.untestedColumns()) {
            page.open("li").element("strong", u.column()).text(": " + u.reason()).close("li");
        }
        page.close("ul");
    }

    private static void column(Html page, ColumnDrift c, Optional<ColumnDeviation> moved,
                               Optional<PolicyDecision> decision) {
        page.open("section", "id", anchor(c.column())).element("h2", c.column());
        page.open("table", "class", "facts").open("tbody");
        fact(page, "Verdict", c.drifted() ? "drift" : "no drift");
        fact(page, "Test", c.stattest() + " (" + (c.scoreKind().name().equals("P_VALUE") ? "p-value" : "distance")
                + "), column treated as " + DriftTreatment.key(c.columnType()));
        fact(page, "Score", score(c));
        fact(page, "Threshold", "drift when " + rule(c));
        fact(page, "Values tested", "reference " + c.referenceSize() + " (" + c.referenceDropped()
                + " missing dropped), current " + c.currentSize() + " (" + c.currentDropped() + " dropped)");
        decision.ifPresent(d -> fact(page, "Moved probability mass", moved.map(m -> number(m.deviation()) + " "
                + d.unit() + " (" + d.measure() + ", the measure the policy weighs)").orElse("not monitored")));
        page.close("tbody").close("table");
        ColumnDistribution dist = c.distribution();
        long refTotal = c.referenceSize();
        long curTotal = c.currentSize();
        PairedBarChart.Series ref = new PairedBarChart.Series("reference", REFERENCE_COLOUR, dist.referenceCounts(),
                refTotal);
        PairedBarChart.Series cur = new PairedBarChart.Series("current", CURRENT_COLOUR, dist.currentCounts(),
                curTotal);
        if (dist.isHistogram()) {
            double[] rq = dist.referenceQuantiles();
            double[] cq = dist.currentQuantiles();
            int median = ColumnDistribution.QUANTILE_LEVELS.indexOf(0.5);
            new HistogramChart("Histogram of " + c.column() + ", reference and current", WIDTH, HISTOGRAM_HEIGHT,
                    dist.edges(), List.of(ref, cur), List.of(
                    new HistogramChart.Marker(rq[median], REFERENCE_COLOUR, false, "reference median"),
                    new HistogramChart.Marker(cq[median], CURRENT_COLOUR, false, "current median"),
                    new HistogramChart.Marker(rq[median - 1], REFERENCE_COLOUR, true, "reference 25 % quantile"),
                    new HistogramChart.Marker(rq[median + 1], REFERENCE_COLOUR, true, "reference 75 % quantile"),
                    new HistogramChart.Marker(cq[median - 1], CURRENT_COLOUR, true, "current 25 % quantile"),
                    new HistogramChart.Marker(cq[median + 1], CURRENT_COLOUR, true, "current 75 % quantile")))
                    .render(page);
        } else {
            new PairedBarChart("Shares of each value of " + c.column() + ", reference and current", WIDTH,
                    LABEL_WIDTH, dist.bins(), ref, cur).render(page);
        }
        if (dist.referenceQuantiles().length > 0) {
            quantiles(page, dist);
        }
        page.close("section");
    }

    private static void quantiles(Html page, ColumnDistribution dist) {
        page.open("table", "class", "quantiles").open("thead").open("tr").element("th", "Quantile");
        for (double level : ColumnDistribution.QUANTILE_LEVELS) {
            page.element("th", level == 0.5 ? "median" : number(100 * level) + " %");
        }
        page.close("tr").close("thead").open("tbody");
        double[][] rows = {dist.referenceQuantiles(), dist.currentQuantiles()};
        String[] names = {"reference", "current"};
        for (int r = 0; r < 2; r++) {
            page.open("tr").element("td", names[r]);
            for (double v : rows[r]) {
                page.element("td", number(v));
            }
            page.close("tr");
        }
        page.close("tbody").close("table");
    }

    private static void fact(Html page, String name, String value) {
        page.open("tr").element("td", name).element("td", value).close("tr");
    }

    private static Optional<ColumnDeviation> deviation(PolicyDecision d, String column) {
        return d.deviations().stream().filter(v -> v.column().equals(column)).findFirst();
    }

    private static String score(ColumnDrift c) {
        return number(c.score()) + (c.adjusted().isPresent() ? " (adjusted " + number(c.adjustedScore()) + ")" : "");
    }

    private static String rule(ColumnDrift c) {
        return "score " + c.rule().symbol() + " " + number(c.threshold());
    }

    private static String anchor(String column) {
        return "column-" + Integer.toHexString(column.hashCode());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1")
                .replaceAll("\\.$", "");
    }
}
