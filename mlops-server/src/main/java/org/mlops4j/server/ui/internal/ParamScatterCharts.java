package org.mlops4j.server.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.ValueFormats;
import org.mlops4j.core.spi.support.html.XyChart;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Run;

/**
 * The compare page's view of params against a metric: one scatter chart per numeric param that differs between the
 * runs, each point a run (x its param value, y its latest value of the metric), as MLflow's and PyCaret's users
 * look for which setting moved the score.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
final class ParamScatterCharts {

    /** The most charts drawn. */
    static final int MAX_CHARTS = 8;
    private static final String COLOUR = "#1f77b4";

    private ParamScatterCharts() {
    }

    /**
     * @param runs   the compared runs
     * @param wanted the metric asked for ({@code metric} query parameter); else the first metric most runs have
     * @return the metric the charts plot, if two runs or more have one
     */
    static Optional<String> metric(List<Run> runs, String wanted) {
        TreeSet<String> keys = new TreeSet<>();
        runs.forEach(r -> keys.addAll(r.data().metrics().keySet()));
        if (!wanted.isEmpty() && keys.contains(wanted)) {
            return Optional.of(wanted);
        }
        return keys.stream().filter(k -> runs.stream().filter(r -> r.data().metrics().containsKey(k)).count() >= 2)
                .findFirst();
    }

    /**
     * @param html   where to draw
     * @param runs   the compared runs
     * @param metric the metric on the y axis
     * @return how many charts were drawn
     */
    static int render(Html html, List<Run> runs, String metric) {
        TreeSet<String> params = new TreeSet<>();
        runs.forEach(r -> params.addAll(r.data().params().keySet()));
        int drawn = 0;
        for (String param : params) {
            if (drawn >= MAX_CHARTS) {
                break;
            }
            List<double[]> points = new ArrayList<>();
            List<String> tips = new ArrayList<>();
            for (Run run : runs) {
                Metric y = run.data().metrics().get(metric);
                Double x = number(run.data().params().get(param));
                if (y != null && x != null && Double.isFinite(y.value())) {
                    points.add(new double[] {x, y.value()});
                    tips.add(run.info().runName() + ": " + param + " = " + ValueFormats.number(x) + ", " + metric
                            + " = " + ValueFormats.number(y.value()));
                }
            }
            if (points.size() < 2 || points.stream().mapToDouble(p -> p[0]).distinct().count() < 2) {
                continue;
            }
            double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
            double[] xRange = XyChart.range(xs);
            double[] yRange = XyChart.range(ys);
            new XyChart(metric + " against " + param, "params." + param, "metrics." + metric, xRange[0], xRange[1],
                    yRange[0], yRange[1]).points(null, COLOUR, xs, ys, 5, tips).render(html);
            drawn++;
        }
        return drawn;
    }

    private static Double number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double x = Double.parseDouble(value.trim());
            return Double.isFinite(x) ? x : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
