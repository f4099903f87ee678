package org.mlops4j.server.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.ValueFormats;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.ViewType;

/**
 * {@code /}: the experiments, each linking to its runs table. {@code ?view=all} includes deleted ones.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ExperimentsPage {

    private ExperimentsPage() {
    }

    /**
     * @param context what the UI reads from
     * @param request the request
     * @return the page
     */
    public static UiResponse render(UiContext context, UiRequest request) {
        boolean all = request.parameterOrEmpty("view").equals("all");
        List<Experiment> experiments = context.tracking().listExperiments(all ? ViewType.ALL : ViewType.ACTIVE_ONLY);
        Html html = new Html();
        html.element("h1", "Experiments");
        html.open("p", "class", "note").text(experiments.size() + " experiment" + (experiments.size() == 1 ? "" : "s")
                + " in " + context.tracking().location() + ". ");
        if (all) {
            html.element("a", "Show active only", "href", "/");
        } else {
            html.element("a", "Include deleted", "href", "/?view=all");
        }
        html.close("p");
        html.open("table", "id", "experiments");
        html.open("tr");
        for (String heading : List.of("Name", "ID", "Created (UTC)", "Last update (UTC)", "Tags", "Artifact location")) {
            html.element("th", heading);
        }
        html.close("tr");
        for (Experiment experiment : experiments) {
            html.open("tr", "data-experiment-id", experiment.experimentId());
            html.open("td").element("a", experiment.name(), "href", UiLinks.experiment(experiment.experimentId()));
            if (!experiment.isActive()) {
                html.text(" (deleted)");
            }
            html.close("td");
            html.element("td", experiment.experimentId(), "class", "mono");
            html.element("td", experiment.creationTime() > 0 ? ValueFormats.time(experiment.creationTime()) : "");
            html.element("td", experiment.lastUpdateTime() > 0 ? ValueFormats.time(experiment.lastUpdateTime()) : "");
            html.element("td", userTags(experiment.tags()));
            html.element("td", experiment.artifactLocation(), "class", "mono");
            html.close("tr");
        }
        html.close("table");
        return UiResponse.html(200, PageLayout.page("Experiments", PageLayout.Section.EXPERIMENTS, html));
    }

    private static String userTags(Map<String, String> tags) {
        return tags.entrySet().stream().filter(e -> !e.getKey().startsWith(SystemTags.PREFIX))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
