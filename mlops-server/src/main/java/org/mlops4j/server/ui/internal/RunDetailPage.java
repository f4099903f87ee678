package org.mlops4j.server.ui.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.LineChart;
import org.mlops4j.core.spi.support.html.ValueFormats;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.SystemTags;

/**
 * {@code /runs/{id}}: one run: its info, params, metrics (latest values and a chart of each metric over its steps),
 * tags, the model versions registered from it, and its artifacts with download links; HTML artifacts are shown inline
 * in sandboxed frames.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class RunDetailPage {

    /** The most metric charts drawn. */
    public static final int MAX_CHARTS = 30;
    /** The most artifact entries listed. */
    public static final int MAX_ARTIFACTS = 1000;
    /** The most HTML artifacts shown inline. */
    public static final int MAX_INLINE_REPORTS = 3;

    private RunDetailPage() {
    }

    /**
     * @param context what the UI reads from
     * @param runId   the run's id, from the path
     * @return the page
     */
    public static UiResponse render(UiContext context, String runId) {
        Run run = context.tracking().getRun(runId).orElseThrow(() -> HttpProblem.notFound("There is no run with id '"
                + runId + "' in " + context.tracking().location() + "."));
        RunInfo info = run.info();
        String experimentName = context.tracking().getExperiment(info.experimentId()).map(Experiment::name)
                .orElse(info.experimentId());

        Html html = new Html();
        Fragments.crumbs(html, "Experiments", "/", experimentName, UiLinks.experiment(info.experimentId()));
        html.element("h1", info.runName(), "id", "run-name");
        run.data().tag(SystemTags.NOTE).ifPresent(note -> html.element("p", note, "class", "note"));

        html.element("h2", "Overview");
        html.open("table", "class", "kv", "id", "overview");
        row(html, "Run ID", info.runId());
        html.open("tr").element("th", "Experiment").open("td")
                .element("a", experimentName, "href", UiLinks.experiment(info.experimentId())).close("td").close("tr");
        html.open("tr").element("th", "Status").open("td");
        Fragments.status(html, info.status());
        html.close("td").close("tr");
        row(html, "User", info.userId());
        row(html, "Start (UTC)", ValueFormats.time(info.startTime()));
        row(html, "End (UTC)", info.endTime().isPresent() ? ValueFormats.time(info.endTime().getAsLong()) : "");
        row(html, "Duration", ValueFormats.duration(info.startTime(), info.endTime()));
        row(html, "Lifecycle", info.lifecycleStage().name().toLowerCase(Locale.ROOT));
        run.parentRunId().ifPresent(parent -> html.open("tr").element("th", "Parent run").open("td")
                .element("a", parent, "href", UiLinks.run(parent), "class", "mono").close("td").close("tr"));
        run.data().tag(SystemTags.SOURCE_NAME).ifPresent(source -> row(html, "Source", source));
        row(html, "Artifact URI", info.artifactUri());
        html.close("table");

        html.element("h2", "Parameters (" + run.data().params().size() + ")");
        table(html, "params", "Name", "Value", run.data().params());

        html.element("h2", "Metrics (" + run.data().metrics().size() + ")");
        metrics(html, context, run);

        html.element("h2", "Tags");
        table(html, "tags", "Name", "Value", run.data().tags());

        if (context.registry().isPresent()) {
            List<ModelVersion> versions = context.registry().get().versionsOfRun(runId);
            if (!versions.isEmpty()) {
                html.element("h2", "Registered model versions");
                html.open("table", "id", "model-versions").open("tr").element("th", "Model").element("th", "Version")
                        .element("th", "Stage").close("tr");
                for (ModelVersion v : versions) {
                    html.open("tr").open("td").element("a", v.name(), "href", UiLinks.model(v.name())).close("td")
                            .open("td").element("a", "Version " + v.version(), "href",
                                    UiLinks.modelVersion(v.name(), v.version())).close("td").open("td");
                    Fragments.stage(html, v.stage());
                    html.close("td").close("tr");
                }
                html.close("table");
            }
        }

        html.element("h2", "Artifacts");
        artifacts(html, context, runId);
        return UiResponse.html(200, PageLayout.page(info.runName(), PageLayout.Section.EXPERIMENTS, html));
    }

    private static void metrics(Html html, UiContext context, Run run) {
        if (run.data().metrics().isEmpty()) {
            Fragments.note(html, "No metrics logged.");
            return;
        }
        html.open("table", "id", "metrics").open("tr").element("th", "Name").element("th", "Latest value")
                .element("th", "Step").element("th", "Time (UTC)").close("tr");
        for (Metric m : run.data().metrics().values()) {
            html.open("tr", "data-metric", m.key()).element("td", m.key())
                    .element("td", ValueFormats.number(m.value()), "class", "num")
                    .element("td", m.step(), "class", "num").element("td", ValueFormats.time(m.timestamp()))
                    .close("tr");
        }
        html.close("table");
        html.open("div", "class", "charts", "id", "metric-charts");
        int drawn = 0;
        for (String key : run.data().metrics().keySet()) {
            if (drawn >= MAX_CHARTS) {
                break;
            }
            List<Metric> history = context.tracking().getMetricHistory(run.runId(), key);
            if (history.size() < 2) {
                continue;
            }
            new LineChart(key, "step", false, List.of(series(run.info().runName(), history))).render(html);
            drawn++;
        }
        html.close("div");
    }

    /**
     * @param name    the series name
     * @param history a metric's history
     * @return the history as a series over steps
     */
    static LineChart.Series series(String name, List<Metric> history) {
        double[] xs = new double[history.size()];
        double[] ys = new double[history.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = history.get(i).step();
            ys[i] = history.get(i).value();
        }
        return new LineChart.Series(name, xs, ys);
    }

    private static void artifacts(Html html, UiContext context, String runId) {
        List<ArtifactInfo> files = new ArrayList<>();
        Deque<String> folders = new ArrayDeque<>();
        folders.push("");
        boolean truncated = false;
        while (!folders.isEmpty() && !truncated) {
            for (ArtifactInfo entry : context.tracking().listArtifacts(runId, folders.pop())) {
                if (entry.directory()) {
                    folders.push(entry.path());
                } else if (files.size() < MAX_ARTIFACTS) {
                    files.add(entry);
                } else {
                    truncated = true;
                    break;
                }
            }
        }
        if (files.isEmpty()) {
            Fragments.note(html, "No artifacts.");
            return;
        }
        files.sort(java.util.Comparator.comparing(ArtifactInfo::path));
        html.open("table", "id", "artifacts").open("tr").element("th", "Path").element("th", "Size (bytes)")
                .element("th", "").close("tr");
        for (ArtifactInfo file : files) {
            html.open("tr", "data-artifact", file.path());
            html.open("td").element("a", file.path(), "href", UiLinks.artifact(runId, file.path())).close("td");
            html.element("td", file.size(), "class", "num");
            html.open("td").element("a", "download", "href", UiLinks.artifact(runId, file.path()) + "?download=1")
                    .close("td");
            html.close("tr");
        }
        html.close("table");
        if (truncated) {
            Fragments.note(html, "Only the first " + MAX_ARTIFACTS + " files are listed.");
        }
        int shown = 0;
        for (ArtifactInfo file : files) {
            if (shown < MAX_INLINE_REPORTS && ArtifactEndpoint.isHtml(file.path())) {
                html.element("h2", file.path());
                report(html, runId, file.path());
                shown++;
            }
        }
    }

    /**
     * Shows an HTML artifact in a sandboxed frame: no scripts, no forms, an opaque origin.
     *
     * @param html  where to write
     * @param runId the run
     * @param path  the HTML artifact's path
     */
    static void report(Html html, String runId, String path) {
        html.open("iframe", "class", "report", "sandbox", "", "referrerpolicy", "no-referrer", "title", path, "src",
                UiLinks.artifact(runId, path)).close("iframe");
    }

    private static void row(Html html, String name, String value) {
        html.open("tr").element("th", name).element("td", value).close("tr");
    }

    private static void table(Html html, String id, String keyHeading, String valueHeading, Map<String, String> rows) {
        if (rows.isEmpty()) {
            Fragments.note(html, "None.");
            return;
        }
        html.open("table", "id", id).open("tr").element("th", keyHeading).element("th", valueHeading).close("tr");
        for (Map.Entry<String, String> e : new LinkedHashMap<>(rows).entrySet()) {
            html.open("tr").element("td", e.getKey()).element("td", e.getValue()).close("tr");
        }
        html.close("table");
    }
}
