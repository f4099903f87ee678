package org.mlops4j.server.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mlops4j.core.monitor.MonitoringRuns;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.ValueFormats;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.Run;

/**
 * The model registry: {@code /models} (every registered model), {@code /models/{name}} (its versions, stages and
 * aliases) and {@code /models/{name}/versions/{v}} (one version with its lineage: the run that produced it, that run's
 * experiment and metrics, the fingerprint of the data it was trained on, and its input schema).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ModelPages {

    private ModelPages() {
    }

    /**
     * @param context what the UI reads from
     * @return the list of models
     */
    public static UiResponse list(UiContext context) {
        Html html = new Html();
        html.element("h1", "Registered models");
        if (context.registry().isEmpty()) {
            Fragments.note(html, "No model registry is configured for this UI.");
            return page("Models", html);
        }
        ModelRegistry registry = context.registry().get();
        List<RegisteredModel> models = registry.listModels();
        if (models.isEmpty()) {
            Fragments.note(html, "No models are registered in " + registry.location() + ".");
            return page("Models", html);
        }
        html.open("table", "id", "models").open("tr");
        for (String heading : List.of("Name", "Versions", "Latest version", "Stages", "Aliases", "Updated (UTC)",
                "Description")) {
            html.element("th", heading);
        }
        html.close("tr");
        for (RegisteredModel model : models) {
            List<ModelVersion> versions = registry.listVersions(model.name());
            html.open("tr", "data-model", model.name());
            html.open("td").element("a", model.name(), "href", UiLinks.model(model.name())).close("td");
            html.element("td", versions.size(), "class", "num");
            html.open("td");
            if (!versions.isEmpty()) {
                ModelVersion latest = versions.get(versions.size() - 1);
                html.element("a", "Version " + latest.version(), "href",
                        UiLinks.modelVersion(model.name(), latest.version()));
            }
            html.close("td");
            html.open("td");
            for (ModelVersion v : registry.latestVersions(model.name(), List.of())) {
                if (v.stage().isActive()) {
                    Fragments.stage(html, v.stage());
                    html.text(" v" + v.version() + " ");
                }
            }
            html.close("td");
            html.open("td");
            aliases(html, model.aliases());
            html.close("td");
            html.element("td", ValueFormats.time(model.updatedAt()));
            html.element("td", model.description());
            html.close("tr");
        }
        html.close("table");
        return page("Models", html);
    }

    /**
     * @param context what the UI reads from
     * @param name    the model's name, from the path
     * @return the model's page
     */
    public static UiResponse model(UiContext context, String name) {
        ModelRegistry registry = registry(context);
        RegisteredModel model = registry.findModel(name).orElseThrow(() -> HttpProblem.notFound(
                "There is no registered model '" + name + "'."));
        List<ModelVersion> versions = registry.listVersions(name);
        Html html = new Html();
        Fragments.crumbs(html, "Models", "/models");
        html.element("h1", model.name(), "id", "model-name");
        if (!model.description().isEmpty()) {
            html.element("p", model.description());
        }
        html.open("table", "class", "kv");
        html.open("tr").element("th", "Created (UTC)").element("td", ValueFormats.time(model.createdAt())).close("tr");
        html.open("tr").element("th", "Updated (UTC)").element("td", ValueFormats.time(model.updatedAt())).close("tr");
        html.open("tr").element("th", "Aliases").open("td");
        for (Map.Entry<String, Integer> alias : model.aliases().entrySet()) {
            html.open("a", "href", UiLinks.modelVersion(name, alias.getValue()), "class", "alias")
                    .text("@" + alias.getKey() + " \u2192 v" + alias.getValue()).close("a");
        }
        html.close("td").close("tr");
        if (hasMonitoringRuns(context, name)) {
            html.open("tr").element("th", "Monitoring").open("td")
                    .element("a", "Drift over time", "href", UiLinks.monitoring(name)).close("td").close("tr");
        }
        html.close("table");
        if (!model.tags().isEmpty()) {
            html.element("h2", "Tags");
            Fragments.keyValues(html, model.tags());
        }
        html.element("h2", "Versions (" + versions.size() + ")");
        html.open("table", "id", "versions").open("tr");
        for (String heading : List.of("Version", "Stage", "Aliases", "Registered (UTC)", "Source run", "Source",
                "Description")) {
            html.element("th", heading);
        }
        html.close("tr");
        for (int i = versions.size() - 1; i >= 0; i--) {
            ModelVersion v = versions.get(i);
            html.open("tr", "data-version", String.valueOf(v.version()));
            html.open("td").element("a", "Version " + v.version(), "href", UiLinks.modelVersion(name, v.version()))
                    .close("td");
            html.open("td");
            Fragments.stage(html, v.stage());
            html.close("td");
            html.open("td");
            for (String alias : v.aliases()) {
                html.element("span", "@" + alias, "class", "alias");
            }
            html.close("td");
            html.element("td", ValueFormats.time(v.createdAt()));
            html.open("td");
            v.runId().ifPresent(runId -> html.element("a", runId, "href", UiLinks.run(runId), "class", "mono"));
            html.close("td");
            html.element("td", v.source(), "class", "mono");
            html.element("td", v.description());
            html.close("tr");
        }
        html.close("table");
        return page(name, html);
    }

    /**
     * @param context what the UI reads from
     * @param name    the model's name, from the path
     * @param version the version number, from the path
     * @return the version's page
     */
    public static UiResponse version(UiContext context, String name, String version) {
        ModelRegistry registry = registry(context);
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("A model version is a whole number; found '" + version + "'.");
        }
        if (number < 1) {
            throw HttpProblem.badRequest("Model versions start at 1; found " + number + ".");
        }
        ModelVersion v = registry.findVersion(name, number).orElseThrow(() -> HttpProblem.notFound(
                "Registered model '" + name + "' has no version " + number + "."));
        Optional<Run> run = v.runId().flatMap(context.tracking()::getRun);

        Html html = new Html();
        Fragments.crumbs(html, "Models", "/models", name, UiLinks.model(name));
        html.element("h1", name + " \u00b7 version " + number, "id", "version-title");
        if (!v.description().isEmpty()) {
            html.element("p", v.description());
        }
        html.open("table", "class", "kv", "id", "version");
        html.open("tr").element("th", "Stage").open("td");
        Fragments.stage(html, v.stage());
        html.close("td").close("tr");
        html.open("tr").element("th", "Aliases").open("td");
        for (String alias : v.aliases()) {
            html.element("span", "@" + alias, "class", "alias");
        }
        html.close("td").close("tr");
        html.open("tr").element("th", "URI").element("td", v.uri().toString(), "class", "mono").close("tr");
        html.open("tr").element("th", "Registered (UTC)").element("td", ValueFormats.time(v.createdAt())).close("tr");
        html.open("tr").element("th", "Updated (UTC)").element("td", ValueFormats.time(v.updatedAt())).close("tr");
        html.open("tr").element("th", "Source").element("td", v.source(), "class", "mono").close("tr");
        html.open("tr").element("th", "Source run").open("td");
        if (v.runId().isPresent()) {
            String runId = v.runId().get();
            html.element("a", run.map(r -> r.info().runName()).orElse(runId), "href", UiLinks.run(runId),
                    "id", "source-run");
            if (run.isEmpty()) {
                html.text(" (not in this tracking store)");
            }
        }
        html.close("td").close("tr");
        run.ifPresent(r -> {
            String experimentName = context.tracking().getExperiment(r.info().experimentId())
                    .map(Experiment::name).orElse(r.info().experimentId());
            html.open("tr").element("th", "Experiment").open("td")
                    .element("a", experimentName, "href", UiLinks.experiment(r.info().experimentId()))
                    .close("td").close("tr");
        });
        html.open("tr").element("th", "Data fingerprint").element("td", dataFingerprint(v, run).orElse(""),
                "class", "mono", "id", "data-fingerprint").close("tr");
        html.close("table");

        if (!v.tags().isEmpty()) {
            html.element("h2", "Tags");
            Fragments.keyValues(html, v.tags());
        }
        run.ifPresent(r -> {
            if (!r.data().metrics().isEmpty()) {
                html.element("h2", "Metrics of the source run");
                Fragments.keyValues(html, r.data().metrics().values().stream().collect(Collectors.toMap(
                        Metric::key, m -> ValueFormats.number(m.value()), (a, b) -> a,
                        java.util.LinkedHashMap::new)));
            }
        });
        html.element("h2", "Input schema");
        if (v.inputSchema().isPresent()) {
            html.element("pre", v.inputSchema().get().toJson(), "class", "block", "id", "input-schema");
        } else {
            Fragments.note(html, "No input schema was registered with this version.");
        }
        return page(name + " v" + number, html);
    }

    /**
     * The fingerprint of a version's training data: the version's tag, else the run's tag, else the run's param
     * {@value MonitoringRuns#DATA_FINGERPRINT}.
     */
    private static Optional<String> dataFingerprint(ModelVersion v, Optional<Run> run) {
        String key = MonitoringRuns.DATA_FINGERPRINT;
        return Optional.ofNullable(v.tags().get(key))
                .or(() -> run.flatMap(r -> r.data().tag(key)))
                .or(() -> run.flatMap(r -> r.data().param(key)));
    }

    private static boolean hasMonitoringRuns(UiContext context, String name) {
        return !MonitoringPages.windows(context, name, 1).isEmpty();
    }

    private static void aliases(Html html, Map<String, Integer> aliases) {
        for (Map.Entry<String, Integer> alias : aliases.entrySet()) {
            html.element("span", "@" + alias.getKey() + " \u2192 v" + alias.getValue(), "class", "alias");
        }
    }

    private static ModelRegistry registry(UiContext context) {
        return context.registry().orElseThrow(() -> HttpProblem.notFound(
                "No model registry is configured for this UI."));
    }

    private static UiResponse page(String title, Html html) {
        return UiResponse.html(200, PageLayout.page(title, PageLayout.Section.MODELS, html));
    }
}
