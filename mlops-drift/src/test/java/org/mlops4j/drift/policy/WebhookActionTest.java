package org.mlops4j.drift.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.ActionPolicy;
import org.mlops4j.core.monitor.ColumnDeviation;
import org.mlops4j.core.monitor.DriftSummary;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.TriggerAction;
import org.mlops4j.core.monitor.TriggerContext;

/** The webhook action against a real HTTP receiver on loopback (the JDK's HttpServer). */
class WebhookActionTest {

    private static final PolicyDecision ESCALATE = decision(24.2);
    private static final PolicyDecision RETRAIN = decision(7.0);

    /** One request as the receiver saw it. */
    private record Received(String body, String signature, String delivery, String suppressed) {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger slowRequests = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void signsWithHmacSha256AsRfc4231Computes() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookAction.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void postsTheDecisionAsJsonWithASignatureTheReceiverCanCheck() throws IOException {
        TriggerAction action = new WebhookActionProvider().create(context(Map.of("secret", "s3cret")));
        assertEquals("webhook:oncall", action.name());
        String outcome = action.execute(ESCALATE);
        assertTrue(outcome.startsWith("delivered to http://127.0.0.1:"), outcome);
        assertEquals(1, received.size());
        Received request = received.peek();
        assertEquals(ESCALATE.toJson(), request.body());
        assertEquals(ESCALATE, PolicyDecision.fromJson(request.body()));
        assertEquals("sha256=" + WebhookAction.sign("s3cret", request.body()), request.signature());
        assertTrue(request.body().contains("city_tier"), request.body());
    }

    @Test
    void retriesServerErrorsWithOneDeliveryIdAndGivesUpOnARefusal() throws IOException {
        answers.addAll(List.of(503, 429, 200));
        TriggerAction action = new WebhookActionProvider().create(context(Map.of()));
        assertTrue(action.execute(ESCALATE).endsWith("(HTTP 200, try 3)"));
        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(Received::delivery).distinct().count());
        assertEquals("", received.peek().signature(), "no secret, no signature");

        received.clear();
        answers.add(400);
        MlopsException refused = assertThrows(MlopsException.class, () -> action.execute(RETRAIN));
        assertEquals(1, received.size(), "a 4xx answer is not tried again");
        assertTrue(refused.getMessage().contains("last answer: HTTP 400"), refused.getMessage());
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsTriedAgainAndThenReported() throws IOException {
        slowRequests.set(1);
        TriggerAction action = new WebhookActionProvider().create(context(Map.of("timeout", "PT0.3S")));
        assertTrue(action.execute(ESCALATE).endsWith("try 2)"));

        slowRequests.set(3);
        answers.clear();
        TriggerAction stubborn = new WebhookActionProvider().create(context(Map.of("timeout", "PT0.2S")));
        MlopsException e = assertThrows(MlopsException.class, () -> stubborn.execute(ESCALATE));
        assertTrue(e.getMessage().contains("did not take the decision after 3 tries; last answer: "
                + "HttpTimeoutException"), e.getMessage());
    }

    @Test
    void theRateLimitSendsOneDecisionPerKindPerIntervalAndCountsTheOthers() throws IOException {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-08T00:00:00Z"));
        TriggerAction action = new WebhookAction(WebhookActionProvider.settings("oncall",
                config(Map.of("min_interval", "PT10M"))), clock(now));
        assertTrue(action.execute(ESCALATE).startsWith("delivered"));
        now.set(now.get().plus(Duration.ofMinutes(3)));
        assertTrue(action.execute(ESCALATE).startsWith("rate-limited: a escalate decision was delivered"));
        assertTrue(action.execute(RETRAIN).startsWith("delivered"), "another kind has its own limit");
        now.set(now.get().plus(Duration.ofMinutes(5)));
        String held = action.execute(ESCALATE);
        assertTrue(held.contains("held back 2 since, next delivery from 2026-12-08T00:10:00Z"), held);
        now.set(Instant.parse("2026-12-08T00:10:00Z"));
        assertTrue(action.execute(ESCALATE).startsWith("delivered"));
        assertEquals(List.of("0", "0", "2"), received.stream().map(Received::suppressed).toList());
    }

    @Test
    void aWebhookWithoutAUrlOrWithABadValueIsAConfigurationErrorNamingTheKey() {
        ConfigurationException noUrl = assertThrows(ConfigurationException.class, () -> new WebhookActionProvider()
                .create(new TriggerContext("pager", MlopsConfig.ofOnly(Map.of()), ActionHooks.builder().build())));
        assertTrue(noUrl.getMessage().contains("set mlops.monitor.webhook.pager.url"), noUrl.getMessage());
        ConfigurationException badDuration = assertThrows(ConfigurationException.class,
                () -> WebhookActionProvider.settings("oncall", MlopsConfig.ofOnly(Map.of(
                        "mlops.monitor.webhook.oncall.url", "http://127.0.0.1:1/",
                        "mlops.monitor.webhook.oncall.timeout", "10s"))));
        assertTrue(badDuration.getMessage().contains("mlops.monitor.webhook.oncall.timeout must be an ISO-8601"),
                badDuration.getMessage());
        assertThrows(ConfigurationException.class, () -> WebhookActionProvider.settings("oncall",
                MlopsConfig.ofOnly(Map.of("mlops.monitor.webhook.oncall.url", "ftp://example.invalid/"))));
    }

    private TriggerContext context(Map<String, String> extra) throws IOException {
        return new TriggerContext("oncall", config(extra), ActionHooks.builder().build());
    }

    private MlopsConfig config(Map<String, String> extra) throws IOException {
        startReceiver();
        Map<String, String> values = new java.util.HashMap<>();
        values.put("mlops.monitor.webhook.oncall.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        values.put("mlops.monitor.webhook.oncall.retry_delay", "PT0.01S");
        extra.forEach((key, value) -> values.put("mlops.monitor.webhook.oncall." + key, value));
        return MlopsConfig.ofOnly(values);
    }

    private void startReceiver() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(body, header(exchange, "X-Mlops-Signature"), header(exchange, "X-Mlops-Delivery"),
                header(exchange, "X-Mlops-Suppressed")));
        if (slowRequests.getAndDecrement() > 0) {
            try {
                Thread.sleep(1_000); // longer than the client's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer status = answers.poll();
        exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        exchange.close();
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static PolicyDecision decision(double movedMass) {
        return ActionPolicy.defaults().decide("tvd", "percentage points",
                List.of(new ColumnDeviation("city_tier", ColumnType.CATEGORICAL, movedMass)),
                DriftSummary.of(0.5, 1, List.of("city_tier")), Instant.EPOCH);
    }

    private static Clock clock(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }
}
