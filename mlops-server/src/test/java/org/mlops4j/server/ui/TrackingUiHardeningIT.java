package org.mlops4j.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.LogCapture;
import org.mlops4j.server.RawClient;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.registry.FileModelRegistryProvider;

/**
 * The web UI under slow and odd clients and odd stores, over real sockets (issue 13, point 8): stalled request heads
 * do not block it, two Host headers are refused, and symbolic links in a run's artifacts neither reach outside the
 * store nor break the run page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingUiHardeningIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TrackingClient tracking;
    private ModelRegistry registry;
    private UiFixture fixture;
    private TrackingUiServer server;
    private UiHttp http;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "root:x:0:0:secret outside the store");
        Path store = Files.createDirectories(folder.resolve("store"));
        tracking = TrackingClient.of(FileTrackingStore.open(store));
        registry = FileModelRegistryProvider.open(store);
        fixture = UiFixture.log(tracking, registry);

        Path lr = artifactFolder(fixture.lr);
        Files.createSymbolicLink(lr.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(lr.resolve("outside-dir"), outside);
        Files.createSymbolicLink(lr.resolve("loop-a"), Path.of("loop-b"));
        Files.createSymbolicLink(lr.resolve("loop-b"), Path.of("loop-a"));
        Files.createSymbolicLink(lr.resolve("self"), Path.of("."));
        Files.createSymbolicLink(lr.resolve("inside-link.json"), Path.of("metrics.json"));

        Path xgb = artifactFolder(fixture.xgb);
        Files.move(xgb, xgb.resolveSibling("artifacts-moved-away"));
        Files.createSymbolicLink(xgb, outside);

        server = TrackingUi.builder().trackingClient(tracking).modelRegistry(registry).port(0)
                .serverSettings(settings -> settings.headTimeout(Duration.ofSeconds(1))).build().start();
        http = new UiHttp(server.url());
    }

    private Path artifactFolder(String runId) {
        return Path.of(URI.create(tracking.getRun(runId).orElseThrow().info().artifactUri()));
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
    void eightStalledRequestHeadsNeitherBlockTheUiNorStayOpen() throws Exception {
        List<RawClient> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                RawClient client = new RawClient(server.url());
                client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAccept: te");
                stalled.add(client);
            }
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
            for (String page : List.of("/", "/runs/" + fixture.rf, "/models", "/monitoring", "/health")) {
                pages.add(CLIENT.sendAsync(HttpRequest.newBuilder(server.url().resolve(page))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> page : pages) {
                assertEquals(200, page.get(6, TimeUnit.SECONDS).statusCode());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 3000, "5 pages with 8 stalled connections took " + millis + " ms");
            for (RawClient client : stalled) {
                assertTrue(client.closedWithin(Duration.ofSeconds(4)).isPresent(),
                        "a stalled connection was open 4 s after the 1 s head timeout");
            }
        } finally {
            stalled.forEach(RawClient::close);
        }
    }

    @Test
    void twoHostHeadersAreRefusedWith400() {
        String allowed = "127.0.0.1:" + server.port();
        for (String hosts : List.of("Host: " + allowed + "\r\nHost: attacker.example",
                "Host: attacker.example\r\nHost: " + allowed, "Host: " + allowed + "\r\nHost: " + allowed)) {
            RawClient.Answer answer = RawClient.exchange(server.url(), "GET / HTTP/1.1\r\n" + hosts
                    + "\r\nConnection: close\r\n\r\n");
            assertEquals(400, answer.status(), hosts + "\n" + answer.text());
            assertFalse(answer.text().contains(UiFixture.EXPERIMENT), "no page was rendered");
        }
    }

    @Test
    void aForeignHostIsRefused() {
        assertEquals(403, http.raw("GET", "/", "attacker.example").status());
        assertEquals(200, http.raw("GET", "/", "localhost:" + server.port()).status());
    }

    @Test
    void runPageListsNeitherLinksOutOfTheStoreNorLinkLoops() {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> page = http.get("/runs/" + fixture.lr);
            assertEquals(200, page.statusCode(), page.body());
            String body = page.body();
            assertTrue(body.contains("data-artifact=\"metrics.json\""), "the run's own files are listed");
            assertTrue(body.contains("data-artifact=\"inside-link.json\""), "a link to a file in the store is listed");
            for (String hidden : List.of("passwd", "outside-dir", "secret.txt", "loop-a", "loop-b", "self/")) {
                assertFalse(body.contains("data-artifact=\"" + hidden), hidden + " is listed");
            }
            assertFalse(log.hasStackTrace(), log.text());
        }
    }

    @Test
    void linksToFilesOutsideTheStoreAreNotServed() {
        String run = "/artifacts/" + fixture.lr + "/";
        for (String path : List.of("passwd", "outside-dir/secret.txt", "self/passwd")) {
            UiHttp.Raw answer = http.raw("GET", run + path);
            assertTrue(answer.status() == 400 || answer.status() == 404, path + " gave " + answer.status());
            assertFalse(answer.text().contains("root:"), path + " leaked a file outside the store");
        }
        HttpResponse<String> inside = http.get(run + "inside-link.json");
        assertEquals(200, inside.statusCode());
        assertTrue(inside.body().contains("auc"), inside.body());
    }

    @Test
    void aRunFolderThatLinksOutsideTheStoreShowsNoArtifacts() {
        HttpResponse<String> page = http.get("/runs/" + fixture.xgb);
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("secret.txt"), "files outside the store are listed");
        UiHttp.Raw file = http.raw("GET", "/artifacts/" + fixture.xgb + "/secret.txt");
        assertTrue(file.status() == 400 || file.status() == 404, "gave " + file.status());
        assertFalse(file.text().contains("root:"), "a file outside the store was served");
    }

    @Test
    void aLinkLoopIsNotFoundWithoutAStackTrace() {
        try (LogCapture log = new LogCapture()) {
            for (String path : List.of("loop-a", "loop-b", "self/metrics.json", "loop-a/x")) {
                HttpResponse<String> answer = http.get("/artifacts/" + fixture.lr + "/" + path);
                assertEquals(404, answer.statusCode(), path + ": " + answer.body());
                assertTrue(answer.body().contains("id=\"error-message\""), "an error page explains it");
            }
            assertFalse(log.hasStackTrace(), log.text());
            assertFalse(log.text().contains("WARN"), log.text());
        }
    }
}
