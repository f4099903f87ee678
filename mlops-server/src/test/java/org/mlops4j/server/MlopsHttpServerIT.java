package org.mlops4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;

/**
 * The hardened server over real sockets: stalled and slow clients, size limits, saturation, Host checks, the token and
 * the graceful stop. Timeouts are short so that each test takes seconds.
 */
class MlopsHttpServerIT {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final TestApplication application = new TestApplication();
    private final List<RawClient> clients = new ArrayList<>();
    private MlopsHttpServer server;

    private MlopsHttpServer start(Consumer<ServerSettings.Builder> change) {
        ServerSettings.Builder settings = ServerSettings.builder().threads(2).queueCapacity(2)
                .headTimeout(Duration.ofSeconds(1)).idleTimeout(Duration.ofSeconds(2))
                .queueTimeout(Duration.ofSeconds(5)).stopTimeout(Duration.ofSeconds(5));
        change.accept(settings);
        server = MlopsHttpServer.start(settings.build(), application);
        return server;
    }

    private RawClient connect() {
        RawClient client = new RawClient(server.url());
        clients.add(client);
        return client;
    }

    @AfterEach
    void stop() {
        application.release.countDown();
        clients.forEach(RawClient::close);
        if (server != null) {
            server.close();
        }
    }

    private static CompletableFuture<HttpResponse<String>> get(URI uri, Duration timeout) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String host() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void stalledRequestHeadsNeitherBlockOthersNorStayOpenPastTheHeadTimeout() throws Exception {
        start(settings -> { });
        for (int i = 0; i < 8; i++) {
            connect().send("GET /ok HTTP/1.1\r\nHost: " + host() + "\r\nUser-Agent: sta");
        }
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(get(server.url().resolve("/ok"), Duration.ofSeconds(3)));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertEquals(200, answer.get(5, TimeUnit.SECONDS).statusCode());
        }
        Duration answered = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(answered.compareTo(Duration.ofSeconds(2)) < 0, "5 requests took " + answered);
        for (RawClient stalled : clients) {
            Optional<Duration> closed = stalled.closedWithin(Duration.ofSeconds(4));
            assertTrue(closed.isPresent(), "a stalled connection was still open 4 s after a 1 s head timeout");
        }
    }

    @Test
    void aBodyThatStallsIsCutOffAndDoesNotBlockOthers() throws Exception {
        start(settings -> settings.threads(1).queueCapacity(0));
        LogCapture log = new LogCapture();
        RawClient slow = connect();
        slow.send("POST /body HTTP/1.1\r\nHost: " + host() + "\r\nContent-Length: 1000\r\n\r\n0123456789");
        Thread.sleep(200);
        long start = System.nanoTime();
        Optional<Duration> closed = slow.closedWithin(Duration.ofSeconds(6));
        assertTrue(closed.isPresent(), "a stalled body was still being waited for after 6 s (idle timeout 2 s)");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
        assertEquals(200, get(server.url().resolve("/ok"), Duration.ofSeconds(3)).get(5, TimeUnit.SECONDS)
                .statusCode(), "the only thread is free again");
        log.close();
        assertFalse(log.hasStackTrace(), "a client's stall is not a server error:\n" + log.text());
    }

    @Test
    void aBodyDrippedSlowerThanTheMinimumRateIsCutOff() throws Exception {
        start(settings -> settings.minBodyRate(100));
        LogCapture log = new LogCapture();
        RawClient slow = connect();
        slow.send("POST /body HTTP/1.1\r\nHost: " + host() + "\r\nContent-Length: 100000\r\n\r\n");
        long start = System.nanoTime();
        boolean open = true;
        // One byte every 100 ms never stalls for the 2 s idle timeout, but is 10 bytes/s against 100 required.
        while (open && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
            open = slow.trySend((byte) 'x');
            if (open) {
                Thread.sleep(100);
                open = get(server.url().resolve("/ok"), Duration.ofSeconds(2)).get(3, TimeUnit.SECONDS)
                        .statusCode() == 200 && slow.closedWithin(Duration.ofMillis(1)).isEmpty();
            }
        }
        Duration cutOff = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(cutOff.compareTo(Duration.ofSeconds(10)) < 0, "the dripping client was not cut off in 10 s");
        log.close();
        assertFalse(log.hasStackTrace(), "a slow client is not a server error:\n" + log.text());
    }

    @Test
    void twoHostHeadersAreABadRequestEvenWhenTheFirstIsAllowed() {
        start(settings -> { });
        RawClient.Answer answer = RawClient.exchange(server.url(), "GET /ok HTTP/1.1\r\nHost: " + host()
                + "\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
        assertEquals(400, answer.status(), answer.text());
        assertFalse(answer.text().contains("\r\n\r\nok"), "the application did not answer");
    }

    @Test
    void aForeignHostIsRefusedAndTheLoopbackNamesAreAnswered() {
        start(settings -> { });
        assertEquals(403, RawClient.exchange(server.url(), "GET /ok HTTP/1.1\r\nHost: attacker.example\r\n"
                + "Connection: close\r\n\r\n").status());
        for (String host : List.of(host(), "localhost:" + server.port(), "[::1]:" + server.port())) {
            assertEquals(200, RawClient.exchange(server.url(), "GET /ok HTTP/1.1\r\nHost: " + host + "\r\n"
                    + "Connection: close\r\n\r\n").status(), host);
        }
    }

    @Test
    void anOversizedHeadIs431AndAnOversizedBodyIs413() throws Exception {
        start(settings -> settings.maxHeadBytes(4096).maxBodyBytes(1000));
        RawClient.Answer head = RawClient.exchange(server.url(), "GET /ok HTTP/1.1\r\nHost: " + host()
                + "\r\nX-Padding: " + "a".repeat(8000) + "\r\nConnection: close\r\n\r\n");
        assertEquals(431, head.status(), head.text());
        HttpResponse<String> body = CLIENT.send(HttpRequest.newBuilder(server.url().resolve("/body"))
                .POST(HttpRequest.BodyPublishers.ofString("b".repeat(5000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, body.statusCode(), body.body());
        HttpResponse<String> small = CLIENT.send(HttpRequest.newBuilder(server.url().resolve("/body"))
                .POST(HttpRequest.BodyPublishers.ofString("b".repeat(900))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("read 900 bytes", small.body());
    }

    @Test
    void moreRequestsThanThreadsAndQueueAreAnswered503WithRetryAfterAtOnce() throws Exception {
        start(settings -> settings.threads(2).queueCapacity(2).retryAfter(Duration.ofSeconds(3)));
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(get(server.url().resolve("/hold"), Duration.ofSeconds(20)));
        }
        application.awaitHolding(2);
        Thread.sleep(300);
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> extra = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            extra.add(get(server.url().resolve("/ok"), Duration.ofSeconds(5)));
        }
        for (CompletableFuture<HttpResponse<String>> answer : extra) {
            HttpResponse<String> response = answer.get(5, TimeUnit.SECONDS);
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("3", response.headers().firstValue("Retry-After").orElseThrow());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "503 came at once, not after a wait");
        application.release.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            assertEquals("held and released", answer.get(10, TimeUnit.SECONDS).body(), "queued ones ran later");
        }
    }

    @Test
    void aRequestThatWaitsLongerThanTheQueueTimeoutIs503() throws Exception {
        start(settings -> settings.threads(1).queueCapacity(4).queueTimeout(Duration.ofMillis(500)));
        CompletableFuture<HttpResponse<String>> held = get(server.url().resolve("/hold"), Duration.ofSeconds(20));
        application.awaitHolding(1);
        HttpResponse<String> waited = get(server.url().resolve("/ok"), Duration.ofSeconds(5)).get(5,
                TimeUnit.SECONDS);
        assertEquals(503, waited.statusCode());
        assertTrue(waited.headers().firstValue("Retry-After").isPresent());
        application.release.countDown();
        assertEquals(200, held.get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void closingLetsARequestInProgressFinishAndRefusesNewConnections() throws Exception {
        start(settings -> { });
        CompletableFuture<HttpResponse<String>> inFlight = get(server.url().resolve("/hold"), Duration.ofSeconds(20));
        application.awaitHolding(1);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        Thread.sleep(300);
        assertFalse(closing.isDone(), "close waits for the request in progress");
        application.release.countDown();
        HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode());
        assertEquals("held and released", finished.body());
        closing.get(10, TimeUnit.SECONDS);
        assertThrows(Exception.class, () -> get(server.url().resolve("/ok"), Duration.ofSeconds(2)).get(3,
                TimeUnit.SECONDS).statusCode());
    }

    @Test
    void withATokenOnlyRequestsThatCarryItAreAnswered() throws Exception {
        start(settings -> settings.bearerToken(TOKEN));
        HttpResponse<String> none = get(server.url().resolve("/ok"), Duration.ofSeconds(3)).get();
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        for (String wrong : List.of("Bearer " + TOKEN.substring(1), "Bearer " + TOKEN + "0", "Bearer x", "Basic !!",
                TOKEN)) {
            assertEquals(401, send("/ok", "Authorization", wrong).statusCode(), wrong);
        }
        assertEquals(200, send("/ok", "Authorization", "Bearer " + TOKEN).statusCode());
        String basic = Base64.getEncoder().encodeToString(("anyone:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, send("/ok", "Authorization", "Basic " + basic).statusCode(), "a browser's login works");
    }

    @Test
    void listeningBeyondTheLoopbackAddressNeedsAToken() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> start(settings -> settings.bindAddress("0.0.0.0")));
        assertTrue(refused.getMessage().contains("bearer token"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.builder().bearerToken("short").build());
    }

    @Test
    void theServersOwnAnswersArePlainTextWithSecurityHeadersAndNoVersion() {
        start(settings -> { });
        RawClient.Answer answer = RawClient.exchange(server.url(), "GET /ok HTTP/1.1\r\nHost: attacker.example\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals("nosniff", answer.header("X-Content-Type-Options").orElseThrow());
        assertTrue(answer.header("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(answer.header("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        assertTrue(answer.header("Server").isEmpty(), answer.text());
        RawClient.Answer bad = RawClient.exchange(server.url(), "GET /ok HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertEquals(400, bad.status(), "HTTP/1.1 without Host");
        assertFalse(bad.text().toLowerCase().contains("jetty"), bad.text());
    }

    private HttpResponse<String> send(String path, String header, String value) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.url().resolve(path)).header(header, value).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
