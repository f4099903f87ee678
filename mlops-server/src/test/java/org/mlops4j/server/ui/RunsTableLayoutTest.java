package org.mlops4j.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.tracking.file.FileTrackingStore;

/** The runs table of a PyCaret-style comparison: children under their parent, metrics first, chosen columns. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsTableLayoutTest {

    private TrackingClient tracking;
    private TrackingUiServer server;
    private UiHttp http;
    private String experimentId;
    private String parent;
    private String lr;
    private String rf;
    private String other;
    private final List<String> tuned = new java.util.ArrayList<>();

    @BeforeAll
    void start(@TempDir Path folder) {
        tracking = TrackingClient.of(FileTrackingStore.open(folder));
        try (ActiveRun comparison = tracking.startRun("compare", "compare_models")) {
            parent = comparison.id();
            experimentId = comparison.experimentId();
            comparison.logParams(Map.of("input", "leads.csv", "folds", "3"));
            try (ActiveRun child = comparison.startChildRun("lr")) {
                lr = child.id();
                child.logParams(Map.of("family", "lr", "C", "1.0"));
                child.logMetric("auc", 0.81);
                child.end();
            }
            try (ActiveRun child = comparison.startChildRun("rf")) {
                rf = child.id();
                child.logParams(Map.of("family", "rf", "n_trees", "100"));
                child.logMetric("auc", 0.86);
                child.end();
            }
            comparison.end();
        }
        try (ActiveRun run = tracking.startRun("compare", "single")) {
            other = run.id();
            run.logParams(Map.of("family", "dt"));
            run.logMetric("auc", 0.7);
            run.end();
        }
        for (double c : new double[] {0.1, 1.0, 10.0}) {
            try (ActiveRun run = tracking.startRun("tune", "lr-C-" + c)) {
                tuned.add(run.id());
                run.logParams(Map.of("C", Double.toString(c), "solver", "lbfgs"));
                run.logMetric("auc", 0.8 + c / 100);
                run.end();
            }
        }
        server = TrackingUi.builder().trackingClient(tracking).port(0).build().start();
        http = new UiHttp(server.url());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        tracking.close();
    }

    @Test
    void childRunsComeRightAfterTheirParentMarkedAsChildren() {
        String body = http.get("/experiments/" + experimentId + "?order_by="
                + URLEncoder.encode("attributes.start_time DESC", StandardCharsets.UTF_8)).body();
        List<String> rows = UiHttp.runRows(body);
        assertEquals(List.of(other, parent, rf, lr), rows, "newest first, the children under their parent");
        assertTrue(body.contains("<tr data-run-id=\"" + lr + "\" class=\"child-run\" data-parent-run-id=\"" + parent
                + "\">"), body);
        assertTrue(body.contains("(2 child runs)"), body);

        List<String> hidden = UiHttp.runRows(http.get("/experiments/" + experimentId + "?children=hide").body());
        assertEquals(2, hidden.size(), "only the parent and the single run: " + hidden);
        assertFalse(hidden.contains(lr));
    }

    @Test
    void metricColumnsComeBeforeParamsAndParamsMostRunsHaveComeFirst() {
        String body = http.get("/experiments/" + experimentId).body();
        int auc = body.indexOf("metrics.auc</a>");
        int family = body.indexOf("params.family</a>");
        int trees = body.indexOf("params.n_trees</a>");
        assertTrue(auc > 0 && auc < family, "the metric before the params");
        assertTrue(family < trees, "family (three runs) before n_trees (one run)");
    }

    @Test
    void theUserChoosesTheColumns() {
        String body = http.get("/experiments/" + experimentId + "?columns=metrics.auc&columns=params.n_trees").body();
        assertTrue(body.contains("metrics.auc</a>"));
        assertTrue(body.contains("params.n_trees</a>"));
        assertFalse(body.contains("params.family</a>"), "a column not chosen is left out");
        assertTrue(body.contains("name=\"columns\" value=\"params.family\""), "but offered in the chooser");
        assertTrue(body.contains("Columns (2 of "), body);
    }

    @Test
    void theFilterPlaceholderUsesKeysTheRunsHave() {
        String body = http.get("/experiments/" + experimentId).body();
        assertTrue(body.contains("placeholder=\"metrics.auc &gt; ") || body.contains("placeholder=\"metrics.auc > "),
                body);
        assertTrue(body.contains("and params.family = &#39;") || body.contains("and params.family = '"), body);
    }

    @Test
    void comparisonPlotsEachNumericParamThatDiffersAgainstAMetric() {
        String body = http.get("/compare?runs=" + String.join(",", tuned)).body();
        assertTrue(body.contains("<h2>Params against auc</h2>"), body);
        java.util.regex.Matcher chart = java.util.regex.Pattern.compile("aria-label=\"auc against C\".*?</svg>",
                java.util.regex.Pattern.DOTALL).matcher(body);
        assertTrue(chart.find(), body);
        assertEquals(3, chart.group().split("<circle").length - 1, "one point per run");
        assertFalse(body.contains("aria-label=\"auc against solver\""), "a text param that is the same is left out");
    }
}
