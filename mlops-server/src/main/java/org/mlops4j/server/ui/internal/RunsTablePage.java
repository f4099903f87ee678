package org.mlops4j.server.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.spi.support.html.ValueFormats;
import org.mlops4j.core.tracking.EntityType;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.OrderClause;
import org.mlops4j.core.tracking.PageToken;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchKey;
import org.mlops4j.core.tracking.SearchRequest;

/**
 * {@code /experiments/{id}}: the runs of an experiment, {@value #PAGE_SIZE} to a page, searched by the store (so a
 * page costs the same with ten runs or a hundred thousand). Query parameters: {@code filter} (MLflow's filter grammar;
 * an invalid filter is shown with its error), {@code order_by} (such as {@code metrics.auc DESC}; the column headings
 * are links that set it) and {@code page_token} (from the previous page). The table is also a form that sends the
 * ticked runs to the compare page.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class RunsTablePage {

    /** Runs per page. */
    public static final int PAGE_SIZE = 50;
    /** The most param columns and the most metric columns shown. */
    public static final int MAX_KEY_COLUMNS = 12;

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_]+");

    private RunsTablePage() {
    }

    /**
     * @param context      what the UI reads from
     * @param request      the request
     * @param experimentId the experiment's id, from the path
     * @return the page (status 400 when the filter, order or page token is invalid)
     */
    public static UiResponse render(UiContext context, UiRequest request, String experimentId) {
        Experiment experiment = context.tracking().getExperiment(experimentId).orElseThrow(() ->
                HttpProblem.notFound("There is no experiment with id '" + experimentId + "' in "
                        + context.tracking().location() + "."));
        String filter = request.parameterOrEmpty("filter");
        String orderBy = request.parameterOrEmpty("order_by");
        String pageToken = request.parameterOrEmpty("page_token");

        Optional<String> error = Optional.empty();
        Optional<OrderClause> order = Optional.empty();
        RunsPage page = new RunsPage(List.of(), Optional.empty());
        int offset = 0;
        try {
            SearchRequest.Builder search = SearchRequest.builder(experimentId).maxResults(PAGE_SIZE);
            if (!filter.isEmpty()) {
                search.filter(filter);
            }
            if (!orderBy.isEmpty()) {
                order = Optional.of(OrderClause.parse(orderBy));
                search.orderBy(orderBy);
            }
            if (!pageToken.isEmpty()) {
                search.pageToken(pageToken);
            }
            SearchRequest built = search.build();
            offset = built.offset();
            page = context.tracking().searchRuns(built);
        } catch (InvalidTrackingInputException e) {
            error = Optional.of(e.getMessage());
        }

        Html html = new Html();
        Fragments.crumbs(html, "Experiments", "/");
        html.element("h1", experiment.name());
        filterForm(html, experimentId, filter, orderBy);
        if (error.isPresent()) {
            html.element("div", error.get(), "class", "error", "id", "filter-error", "role", "alert");
        }
        List<String> paramKeys = keys(page.runs(), EntityType.PARAM, order);
        List<String> metricKeys = keys(page.runs(), EntityType.METRIC, order);
        Links links = new Links(experimentId, filter, order);

        html.open("form", "method", "get", "action", "/compare", "id", "compare-form");
        pager(html, links, offset, page, orderBy);
        html.open("table", "id", "runs");
        html.open("tr");
        html.element("th", "Compare");
        links.heading(html, "Run name", new SearchKey(EntityType.ATTRIBUTE, "run_name"));
        links.heading(html, "Status", new SearchKey(EntityType.ATTRIBUTE, "status"));
        links.heading(html, "Start (UTC)", new SearchKey(EntityType.ATTRIBUTE, "start_time"));
        html.element("th", "Duration");
        for (String key : paramKeys) {
            links.heading(html, "params." + key, new SearchKey(EntityType.PARAM, key));
        }
        for (String key : metricKeys) {
            links.heading(html, "metrics." + key, new SearchKey(EntityType.METRIC, key));
        }
        html.close("tr");
        for (Run run : page.runs()) {
            html.open("tr", "data-run-id", run.runId());
            html.open("td").empty("input", "type", "checkbox", "name", "runs", "value", run.runId(), "aria-label",
                    "compare " + run.info().runName()).close("td");
            html.open("td", "class", "run-name")
                    .element("a", run.info().runName(), "href", UiLinks.run(run.runId())).close("td");
            html.open("td");
            Fragments.status(html, run.info().status());
            html.close("td");
            html.element("td", ValueFormats.time(run.info().startTime()));
            html.element("td", ValueFormats.duration(run.info().startTime(), run.info().endTime()), "class", "num");
            for (String key : paramKeys) {
                html.element("td", run.data().params().getOrDefault(key, ""), "data-param", key);
            }
            for (String key : metricKeys) {
                Metric metric = run.data().metrics().get(key);
                html.element("td", metric == null ? "" : ValueFormats.number(metric.value()), "class", "num",
                        "data-metric", key);
            }
            html.close("tr");
        }
        html.close("table");
        if (page.runs().isEmpty() && error.isEmpty()) {
            Fragments.note(html, filter.isEmpty() ? "This experiment has no runs yet."
                    : "No run matches the filter.");
        }
        pager(html, links, offset, page, orderBy);
        html.element("button", "Compare selected runs", "type", "submit");
        html.close("form");
        int status = error.isPresent() ? 400 : 200;
        return UiResponse.html(status, PageLayout.page(experiment.name(), PageLayout.Section.EXPERIMENTS, html));
    }

    private static void filterForm(Html html, String experimentId, String filter, String orderBy) {
        html.open("form", "class", "filter", "method", "get", "action", UiLinks.experiment(experimentId), "id",
                "filter-form");
        html.empty("input", "type", "text", "name", "filter", "value", filter, "id", "filter", "placeholder",
                "metrics.auc > 0.8 and params.model = 'lr' and tags.team LIKE '%risk%'", "aria-label",
                "search filter");
        if (!orderBy.isEmpty()) {
            html.empty("input", "type", "hidden", "name", "order_by", "value", orderBy);
        }
        html.element("button", "Search", "type", "submit");
        html.element("a", "Clear", "class", "button secondary", "href", UiLinks.experiment(experimentId));
        html.close("form");
    }

    private static void pager(Html html, Links links, int offset, RunsPage page, String orderBy) {
        html.open("div", "class", "pager");
        if (page.runs().isEmpty()) {
            html.element("span", "No runs", "class", "note");
        } else {
            html.element("span", "Runs " + (offset + 1) + "\u2013" + (offset + page.runs().size()), "class",
                    "note page-range");
        }
        if (offset > 0) {
            int previous = Math.max(0, offset - PAGE_SIZE);
            html.element("a", "\u2190 Previous", "class", "button secondary", "rel", "prev", "href",
                    links.page(orderBy, previous == 0 ? "" : new PageToken(previous).encode()));
        }
        if (page.nextPageToken().isPresent()) {
            html.element("a", "Next \u2192", "class", "button secondary", "rel", "next", "href",
                    links.page(orderBy, page.nextPageToken().get()));
        }
        html.close("div");
    }

    private static List<String> keys(List<Run> runs, EntityType entity, Optional<OrderClause> order) {
        TreeSet<String> all = new TreeSet<>();
        for (Run run : runs) {
            all.addAll(entity == EntityType.PARAM ? run.data().params().keySet() : run.data().metrics().keySet());
        }
        List<String> chosen = new ArrayList<>();
        order.filter(o -> o.key().entity() == entity).ifPresent(o -> chosen.add(o.key().key()));
        for (String key : all) {
            if (chosen.size() >= MAX_KEY_COLUMNS) {
                break;
            }
            if (!chosen.contains(key)) {
                chosen.add(key);
            }
        }
        return chosen;
    }

    /**
     * @param key a search key
     * @return the key as an order-by or filter identifier, quoted with backticks unless it is a plain word
     */
    static String identifier(SearchKey key) {
        String name = BARE_KEY.matcher(key.key()).matches() ? key.key() : "`" + key.key() + "`";
        return key.entity().prefix() + "." + name;
    }

    /** The links of one rendering of the table: sorting headings and pages keep the filter. */
    private record Links(String experimentId, String filter, Optional<OrderClause> order) {

        void heading(Html html, String label, SearchKey key) {
            boolean current = order.map(o -> o.key().equals(key)).orElse(false);
            boolean descending;
            if (current) {
                descending = order.get().ascending();
            } else {
                descending = key.entity() == EntityType.METRIC || key.key().equals("start_time");
            }
            String clause = identifier(key) + (descending ? " DESC" : " ASC");
            String marker = current ? (order.get().ascending() ? " \u25b2" : " \u25bc") : "";
            html.open("th", "data-sort-key", identifier(key), "aria-sort",
                    current ? (order.get().ascending() ? "ascending" : "descending") : null);
            html.element("a", label + marker, "href", UiLinks.withQuery(UiLinks.experiment(experimentId),
                    UiLinks.query("filter", filter, "order_by", clause)));
            html.close("th");
        }

        String page(String orderBy, String token) {
            return UiLinks.withQuery(UiLinks.experiment(experimentId),
                    UiLinks.query("filter", filter, "order_by", orderBy, "page_token", token));
        }
    }
}
