package org.mlops4j.server.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.mlops4j.core.monitor.MonitoringRuns;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.LineChart;
import org.mlops4j.core.spi.support.html.ValueFormats;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;

/**
 * {@code /monitoring} (the models that have monitoring windows) and {@code /monitoring/{model}} (drift share and
 * deviation over time, the windows with the actions taken, and the latest drift report inline). Windows are the runs
 * that a monitor records as {@link MonitoringRuns} describes.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class MonitoringPages {

    /** The prefix of the per-column deviation metrics a monitoring run logs ({@code deviation_pct.<column>}). */
    static final String DEVIATION_PREFIX = "deviation_pct.";
    /** The prefix of the model quality metrics of a labelled window ({@code quality_auc}, ...). */
    static final String QUALITY_PREFIX = "quality_";
    /** The most lines in one chart. */
    private static final int MAX_SERIES = 12;

    /** The most windows drawn in the charts (the latest ones). */
    public static final int MAX_CHARTED = 5000;
    /** The most windows listed in the table (the latest ones). */
    public static final int MAX_LISTED = 200;

    private MonitoringPages() {
    }

    /**
     * @param context what the UI reads from
     * @return the list of monitored models
     */
    public static UiResponse list(UiContext context) {
        Html html = new Html();
        html.element("h1", "Monitoring");
        Optional<Experiment> experiment = experiment(context);
        if (experiment.isEmpty()) {
            Fragments.note(html, "No model is monitored yet: monitors record each window as a run in the experiment '"
                    + MonitoringRuns.EXPERIMENT + "' with the tag " + MonitoringRuns.MODEL_TAG + ".");
            return page("Monitoring", html);
        }
        Map<String, Summary> models = new TreeMap<>();
        List<Run> runs = context.tracking().searchAllRuns(SearchRequest.builder(experiment.get().experimentId())
                .filter("tags.`" + MonitoringRuns.MODEL_TAG + "` IS NOT NULL").orderBy("start_time DESC")
                .maxResults(SearchRequest.MAX_RESULTS_LIMIT).build());
        for (Run run : runs) {
            String model = run.data().tags().get(MonitoringRuns.MODEL_TAG);
            models.computeIfAbsent(model, k -> new Summary(run)).count(run);
        }
        if (models.isEmpty()) {
            Fragments.note(html, "The experiment '" + MonitoringRuns.EXPERIMENT + "' has no runs tagged "
                    + MonitoringRuns.MODEL_TAG + ".");
            return page("Monitoring", html);
        }
        html.open("table", "id", "monitored-models").open("tr");
        for (String heading : List.of("Model", "Windows", "Latest window (UTC)", "Latest drift share",
                "Latest max deviation %", "Latest action", "Retrains", "Escalations")) {
            html.element("th", heading);
        }
        html.close("tr");
        for (Map.Entry<String, Summary> entry : models.entrySet()) {
            Summary s = entry.getValue();
            html.open("tr", "data-model", entry.getKey());
            html.open("td").element("a", entry.getKey(), "href", UiLinks.monitoring(entry.getKey())).close("td");
            html.element("td", s.windows, "class", "num");
            html.element("td", ValueFormats.time(s.latest.info().startTime()));
            html.element("td", metric(s.latest, MonitoringRuns.DRIFT_SHARE), "class", "num");
            html.element("td", metric(s.latest, MonitoringRuns.MAX_DEVIATION_PCT), "class", "num");
            html.open("td");
            s.latest.data().tag(MonitoringRuns.ACTION_TAG).ifPresent(a -> Fragments.action(html, a));
            html.close("td");
            html.element("td", s.retrains, "class", "num");
            html.element("td", s.escalations, "class", "num");
            html.close("tr");
        }
        html.close("table");
        return page("Monitoring", html);
    }

    /**
     * @param context what the UI reads from
     * @param model   the model's name, from the path
     * @return the model's monitoring page
     */
    public static UiResponse model(UiContext context, String model) {
        List<Run> latestFirst = windows(context, model, MAX_CHARTED);
        if (latestFirst.isEmpty()) {
            throw HttpProblem.notFound("There are no monitoring windows for model '" + model + "' (runs in the "
                    + "experiment '" + MonitoringRuns.EXPERIMENT + "' tagged " + MonitoringRuns.MODEL_TAG + ").");
        }
        List<Run> oldestFirst = new ArrayList<>(latestFirst);
        java.util.Collections.reverse(oldestFirst);
        Run latest = latestFirst.get(0);

        Html html = new Html();
        Fragments.crumbs(html, "Monitoring", "/monitoring");
        html.element("h1", model, "id", "monitored-model");
        html.open("p");
        if (context.registry().isPresent() && context.registry().get().findModel(model).isPresent()) {
            html.element("a", "Registered model", "href", UiLinks.model(model));
            html.text(" \u00b7 ");
        }
        html.text(latestFirst.size() + (latestFirst.size() == MAX_CHARTED ? "+" : "") + " windows");
        html.close("p");

        html.open("div", "class", "cards");
        card(html, "Latest window (UTC)", ValueFormats.time(latest.info().startTime()));
        card(html, "Drift share", metric(latest, MonitoringRuns.DRIFT_SHARE));
        card(html, "Max deviation %", metric(latest, MonitoringRuns.MAX_DEVIATION_PCT));
        card(html, "Dataset drift", latest.data().metric(MonitoringRuns.DATASET_DRIFT).isPresent()
                ? (latest.data().metric(MonitoringRuns.DATASET_DRIFT).getAsDouble() >= 0.5 ? "yes" : "no") : "");
        card(html, "Latest action", latest.data().tag(MonitoringRuns.ACTION_TAG).orElse(""));
        html.close("div");

        html.open("div", "class", "charts", "id", "monitoring-charts");
        chart(oldestFirst, MonitoringRuns.DRIFT_SHARE, "Drift share (share of drifted columns)").yRange(0, 1)
                .render(html);
        chart(oldestFirst, MonitoringRuns.MAX_DEVIATION_PCT, "Max deviation (%)").render(html);
        seriesByPrefix(oldestFirst, DEVIATION_PREFIX, "Deviation per column (percentage points)")
                .ifPresent(chart -> chart.render(html));
        seriesByPrefix(oldestFirst, QUALITY_PREFIX, "Model quality on labelled windows")
                .ifPresent(chart -> chart.render(html));
        html.close("div");

        html.element("h2", "Windows");
        html.open("table", "id", "windows").open("tr");
        for (String heading : List.of("Window (UTC)", "Run", "Drift share", "Max deviation %", "Dataset drift",
                "Action", "Report", "Decision")) {
            html.element("th", heading);
        }
        html.close("tr");
        for (Run run : latestFirst.subList(0, Math.min(MAX_LISTED, latestFirst.size()))) {
            html.open("tr", "data-run-id", run.runId());
            html.element("td", ValueFormats.time(run.info().startTime()));
            html.open("td").element("a", run.info().runName(), "href", UiLinks.run(run.runId())).close("td");
            html.element("td", metric(run, MonitoringRuns.DRIFT_SHARE), "class", "num");
            html.element("td", metric(run, MonitoringRuns.MAX_DEVIATION_PCT), "class", "num");
            OptionalDouble drift = run.data().metric(MonitoringRuns.DATASET_DRIFT);
            html.element("td", drift.isPresent() ? (drift.getAsDouble() >= 0.5 ? "yes" : "no") : "");
            html.open("td", "class", "action");
            run.data().tag(MonitoringRuns.ACTION_TAG).ifPresent(a -> Fragments.action(html, a));
            html.close("td");
            html.open("td").element("a", "HTML", "href", UiLinks.artifact(run.runId(),
                    MonitoringRuns.DRIFT_REPORT_HTML)).text(" \u00b7 ").element("a", "JSON", "href",
                    UiLinks.artifact(run.runId(), MonitoringRuns.DRIFT_REPORT_JSON)).close("td");
            html.open("td").element("a", "JSON", "href", UiLinks.artifact(run.runId(),
                    MonitoringRuns.DECISION_JSON)).close("td");
            html.close("tr");
        }
        html.close("table");

        latestReport(html, context, latestFirst);
        return page(model + " monitoring", html);
    }

    /**
     * The monitoring windows of a model, latest first.
     *
     * @param context what the UI reads from
     * @param model   a model name
     * @param max     the most windows to return
     * @return the windows (runs), latest first; empty when there are none or no monitoring experiment
     */
    static List<Run> windows(UiContext context, String model, int max) {
        Optional<Experiment> experiment = experiment(context);
        if (experiment.isEmpty()) {
            return List.of();
        }
        RunsPage page = context.tracking().searchRuns(SearchRequest.builder(experiment.get().experimentId())
                .filter("tags.`" + MonitoringRuns.MODEL_TAG + "` = '" + model.replace("'", "''") + "'")
                .orderBy("start_time DESC").maxResults(max).build());
        return page.runs();
    }

    private static void latestReport(Html html, UiContext context, List<Run> latestFirst) {
        for (Run run : latestFirst) {
            List<ArtifactInfo> artifacts = context.tracking().listArtifacts(run.runId(), "");
            boolean hasHtml = artifacts.stream().anyMatch(a -> a.path().equals(MonitoringRuns.DRIFT_REPORT_HTML));
            boolean hasJson = artifacts.stream().anyMatch(a -> a.path().equals(MonitoringRuns.DRIFT_REPORT_JSON));
            if (!hasHtml && !hasJson) {
                continue;
            }
            html.open("h2").text("Latest drift report (" + ValueFormats.time(run.info().startTime()) + ", ")
                    .element("a", run.info().runName(), "href", UiLinks.run(run.runId())).text(")").close("h2");
            if (hasJson) {
                Fragments.readText(context.tracking(), run.runId(), MonitoringRuns.DRIFT_REPORT_JSON)
                        .flatMap(Fragments::parseJson).ifPresent(json -> jsonSummary(html, json));
            }
            if (hasHtml) {
                html.open("div", "id", "latest-report");
                RunDetailPage.report(html, run.runId(), MonitoringRuns.DRIFT_REPORT_HTML);
                html.close("div");
            }
            Fragments.readText(context.tracking(), run.runId(), MonitoringRuns.DECISION_JSON).ifPresent(text -> {
                html.element("h2", "Latest decision");
                html.element("pre", Fragments.prettyJson(text), "class", "block", "id", "latest-decision");
            });
            return;
        }
        Fragments.note(html, "No window has a drift report artifact yet.");
    }

    /**
     * Shows the drifted columns of a drift report's JSON form, when it has the usual fields. Read as a tree: the
     * artifact has Evidently's layout and may come from any run, so a missing field is shown empty, not an error.
     */
    private static void jsonSummary(Html html, JsonNode json) {
        JsonNode columns = json.path("columns");
        if (!columns.isArray() || columns.isEmpty()) {
            return;
        }
        html.open("table", "id", "report-columns").open("tr");
        for (String heading : List.of("Column", "Type", "Test", "Score", "Threshold", "Drifted")) {
            html.element("th", heading);
        }
        html.close("tr");
        for (JsonNode column : columns) {
            boolean drifted = column.path("drifted").asBoolean(false);
            html.open("tr", "class", drifted ? "diff" : null);
            html.element("td", column.path("column").asText(""));
            html.element("td", column.path("column_type").asText(""));
            html.element("td", column.path("stattest").asText(""));
            html.element("td", column.path("score").isNumber()
                    ? ValueFormats.number(column.path("score").asDouble()) : "", "class", "num");
            html.element("td", column.path("threshold").isNumber()
                    ? ValueFormats.number(column.path("threshold").asDouble()) : "", "class", "num");
            html.element("td", drifted ? "yes" : "no");
            html.close("tr");
        }
        html.close("table");
    }

    /**
     * @return one line per metric whose name starts with the prefix (named without it), over the windows; empty
     *         when no window has such a metric
     */
    private static java.util.Optional<LineChart> seriesByPrefix(List<Run> oldestFirst, String prefix, String title) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        oldestFirst.forEach(r -> r.data().metrics().keySet().stream().filter(k -> k.startsWith(prefix))
                .forEach(keys::add));
        if (keys.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<LineChart.Series> series = new java.util.ArrayList<>();
        for (String key : keys.stream().limit(MAX_SERIES).toList()) {
            double[] xs = new double[oldestFirst.size()];
            double[] ys = new double[oldestFirst.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = oldestFirst.get(i).info().startTime();
                ys[i] = oldestFirst.get(i).data().metric(key).orElse(Double.NaN);
            }
            series.add(new LineChart.Series(key.substring(prefix.length()), xs, ys));
        }
        return java.util.Optional.of(new LineChart(title, "window start (UTC)", true, series));
    }

    private static LineChart chart(List<Run> oldestFirst, String metric, String title) {
        double[] xs = new double[oldestFirst.size()];
        double[] ys = new double[oldestFirst.size()];
        for (int i = 0; i < xs.length; i++) {
            Run run = oldestFirst.get(i);
            xs[i] = run.info().startTime();
            ys[i] = run.data().metric(metric).orElse(Double.NaN);
        }
        return new LineChart(title, "window start (UTC)", true, List.of(new LineChart.Series(metric, xs, ys)));
    }

    private static void card(Html html, String label, String value) {
        html.open("div", "class", "card").element("div", label, "class", "label").element("div", value, "class",
                "value").close("div");
    }

    private static String metric(Run run, String key) {
        OptionalDouble value = run.data().metric(key);
        return value.isPresent() ? ValueFormats.number(value.getAsDouble()) : "";
    }

    private static Optional<Experiment> experiment(UiContext context) {
        return context.tracking().getExperimentByName(MonitoringRuns.EXPERIMENT).filter(Experiment::isActive);
    }

    private static UiResponse page(String title, Html html) {
        return UiResponse.html(200, PageLayout.page(title, PageLayout.Section.MONITORING, html));
    }

    /** What the list shows of one model: its latest window and counts of windows and actions. */
    private static final class Summary {
        private final Run latest;
        private int windows;
        private int retrains;
        private int escalations;

        Summary(Run latest) {
            this.latest = latest;
        }

        void count(Run run) {
            windows++;
            String action = run.data().tags().getOrDefault(MonitoringRuns.ACTION_TAG, "");
            if (action.equalsIgnoreCase("RETRAIN")) {
                retrains++;
            } else if (action.equalsIgnoreCase("ESCALATE")) {
                escalations++;
            }
        }
    }
}
