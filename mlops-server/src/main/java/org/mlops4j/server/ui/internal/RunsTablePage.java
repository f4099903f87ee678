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

        List<String> allParams = keys(page.runs(), EntityType.PARAM, order, Integer.MAX_VALUE);
        List<String> allMetrics = keys(page.runs(), EntityType.METRIC, order, Integer.MAX_VALUE);
        List<String> chosen = request.parameters("columns").stream()
                .flatMap(c -> java.util.Arrays.stream(c.split(","))).map(String::trim).filter(c -> !c.isEmpty())
                .toList();
        List<String> paramKeys = chosen.isEmpty() ? keys(page.runs(), EntityType.PARAM, order, MAX_KEY_COLUMNS)
                : allParams.stream().filter(k -> chosen.contains("params." + k)).toList();
        List<String> metricKeys = chosen.isEmpty() ? keys(page.runs(), EntityType.METRIC, order, MAX_KEY_COLUMNS)
                : allMetrics.stream().filter(k -> chosen.contains("metrics." + k)).toList();
        boolean hideChildren = request.parameterOrEmpty("children").equals("hide");
        RunTree tree = RunTree.of(page.runs());

        Html html = new Html();
        Fragments.crumbs(html, "Experiments", "/");
        html.element("h1", experiment.name());
        filterForm(html, experimentId, filter, orderBy, placeholder(page.runs(), allMetrics, allParams));
        if (error.isPresent()) {
            html.element("div", error.get(), "class", "error", "id", "filter-error", "role", "alert");
        }
        Links links = new Links(experimentId, filter, order, String.join(",", chosen), hideChildren);
        columnChooser(html, experimentId, filter, orderBy, allMetrics, allParams, metricKeys, paramKeys,
                hideChildren);
        if (tree.hasChildren()) {
            html.open("p", "class", "note", "id", "child-runs-toggle");
            html.element("a", hideChildren ? "Show child runs under their parents" : "Hide child runs", "href",
                    links.children(orderBy, !hideChildren));
            html.close("p");
        }

        html.open("form", "method", "get", "action", "/compare", "id", "compare-form");
        pager(html, links, offset, page, orderBy);
        html.open("table", "id", "runs");
        html.open("tr");
        html.element("th", "Compare");
        links.heading(html, "Run name", new SearchKey(EntityType.ATTRIBUTE, "run_name"));
        links.heading(html, "Status", new SearchKey(EntityType.ATTRIBUTE, "status"));
        links.heading(html, "Start (UTC)", new SearchKey(EntityType.ATTRIBUTE, "start_time"));
        html.element("th", "Duration");
        for (String key : metricKeys) {
            links.heading(html, "metrics." + key, new SearchKey(EntityType.METRIC, key));
        }
        for (String key : paramKeys) {
            links.heading(html, "params." + key, new SearchKey(EntityType.PARAM, key));
        }
        html.close("tr");
        for (Run run : tree.ordered()) {
            boolean nested = tree.isNested(run);
            if (nested && hideChildren) {
                continue;
            }
            html.open("tr", "data-run-id", run.runId(), "class", nested ? "child-run" : null, "data-parent-run-id",
                    nested ? run.parentRunId().orElse(null) : null);
            html.open("td").empty("input", "type", "checkbox", "name", "runs", "value", run.runId(), "aria-label",
                    "compare " + run.info().runName()).close("td");
            html.open("td", "class", "run-name");
            if (nested) {
                html.element("span", "\u21b3 ", "class", "nest", "aria-hidden", "true");
            }
            html.element("a", run.info().runName(), "href", UiLinks.run(run.runId()));
            int children = tree.childCount(run);
            if (children > 0) {
                html.element("span", " (" + children + " child run" + (children == 1 ? "" : "s") + ")",
                        "class", "note child-count");
            }
            html.close("td");
            html.open("td");
            Fragments.status(html, run.info().status());
            html.close("td");
            html.element("td", ValueFormats.time(run.info().startTime()));
            html.element("td", ValueFormats.duration(run.info().startTime(), run.info().endTime()), "class", "num");
            for (String key : metricKeys) {
                Metric metric = run.data().metrics().get(key);
                html.element("td", metric == null ? "" : ValueFormats.number(metric.value()), "class", "num",
                        "data-metric", key);
            }
            for (String key : paramKeys) {
                html.element("td", run.data().params().getOrDefault(key, ""), "data-param", key);
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

    private static void filterForm(Html html, String experimentId, String filter, String orderBy,
            String placeholder) {
        html.open("form", "class", "filter", "method", "get", "action", UiLinks.experiment(experimentId), "id",
                "filter-form");
        html.empty("input", "type", "text", "name", "filter", "value", filter, "id", "filter", "placeholder",
                placeholder, "aria-label", "search filter");
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

    /**
     * @return the page's keys of one kind: the sort key first, then those most runs have (sparse keys last), then
     *         by name; at most {@code limit}
     */
    private static List<String> keys(List<Run> runs, EntityType entity, Optional<OrderClause> order, int limit) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (Run run : runs) {
            (entity == EntityType.PARAM ? run.data().params().keySet() : run.data().metrics().keySet())
                    .forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        List<String> all = new ArrayList<>(new TreeSet<>(counts.keySet()));
        all.sort(java.util.Comparator.comparing((String k) -> -counts.get(k)));
        List<String> chosen = new ArrayList<>();
        order.filter(o -> o.key().entity() == entity).ifPresent(o -> chosen.add(o.key().key()));
        for (String key : all) {
            if (chosen.size() >= limit) {
                break;
            }
            if (!chosen.contains(key)) {
                chosen.add(key);
            }
        }
        return chosen;
    }

    /**
     * @return an example filter made of keys these runs have (a metric, a param and its value), or a generic one
     */
    static String placeholder(List<Run> runs, List<String> metrics, List<String> params) {
        List<String> parts = new ArrayList<>();
        if (!metrics.isEmpty()) {
            String key = metrics.get(0);
            runs.stream().map(r -> r.data().metrics().get(key)).filter(java.util.Objects::nonNull).findFirst()
                    .ifPresent(m -> parts.add(identifier(new SearchKey(EntityType.METRIC, key)) + " > "
                            + ValueFormats.number(m.value())));
        }
        if (!params.isEmpty()) {
            String key = params.get(0);
            runs.stream().map(r -> r.data().params().get(key)).filter(v -> v != null && !v.contains("'"))
                    .findFirst().ifPresent(v -> parts.add(identifier(new SearchKey(EntityType.PARAM, key)) + " = '"
                            + (v.length() > 20 ? v.substring(0, 20) : v) + "'"));
        }
        return parts.isEmpty() ? "metrics.auc > 0.8 and params.family = 'lr'" : String.join(" and ", parts);
    }

    private static void columnChooser(Html html, String experimentId, String filter, String orderBy,
            List<String> allMetrics, List<String> allParams, List<String> metricKeys, List<String> paramKeys,
            boolean hideChildren) {
        if (allMetrics.isEmpty() && allParams.isEmpty()) {
            return;
        }
        html.open("details", "class", "columns", "id", "column-chooser");
        html.element("summary", "Columns (" + (metricKeys.size() + paramKeys.size()) + " of "
                + (allMetrics.size() + allParams.size()) + ")");
        html.open("form", "method", "get", "action", UiLinks.experiment(experimentId));
        for (String key : allMetrics) {
            columnBox(html, "metrics." + key, metricKeys.contains(key));
        }
        for (String key : allParams) {
            columnBox(html, "params." + key, paramKeys.contains(key));
        }
        if (!filter.isEmpty()) {
            html.empty("input", "type", "hidden", "name", "filter", "value", filter);
        }
        if (!orderBy.isEmpty()) {
            html.empty("input", "type", "hidden", "name", "order_by", "value", orderBy);
        }
        if (hideChildren) {
            html.empty("input", "type", "hidden", "name", "children", "value", "hide");
        }
        html.element("button", "Show these columns", "type", "submit");
        html.close("form");
        html.close("details");
    }

    private static void columnBox(Html html, String column, boolean checked) {
        html.open("label", "class", "column-choice");
        html.empty("input", "type", "checkbox", "name", "columns", "value", column, "checked",
                checked ? "checked" : null);
        html.text(" " + column);
        html.close("label");
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
    private record Links(String experimentId, String filter, Optional<OrderClause> order, String columns,
            boolean hideChildren) {

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
                    UiLinks.query("filter", filter, "order_by", clause, "columns", columns, "children",
                            hideChildren ? "hide" : "")));
            html.close("th");
        }

        String page(String orderBy, String token) {
            return UiLinks.withQuery(UiLinks.experiment(experimentId),
                    UiLinks.query("filter", filter, "order_by", orderBy, "page_token", token, "columns", columns,
                            "children", hideChildren ? "hide" : ""));
        }

        String children(String orderBy, boolean hide) {
            return UiLinks.withQuery(UiLinks.experiment(experimentId),
                    UiLinks.query("filter", filter, "order_by", orderBy, "columns", columns, "children",
                            hide ? "hide" : ""));
        }
    }
}
