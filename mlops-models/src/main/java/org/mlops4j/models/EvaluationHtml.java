package org.mlops4j.models;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.core.spi.support.html.HorizontalBarChart;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.Svg;
import org.mlops4j.core.spi.support.html.XyChart;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Writes a {@link ModelEvaluation} as one self-contained HTML page: CSS and SVG inline, no scripts, no external
 * resources, every label escaped. The page is well-formed XML as well as HTML.
 */
final class EvaluationHtml {

    /** The most input columns drawn in the feature importance chart. */
    static final int MAX_IMPORTANCE_BARS = 20;

    private static final int BAR_CHART_WIDTH = 680;
    private static final int BAR_LABEL_WIDTH = 220;

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:24px;color:#222}"
            + "h1{font-size:20px}h2{font-size:16px;margin-top:28px}.charts{display:flex;flex-wrap:wrap;gap:16px}"
            + "table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 8px;"
            + "text-align:right}th{background:#f4f4f4}td.label,th.label{text-align:left}"
            + "svg text{font-size:11px}.chart-title{font-size:13px;font-weight:600}.tick{font-size:10px;fill:#555}"
            + ".axis-label{font-size:11px}.legend{font-size:11px}.note{color:#666;font-size:12px}";

    private EvaluationHtml() {
    }

    /**
     * Starts a self-contained page: doctype, XHTML root, head with the title and the shared style (plus
     * {@code extraStyle}), and an open body.
     *
     * @param title      the page's title
     * @param extraStyle CSS rules for this page only (a constant, not user text)
     * @return the markup, inside {@code body}; the caller closes {@code body} and {@code html}
     */
    static Html startPage(String title, String extraStyle) {
        Html m = new Html();
        m.constant("<!DOCTYPE html>\n");
        m.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").open("head");
        m.constant("<meta charset=\"utf-8\"/>"); // self-closed: the page is also XML
        m.element("title", title);
        m.open("style").constant(STYLE + extraStyle).close("style");
        m.close("head").open("body");
        return m;
    }

    /**
     * @param evaluation the evaluation
     * @param title      the page's title
     * @return the page
     */
    static String write(ModelEvaluation evaluation, String title) {
        Html m = startPage(title, "");
        m.element("h1", title);
        m.element("p", evaluation.task().name().toLowerCase(Locale.ROOT) + " model '" + evaluation.family()
                + "', target '" + evaluation.target() + "', " + evaluation.rows() + " rows", "class", "note");
        metrics(m, evaluation);
        evaluation.classification().ifPresent(c -> classification(m, c));
        evaluation.regression().ifPresent(r -> regression(m, r));
        importance(m, evaluation.featureImportance());
        m.close("body").close("html");
        return m.toString();
    }

    private static void metrics(Html m, ModelEvaluation evaluation) {
        m.element("h2", "Metrics");
        m.open("table").open("tr");
        evaluation.metrics().keySet().forEach(k -> m.element("th", k.label()));
        m.close("tr").open("tr");
        evaluation.metrics().values().forEach(v -> m.element("td", number(v)));
        m.close("tr").close("table");
    }

    private static void classification(Html m, ClassificationEvaluation c) {
        m.element("h2", "Confusion matrix");
        confusion(m, c);
        m.element("h2", "Classification report");
        m.open("table").open("tr").element("th", "class", "class", "label");
        for (String h : List.of("precision", "recall", "f1", "support")) {
            m.element("th", h);
        }
        m.close("tr");
        for (ClassReport r : c.classReport()) {
            reportRow(m, r);
        }
        reportRow(m, c.macroAverage());
        reportRow(m, c.weightedAverage());
        m.close("table");
        m.element("p", "accuracy " + number(c.accuracy()), "class", "note");
        if (c.rocCurves().isEmpty()) {
            m.element("p", "No curves: the model gives no probabilities, or the rows hold a single true class.",
                    "class", "note");
            return;
        }
        m.element("h2", "Curves");
        m.open("div", "class", "charts");
        roc(m, c.rocCurves());
        c.precisionRecall().ifPresent(pr -> precisionRecall(m, pr));
        c.calibration().ifPresent(cal -> calibration(m, cal));
        if (!c.scoreHistograms().isEmpty()) {
            histograms(m, "Score distribution by true class",
                    "probability of " + c.positiveLabel().orElse("the positive class"), c.scoreHistograms());
        }
        if (!c.gains().isEmpty()) {
            gainsChart(m, c.gains());
        }
        m.close("div");
        if (!c.gains().isEmpty()) {
            gainsTable(m, c.gains());
        }
    }

    private static void confusion(Html m, ClassificationEvaluation c) {
        long max = c.confusionMatrix().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(0);
        m.open("table").open("tr").element("th", "actual \\ predicted", "class", "label");
        c.labels().forEach(l -> m.element("th", l));
        m.close("tr");
        for (int a = 0; a < c.labels().size(); a++) {
            m.open("tr").element("th", c.labels().get(a), "class", "label");
            for (long count : c.confusionMatrix().get(a)) {
                double share = max == 0 ? 0 : (double) count / max;
                String colour = String.format(Locale.ROOT, "rgb(%d,%d,%d)", (int) (255 - 200 * share),
                        (int) (255 - 120 * share), 255);
                m.element("td", count, "style", "background:" + colour + (share > 0.6 ? ";color:#fff" : ""));
            }
            m.close("tr");
        }
        m.close("table");
    }

    private static void reportRow(Html m, ClassReport r) {
        m.open("tr").element("td", r.label(), "class", "label").element("td", number(r.precision()))
                .element("td", number(r.recall())).element("td", number(r.f1())).element("td", r.support())
                .close("tr");
    }

    private static void roc(Html m, List<RocCurve> curves) {
        XyChart plot = new XyChart("ROC curve", "false positive rate", "true positive rate", 0, 1, 0, 1);
        for (int i = 0; i < curves.size(); i++) {
            RocCurve r = curves.get(i);
            plot.line(r.label() + " (AUC " + number(r.auc()) + ")", Svg.colour(i),
                    DoubleLists.toArray(r.fpr()), DoubleLists.toArray(r.tpr()), false);
        }
        plot.diagonal("chance").render(m);
    }

    private static void precisionRecall(Html m, PrecisionRecallCurve pr) {
        new XyChart("Precision-recall curve", "recall", "precision", 0, 1, 0, 1)
                .line(pr.label() + " (AP " + number(pr.averagePrecision()) + ")", Svg.colour(0),
                        DoubleLists.toArray(pr.recall()), DoubleLists.toArray(pr.precision()), false)
                .render(m);
    }

    private static void calibration(Html m, CalibrationCurve c) {
        double[] xs = DoubleLists.toArray(c.probPred());
        double[] ys = DoubleLists.toArray(c.probTrue());
        List<String> tips = new java.util.ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            tips.add("mean probability " + number(xs[i]) + ", share positive " + number(ys[i]) + ", "
                    + c.counts().get(i) + " rows");
        }
        new XyChart("Calibration curve", "mean predicted probability", "fraction of positives", 0, 1, 0, 1)
                .line("model", Svg.colour(0), xs, ys, false)
                .points(null, Svg.colour(0), xs, ys, 3.5, tips)
                .diagonal("perfectly calibrated").render(m);
    }

    private static void histograms(Html m, String title, String xLabel, List<Histogram> histograms) {
        double max = histograms.stream().flatMap(h -> h.counts().stream()).mapToLong(Long::longValue).max()
                .orElse(1);
        List<Double> edges = histograms.get(0).edges();
        XyChart plot = new XyChart(title, xLabel, "rows", edges.get(0), edges.get(edges.size() - 1), 0,
                Math.max(1, max * 1.08));
        int series = histograms.size();
        for (int h = 0; h < series; h++) {
            Histogram hist = histograms.get(h);
            String colour = Svg.colour(h);
            for (int b = 0; b < hist.counts().size(); b++) {
                double from = hist.edges().get(b);
                double width = (hist.edges().get(b + 1) - from) / series;
                plot.bar(colour, from + h * width, from + (h + 1) * width, hist.counts().get(b),
                        hist.label() + ": " + hist.counts().get(b) + " rows in [" + number(from) + ", "
                                + number(hist.edges().get(b + 1)) + ")");
            }
            if (series > 1 || !hist.label().isEmpty()) {
                plot.legendEntry(hist.label(), colour);
            }
        }
        plot.render(m);
    }

    private static void gainsChart(Html m, List<GainsDecile> gains) {
        int total = gains.get(gains.size() - 1).cumulativeRows();
        double[] xs = new double[gains.size() + 1];
        double[] ys = new double[gains.size() + 1];
        for (int i = 0; i < gains.size(); i++) {
            xs[i + 1] = (double) gains.get(i).cumulativeRows() / total;
            ys[i + 1] = gains.get(i).cumulativeGain();
        }
        new XyChart("Cumulative gains", "share of rows (highest scores first)", "share of positives found",
                0, 1, 0, 1).line("model", Svg.colour(0), xs, ys, false)
                .points(null, Svg.colour(0), xs, ys, 3, List.of()).diagonal("random").render(m);
    }

    private static void gainsTable(Html m, List<GainsDecile> gains) {
        m.element("h2", "Gains and lift by decile");
        m.open("table").open("tr");
        for (String h : List.of("decile", "rows", "positives", "cumulative gain", "lift", "cumulative lift",
                "score range")) {
            m.element("th", h);
        }
        m.close("tr");
        for (GainsDecile g : gains) {
            m.open("tr").element("td", g.decile()).element("td", g.rows()).element("td", g.positives())
                    .element("td", number(g.cumulativeGain())).element("td", number(g.lift()))
                    .element("td", number(g.cumulativeLift()))
                    .element("td", number(g.minScore()) + " to " + number(g.maxScore())).close("tr");
        }
        m.close("table");
    }

    private static void regression(Html m, RegressionEvaluation r) {
        m.element("h2", "Residuals");
        m.open("table").open("tr");
        Map<String, Double> stats = new java.util.LinkedHashMap<>();
        stats.put("mean", r.residuals().mean());
        stats.put("std", r.residuals().std());
        stats.put("min", r.residuals().min());
        stats.put("q25", r.residuals().q25());
        stats.put("median", r.residuals().median());
        stats.put("q75", r.residuals().q75());
        stats.put("max", r.residuals().max());
        stats.put("MAE", r.residuals().mae());
        stats.put("RMSE", r.residuals().rmse());
        stats.put("R²", r.residuals().r2());
        stats.keySet().forEach(k -> m.element("th", k));
        m.close("tr").open("tr");
        stats.values().forEach(v -> m.element("td", number(v)));
        m.close("tr").close("table");
        m.open("div", "class", "charts");
        double[] actual = DoubleLists.toArray(r.sampleActual());
        double[] predicted = DoubleLists.toArray(r.samplePredicted());
        double[] range = XyChart.range(actual, predicted);
        new XyChart("Predicted vs actual (" + actual.length + " of " + r.residuals().rows() + " rows)", "actual",
                "predicted", range[0], range[1], range[0], range[1])
                .points(null, Svg.colour(0), actual, predicted, 2, List.of()).diagonal("predicted = actual")
                .render(m);
        histograms(m, "Residual distribution", "actual - predicted", List.of(r.residualHistogram()));
        m.close("div");
    }

    private static void importance(Html m, List<FeatureImportance> importances) {
        if (importances.isEmpty()) {
            return;
        }
        m.element("h2", "Feature importance");
        List<FeatureImportance> shown = importances.subList(0, Math.min(MAX_IMPORTANCE_BARS, importances.size()));
        List<HorizontalBarChart.Bar> bars = new java.util.ArrayList<>();
        for (FeatureImportance f : shown) {
            StringBuilder tip = new StringBuilder(f.inputColumn() + ": " + number(f.importance()));
            f.encodedFeatures().forEach((k, v) -> tip.append("\n").append(k).append(": ").append(number(v)));
            bars.add(new HorizontalBarChart.Bar(f.inputColumn(), f.importance(), number(f.importance()),
                    tip.toString()));
        }
        barChart(m, "Feature importance (top " + shown.size() + " of " + importances.size() + " columns)", bars,
                Svg.colour(0), HorizontalBarChart.Axis.FROM_ZERO);
    }

    /**
     * Draws labelled rows as a titled horizontal bar chart the width of two curve charts.
     *
     * @param m      where to write the chart
     * @param title  its title
     * @param bars   the rows, top to bottom
     * @param colour the bars' colour
     * @param axis   where the value axis starts
     */
    static void barChart(Html m, String title, List<HorizontalBarChart.Bar> bars, String colour,
                         HorizontalBarChart.Axis axis) {
        new HorizontalBarChart(title, BAR_CHART_WIDTH, BAR_LABEL_WIDTH, colour, bars, "", title, axis).render(m);
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}
