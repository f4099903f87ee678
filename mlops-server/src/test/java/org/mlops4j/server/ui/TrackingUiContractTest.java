package org.mlops4j.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * The tracking UI over plain HTTP, on one kind of store (subclasses choose it): pages, sorting, filtering, paging,
 * escaping, artifact confinement, read-only methods and the security headers. The UI only reads, so one store and one
 * server serve every test of a class.
 *
 * <p>Published in mlops-server's {@code tests} jar (not in mlops-tck: the kit depends on mlops-core only, and
 * mlops-server's own tests extend this class, so the suite cannot live in a module that depends on mlops-server). A
 * third-party store checks the UI over its data with {@code org.mlops4j:mlops-server:tests} (and mlops-models, whose
 * evaluation page the fixture logs) as test dependencies, implementing {@link #openTracking(Path)} and
 * {@link #openRegistry(Path)} over a store in the given folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TrackingUiContractTest {

    Path tempDir;

    TrackingClient tracking;
    ModelRegistry registry;
    UiFixture fixture;
    TrackingUiServer server;
    UiHttp http;

    /** @return a tracking client over a fresh store under {@code folder} */
    protected abstract TrackingClient openTracking(Path folder);

    /** @return a fresh registry under {@code folder} */
    protected abstract ModelRegistry openRegistry(Path folder);

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        tempDir = folder;
        Files.writeString(tempDir.resolve("secret.txt"), "root:x:0:0:secret");
        Files.createDirectories(tempDir.resolve("store"));
        tracking = openTracking(tempDir.resolve("store"));
        registry = openRegistry(tempDir.resolve("store"));
        fixture = UiFixture.log(tracking, registry);
        server = TrackingUi.builder().trackingClient(tracking).modelRegistry(registry).port(0).build().start();
        http = new UiHttp(server.url());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        registry.close();
        tracking.close();
    }

    @Test
    void bindsToTheLoopbackAddressByDefault() {
        assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
        assertEquals("127.0.0.1", server.url().getHost());
        assertEquals(TrackingUi.DEFAULT_BIND_ADDRESS, "127.0.0.1");
    }

    @Test
    void experimentsPageListsTheExperiments() {
        HttpResponse<String> page = http.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(">" + UiFixture.EXPERIMENT + "</a>"), page.body());
        assertTrue(page.body().contains("href=\"/experiments/" + fixture.experiment.experimentId() + "\""));
    }

    @Test
    void runsPageShowsTheRunsTheTestLogged() {
        HttpResponse<String> page = http.get("/experiments/" + fixture.experiment.experimentId());
        assertEquals(200, page.statusCode());
        List<String> rows = UiHttp.runRows(page.body());
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.containsAll(List.of(fixture.lr, fixture.rf, fixture.xgb, fixture.script)));
        assertTrue(page.body().contains("random-forest"));
        assertTrue(page.body().contains("data-metric=\"auc\">0.93<"), "the auc column shows the latest value");
    }

    @Test
    void sortingByAMetricOrdersTheRows() {
        String base = "/experiments/" + fixture.experiment.experimentId() + "?order_by=";
        List<String> descending = UiHttp.runRows(http.get(base + encode("metrics.auc DESC")).body());
        assertEquals(List.of(fixture.rf, fixture.xgb, fixture.lr, fixture.script), descending);
        List<String> ascending = UiHttp.runRows(http.get(base + encode("metrics.auc ASC")).body());
        assertEquals(List.of(fixture.script, fixture.lr, fixture.xgb, fixture.rf), ascending);
    }

    @Test
    void columnHeadingsAreLinksThatToggleTheOrder() {
        String page = http.get("/experiments/" + fixture.experiment.experimentId() + "?order_by="
                + encode("metrics.auc DESC")).body();
        Matcher link = Pattern.compile("<th data-sort-key=\"metrics.auc\" aria-sort=\"descending\"><a href=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(link.find(), "the auc heading is marked as the current sort");
        String href = link.group(1).replace("&amp;", "&");
        assertTrue(href.contains("order_by=metrics.auc+ASC"), href);
        assertEquals(List.of(fixture.script, fixture.lr, fixture.xgb, fixture.rf), UiHttp.runRows(http.get(href)
                .body()));
    }

    @Test
    void filterNarrowsTheRows() {
        String base = "/experiments/" + fixture.experiment.experimentId() + "?filter=";
        assertEquals(List.of(fixture.rf), UiHttp.runRows(http.get(base + encode("params.model = 'rf'")).body()));
        List<String> good = UiHttp.runRows(http.get(base + encode("metrics.auc > 0.85")
                + "&order_by=" + encode("metrics.auc DESC")).body());
        assertEquals(List.of(fixture.rf, fixture.xgb), good);
    }

    @Test
    void invalidFilterShowsItsErrorWithStatus400() {
        HttpResponse<String> page = http.get("/experiments/" + fixture.experiment.experimentId() + "?filter="
                + encode("metrics.auc >> 0.5"));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("id=\"filter-error\""), page.body());
        assertTrue(page.body().contains("Invalid search filter"), page.body());
        assertTrue(page.body().contains("value=\"metrics.auc &gt;&gt; 0.5\""), "the filter box keeps the text");
    }

    @Test
    void pagesHoldFiftyRunsAndLinkToTheNextAndPreviousPage() {
        Experiment many = tracking.createExperiment("many-runs");
        for (int i = 0; i < 120; i++) {
            try (ActiveRun run = tracking.startRun(many, String.format("run-%03d", i))) {
                run.logMetric("i", i);
                run.end();
            }
        }
        String first = http.get("/experiments/" + many.experimentId() + "?order_by=" + encode("metrics.i ASC"))
                .body();
        assertEquals(50, UiHttp.runRows(first).size());
        assertTrue(first.contains("Runs 1\u201350"), "the pager says which runs are shown");
        String second = http.get(nextLink(first)).body();
        assertEquals(50, UiHttp.runRows(second).size());
        assertTrue(second.contains("run-050"), "the second page starts at the 51st run");
        String third = http.get(nextLink(second)).body();
        assertEquals(20, UiHttp.runRows(third).size());
        assertFalse(third.contains("rel=\"next\""), "the last page has no next link");
        assertTrue(third.contains("rel=\"prev\""));
    }

    private static String nextLink(String page) {
        Matcher m = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "a next link");
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void runNamedLikeAScriptIsShownAsText() {
        for (String path : List.of("/experiments/" + fixture.experiment.experimentId(), "/runs/" + fixture.script,
                "/compare?runs=" + fixture.script + "," + fixture.lr)) {
            String body = http.get(path).body();
            assertFalse(body.contains("<script"), path + " must not contain a script element");
            assertFalse(body.contains("<b>bold</b>"), path + " must not contain the param's markup");
            assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), path + " shows the name as text");
        }
    }

    @Test
    void runPageShowsParamsMetricChartsTagsLineageAndArtifacts() {
        HttpResponse<String> page = http.get("/runs/" + fixture.rf);
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("<h1 id=\"run-name\">random-forest</h1>"));
        assertTrue(body.contains("aria-label=\"loss\""), "a chart of the loss history");
        assertTrue(body.contains("<polyline"), "the chart draws a line");
        assertTrue(body.contains(">folds</td><td>5</td>"));
        assertTrue(body.contains("href=\"/models/lead-scorer/versions/1\""), "the version registered from the run");
        assertTrue(body.contains("href=\"/artifacts/" + fixture.rf + "/notes/readme.txt\""));
        assertTrue(body.contains("<iframe class=\"report\" sandbox"), "HTML reports are framed in a sandbox");
    }

    @Test
    void artifactsAreServedThroughTheTrackingApi() {
        HttpResponse<String> json = http.get("/artifacts/" + fixture.rf + "/metrics.json");
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("0.93"), json.body());
        assertEquals("text/plain; charset=utf-8", json.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> nested = http.get("/artifacts/" + fixture.rf + "/notes/readme.txt?download=1");
        assertEquals("notes for random-forest", nested.body());
        assertTrue(nested.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        HttpResponse<String> report = http.get("/artifacts/" + fixture.rf + "/report.html");
        assertEquals(200, report.statusCode());
        assertEquals("sandbox", report.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("nosniff", report.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void modelEvaluationPageIsFramedOnTheRunPageAndServedSandboxed() {
        String body = http.get("/runs/" + fixture.rf).body();
        assertTrue(body.contains("src=\"/artifacts/" + fixture.rf + "/evaluation.html\""), "framed inline");
        HttpResponse<String> page = http.get("/artifacts/" + fixture.rf + "/evaluation.html");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("sandbox", page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertTrue(page.body().contains("<svg"), "the charts are inline SVG");
        assertTrue(page.body().contains("ROC curve"));
        assertFalse(page.body().contains("<script"), "the hostile class label is escaped");
    }

    @Test
    void artifactPathsThatLeaveTheRunFolderAreRefused() {
        String run = "/artifacts/" + fixture.rf + "/";
        List<String> attempts = List.of(
                run + "../../etc/passwd",
                run + "../../../../../../etc/passwd",
                run + "../../../../secret.txt",
                run + "../../../secret.txt",
                run + "%2e%2e/%2e%2e/etc/passwd",
                run + "%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
                run + "..%2f..%2f..%2fsecret.txt",
                run + "%252e%252e%252f%252e%252e%252fsecret.txt",
                run + "..%5c..%5c..%5csecret.txt",
                run + "%2fetc%2fpasswd",
                run + "/etc/passwd",
                run + "C:%5cWindows%5cwin.ini",
                run + "metrics.json%00.txt",
                run + "./metrics.json/../../secret.txt",
                "/artifacts/../../etc/passwd",
                "/artifacts/%2e%2e/secret.txt");
        for (String target : attempts) {
            UiHttp.Raw response = http.raw("GET", target);
            assertTrue(response.status() == 400 || response.status() == 404, target + " gave " + response.status());
            assertFalse(response.text().contains("root:"), target + " leaked a file");
        }
        assertEquals(400, http.raw("GET", run + "../../etc/passwd").status());
        assertEquals(400, http.raw("GET", run + "%2e%2e%2f%2e%2e%2fetc%2fpasswd").status());
    }

    @Test
    void missingArtifactsAndRunsAre404() {
        assertEquals(404, http.get("/artifacts/" + fixture.rf + "/nope.txt").statusCode());
        assertEquals(404, http.get("/artifacts/" + fixture.rf + "/notes").statusCode(), "a folder is not a file");
        assertEquals(404, http.get("/runs/0123456789abcdef0123456789abcdef").statusCode());
        assertEquals(404, http.get("/experiments/987654321").statusCode());
        assertEquals(404, http.get("/no/such/page").statusCode());
    }

    @Test
    void onlyGetAndHeadAreAnswered() {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            UiHttp.Raw response = http.raw(method, "/experiments/" + fixture.experiment.experimentId());
            assertEquals(405, response.status(), method);
            assertTrue(response.text().toLowerCase().contains("allow: get, head"), response.text());
        }
        HttpResponse<String> post = http.send(http.request("/").POST(HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertEquals(405, post.statusCode());
        HttpResponse<String> head = http.send(http.request("/runs/" + fixture.rf)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void requestsForAForeignHostAreRefused() {
        assertEquals(403, http.raw("GET", "/", "attacker.example:80").status());
        assertEquals(200, http.raw("GET", "/", "localhost:" + server.port()).status());
    }

    @Test
    void pagesForbidScriptsAndFraming() {
        HttpResponse<String> page = http.get("/");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("default-src 'none'"), policy);
        assertFalse(policy.contains("script-src"), "no script source is allowed at all");
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        HttpResponse<String> css = http.get("/static/ui.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
    }

    @Test
    void compareMarksTheParamsThatDifferAndOverlaysTheMetricHistories() {
        HttpResponse<String> page = http.get("/compare?runs=" + fixture.lr + "," + fixture.rf + "&runs=" + fixture.xgb);
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("<tr class=\"diff\" data-param=\"model\">"), "model differs");
        assertTrue(body.contains("<tr data-param=\"folds\">"), "folds is the same");
        Matcher loss = Pattern.compile("aria-label=\"loss\">(.*?)</svg>", Pattern.DOTALL).matcher(body);
        assertTrue(loss.find());
        assertEquals(3, loss.group(1).split("<polyline").length - 1, "one line per run");
        String onlyDiff = http.get("/compare?runs=" + fixture.lr + "," + fixture.rf + "&only_diff=1").body();
        assertFalse(onlyDiff.contains("data-param=\"folds\""));
        assertEquals(400, http.get("/compare?runs=" + fixture.lr).statusCode());
    }

    @Test
    void registryPagesShowVersionsStagesAliasesAndLineage() {
        String models = http.get("/models").body();
        assertTrue(models.contains("href=\"/models/lead-scorer\""), models);
        String model = http.get("/models/" + UiFixture.MODEL).body();
        assertTrue(model.contains("@champion \u2192 v2"), model);
        assertTrue(model.contains("stage-Production"));
        assertTrue(model.contains("href=\"/monitoring/lead-scorer\""), "links to its monitoring page");
        String v1 = http.get("/models/" + UiFixture.MODEL + "/versions/1").body();
        assertTrue(v1.contains("id=\"data-fingerprint\">" + UiFixture.FINGERPRINT + "<"), v1);
        assertTrue(v1.contains("href=\"/runs/" + fixture.rf + "\" id=\"source-run\""), "links to the source run");
        assertTrue(v1.contains("lead_source"), "shows the input schema");
        String v2 = http.get("/models/" + UiFixture.MODEL + "/versions/2").body();
        assertTrue(v2.contains("stage-Production"));
        assertTrue(v2.contains(UiFixture.FINGERPRINT), "the fingerprint is read from the run's tag when the version "
                + "has none");
        assertEquals(404, http.get("/models/" + UiFixture.MODEL + "/versions/9").statusCode());
        assertEquals(400, http.get("/models/" + UiFixture.MODEL + "/versions/latest").statusCode());
        assertEquals(404, http.get("/models/no-such-model").statusCode());
    }

    @Test
    void monitoringPagesShowDriftOverTimeTheActionsAndTheLatestReport() {
        String list = http.get("/monitoring").body();
        Matcher row = Pattern.compile("<tr data-model=\"lead-scorer\">(.*?)</tr>", Pattern.DOTALL).matcher(list);
        assertTrue(row.find(), list);
        assertTrue(row.group(1).contains("<td class=\"num\">6</td>"), "six windows: " + row.group(1));
        assertTrue(row.group(1).contains("action-ESCALATE"));
        HttpResponse<String> page = http.get("/monitoring/" + UiFixture.MODEL);
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("aria-label=\"Drift share (share of drifted columns)\""));
        assertTrue(body.contains("aria-label=\"Max deviation (%)\""));
        Matcher share = Pattern.compile("aria-label=\"Drift share \\(share of drifted columns\\)\">(.*?)</svg>",
                Pattern.DOTALL).matcher(body);
        assertTrue(share.find());
        assertTrue(share.group(1).contains(">1</text>") && share.group(1).contains(">0</text>"),
                "the share's axis runs from 0 to 1: " + share.group(1));
        Matcher deviation = Pattern.compile("aria-label=\"Deviation per column \\(percentage points\\)\">(.*?)</svg>",
                Pattern.DOTALL).matcher(body);
        assertTrue(deviation.find(), "a line per column's deviation");
        assertTrue(deviation.group(1).contains("data-series=\"city\"")
                && deviation.group(1).contains("data-series=\"lead_source\""));
        assertTrue(body.contains("aria-label=\"Model quality on labelled windows\""));
        Matcher table = Pattern.compile("<table id=\"windows\">(.*?)</table>", Pattern.DOTALL).matcher(body);
        assertTrue(table.find());
        List<String> rows = UiHttp.runRows(table.group(1));
        List<String> latestFirst = new java.util.ArrayList<>(fixture.windows);
        java.util.Collections.reverse(latestFirst);
        assertEquals(latestFirst, rows, "windows latest first");
        assertEquals(2, table.group(1).split("action-RETRAIN").length - 1);
        String latest = fixture.windows.get(fixture.windows.size() - 1);
        assertTrue(body.contains("src=\"/artifacts/" + latest + "/drift_report.html\""), "the latest report inline");
        assertTrue(body.contains("id=\"latest-decision\""));
        assertTrue(body.contains("chisquare"), "the drifted columns of the JSON report");
        assertEquals(404, http.get("/monitoring/unknown-model").statusCode());
    }

    @Test
    void healthAnswersUp() {
        HttpResponse<String> health = http.get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\"}", health.body());
        assertNotEquals(0, server.port());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
