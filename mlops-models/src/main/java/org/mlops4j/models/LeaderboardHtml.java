package org.mlops4j.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlops4j.core.spi.support.html.HorizontalBarChart;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.Svg;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Writes a {@link Leaderboard} as one self-contained HTML page, as PyCaret's styled score grid: the table of every
 * candidate (mean ± std of each metric over the folds, the best value of each column highlighted, training time,
 * status), a chart of the sort metric per candidate (mean, ± std whisker, one dot per fold) and a chart of training
 * seconds per fold. No scripts; every label escaped.
 */
final class LeaderboardHtml {

    private static final String BEST = "background:#d9f0d3;font-weight:600";

    private LeaderboardHtml() {
    }

    /**
     * @param board the leaderboard
     * @param title the page's title
     * @return the page
     */
    static String write(Leaderboard board, String title) {
        Html m = EvaluationHtml.startPage(title, "td{white-space:nowrap}.std{color:#777;font-size:11px}");
        m.element("h1", title);
        m.element("p", String.format(Locale.ROOT, "%s, %d candidates, %d folds, sorted by %s, %.1f s",
                board.task().name().toLowerCase(Locale.ROOT), board.entries().size(), board.folds(),
                board.sortMetric().label(), board.elapsed().toMillis() / 1000.0), "class", "note");
        table(m, board);
        List<LeaderboardEntry> completed = board.entries().stream()
                .filter(e -> e.status() == CandidateStatus.COMPLETED).toList();
        if (!completed.isEmpty()) {
            m.element("h2", "Charts");
            m.open("div", "class", "charts");
            metricChart(m, completed, board.sortMetric());
            timeChart(m, completed);
            m.close("div");
        }
        m.close("body").close("html");
        return m.toString();
    }

    private static void table(Html m, Leaderboard board) {
        List<EvaluationMetric> metrics = EvaluationMetric.forTask(board.task());
        m.open("table").open("tr");
        m.element("th", "Key", "class", "label").element("th", "Model", "class", "label");
        metrics.forEach(metric -> m.element("th", metric.label()));
        m.element("th", "TT (Sec)").element("th", "Status", "class", "label");
        m.close("tr");
        for (LeaderboardEntry e : board.entries()) {
            m.open("tr");
            m.element("td", e.candidateId(), "class", "label").element("td", e.name(), "class", "label");
            for (EvaluationMetric metric : metrics) {
                MetricSummary s = e.metric(metric);
                if (isBest(board, e, metric)) {
                    m.open("td", "style", BEST);
                } else {
                    m.open("td");
                }
                if (s.available() && Double.isFinite(s.mean())) {
                    m.text(String.format(Locale.ROOT, "%.4f", s.mean()))
                            .element("span", String.format(Locale.ROOT, " ± %.4f", s.std()), "class", "std");
                } else {
                    m.text("n/a");
                }
                m.close("td");
            }
            double tt = e.trainingSeconds().mean();
            m.element("td", Double.isFinite(tt) ? String.format(Locale.ROOT, "%.3f", tt) : "-");
            m.element("td", e.status() == CandidateStatus.COMPLETED ? "" : e.status().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + e.message().map(msg -> ": " + msg).orElse(""), "class", "label");
            m.close("tr");
        }
        m.close("table");
        m.element("p", "Mean ± standard deviation over the folds; the best value of each column is highlighted.",
                "class", "note");
    }

    private static boolean isBest(Leaderboard board, LeaderboardEntry entry, EvaluationMetric metric) {
        double value = entry.metric(metric).mean();
        if (!entry.metric(metric).available() || !Double.isFinite(value)) {
            return false;
        }
        for (LeaderboardEntry other : board.entries()) {
            double v = other.metric(metric).mean();
            if (other.metric(metric).available() && Double.isFinite(v)
                    && (metric.higherIsBetter() ? v > value : v < value)) {
                return false;
            }
        }
        return true;
    }

    private static void metricChart(Html m, List<LeaderboardEntry> entries, EvaluationMetric metric) {
        List<HorizontalBarChart.Bar> bars = new ArrayList<>();
        for (LeaderboardEntry e : entries) {
            MetricSummary s = e.metric(metric);
            if (!s.available() || !Double.isFinite(s.mean())) {
                continue;
            }
            bars.add(new HorizontalBarChart.Bar(e.candidateId(), s.mean(), EvaluationHtml.number(s.mean()),
                    String.format(Locale.ROOT, "%s: %s %.4f ± %.4f over %d folds", e.name(), metric.label(),
                            s.mean(), s.std(), s.folds().size()), s.mean() - s.std(), s.mean() + s.std(), s.folds()));
        }
        if (!bars.isEmpty()) {
            EvaluationHtml.barChart(m, metric.label() + " per candidate (mean, ± std, folds)", bars, Svg.colour(0),
                    HorizontalBarChart.Axis.FITTED);
        }
    }

    private static void timeChart(Html m, List<LeaderboardEntry> entries) {
        List<HorizontalBarChart.Bar> bars = new ArrayList<>();
        for (LeaderboardEntry e : entries) {
            double tt = e.trainingSeconds().mean();
            if (Double.isFinite(tt)) {
                bars.add(new HorizontalBarChart.Bar(e.candidateId(), tt, String.format(Locale.ROOT, "%.3f s", tt),
                        e.name() + ": " + String.format(Locale.ROOT, "%.3f", tt) + " s training per fold"));
            }
        }
        if (!bars.isEmpty()) {
            EvaluationHtml.barChart(m, "Training seconds per fold", bars, Svg.colour(1),
                    HorizontalBarChart.Axis.FROM_ZERO);
        }
    }
}
