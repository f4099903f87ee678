package org.mlops4j.server.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.LineChart;
import org.mlops4j.core.spi.support.html.ValueFormats;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Run;

/**
 * {@code /compare?runs=a,b,c} (or {@code ?runs=a&runs=b}): two or more runs side by side: their params with the
 * differing ones marked, their latest metrics, and one chart per metric with every run's history overlaid.
 * {@code only_diff=1} hides the params and metrics that are the same in every run.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ComparePage {

    /** The most runs compared at once. */
    public static final int MAX_RUNS = 20;
    /** The most metric charts drawn. */
    public static final int MAX_CHARTS = 24;

    private ComparePage() {
    }

    /**
     * @param context what the UI reads from
     * @param request the request
     * @return the page (400 when fewer than two runs are named)
     */
    public static UiResponse render(UiContext context, UiRequest request) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : request.parameters("runs")) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        if (ids.size() < 2) {
            throw HttpProblem.badRequest("Pick two or more runs to compare: tick them in a runs table, or give "
                    + "/compare?runs=<id>,<id>.");
        }
        if (ids.size() > MAX_RUNS) {
            throw HttpProblem.badRequest("At most " + MAX_RUNS + " runs can be compared at once; " + ids.size()
                    + " were given.");
        }
        List<Run> runs = new ArrayList<>();
        for (String id : ids) {
            runs.add(context.tracking().getRun(id).orElseThrow(() -> HttpProblem.notFound("There is no run with id '"
                    + id + "' to compare.")));
        }
        boolean onlyDiff = request.parameterOrEmpty("only_diff").equals("1");

        Html html = new Html();
        Fragments.crumbs(html, "Experiments", "/");
        html.element("h1", "Comparing " + runs.size() + " runs");
        String joined = String.join(",", ids);
        html.open("p");
        if (onlyDiff) {
            html.element("a", "Show all params and metrics", "href",
                    UiLinks.withQuery("/compare", UiLinks.query("runs", joined)));
        } else {
            html.element("a", "Show only differences", "href",
                    UiLinks.withQuery("/compare", UiLinks.query("runs", joined, "only_diff", "1")));
        }
        html.close("p");

        html.open("table", "id", "compare");
        html.open("tr").element("th", "Run");
        for (Run run : runs) {
            html.open("th").element("a", run.info().runName(), "href", UiLinks.run(run.runId())).close("th");
        }
        html.close("tr");
        attributeRow(html, "Run ID", runs, Run::runId);
        attributeRow(html, "Status", runs, r -> r.info().status().name());
        attributeRow(html, "Start (UTC)", runs, r -> ValueFormats.time(r.info().startTime()));
        attributeRow(html, "Duration", runs, r -> ValueFormats.duration(r.info().startTime(), r.info().endTime()));

        sectionRow(html, "Parameters", runs.size());
        TreeSet<String> paramKeys = new TreeSet<>();
        runs.forEach(r -> paramKeys.addAll(r.data().params().keySet()));
        for (String key : paramKeys) {
            List<String> values = runs.stream().map(r -> r.data().params().getOrDefault(key, "")).toList();
            valueRow(html, key, values, "data-param", onlyDiff);
        }
        sectionRow(html, "Metrics (latest)", runs.size());
        TreeSet<String> metricKeys = new TreeSet<>();
        runs.forEach(r -> metricKeys.addAll(r.data().metrics().keySet()));
        for (String key : metricKeys) {
            List<String> values = runs.stream().map(r -> Optional.ofNullable(r.data().metrics().get(key))
                    .map(m -> ValueFormats.number(m.value())).orElse("")).toList();
            valueRow(html, key, values, "data-metric", onlyDiff);
        }
        html.close("table");

        Optional<String> scatterMetric = ParamScatterCharts.metric(runs, request.parameterOrEmpty("metric"));
        if (scatterMetric.isPresent()) {
            html.element("h2", "Params against " + scatterMetric.get());
            html.open("p", "class", "note");
            html.text("Each point is a run. Plot another metric: ");
            for (String key : metricKeys) {
                html.element("a", key, "href", UiLinks.withQuery("/compare", UiLinks.query("runs", joined,
                        "only_diff", onlyDiff ? "1" : "", "metric", key)), "class", "metric-choice");
                html.text(" ");
            }
            html.close("p");
            html.open("div", "class", "charts", "id", "param-charts");
            if (ParamScatterCharts.render(html, runs, scatterMetric.get()) == 0) {
                Fragments.note(html, "No numeric param differs between these runs.");
            }
            html.close("div");
        }

        html.element("h2", "Metric histories");
        html.open("div", "class", "charts", "id", "compare-charts");
        int drawn = 0;
        for (String key : metricKeys) {
            if (drawn >= MAX_CHARTS) {
                break;
            }
            List<LineChart.Series> series = new ArrayList<>();
            for (Run run : runs) {
                List<Metric> history = run.data().metrics().containsKey(key)
                        ? context.tracking().getMetricHistory(run.runId(), key) : List.of();
                series.add(RunDetailPage.series(run.info().runName(), history));
            }
            if (series.stream().anyMatch(line -> line.xs().length > 1)) {
                new LineChart(key, "step", false, series).render(html);
                drawn++;
            }
        }
        html.close("div");
        return UiResponse.html(200, PageLayout.page("Compare runs", PageLayout.Section.EXPERIMENTS, html));
    }

    private static void attributeRow(Html html, String label, List<Run> runs, Function<Run, String> value) {
        html.open("tr").element("th", label);
        for (Run run : runs) {
            html.element("td", value.apply(run));
        }
        html.close("tr");
    }

    private static void sectionRow(Html html, String label, int runs) {
        html.open("tr").element("th", label, "colspan", String.valueOf(runs + 1), "class", "section").close("tr");
    }

    private static void valueRow(Html html, String key, List<String> values, String dataAttribute, boolean onlyDiff) {
        boolean differs = values.stream().anyMatch(v -> !Objects.equals(v, values.get(0)));
        if (onlyDiff && !differs) {
            return;
        }
        html.open("tr", "class", differs ? "diff" : null, dataAttribute, key).element("th", key);
        for (String value : values) {
            html.element("td", value);
        }
        html.close("tr");
    }
}
