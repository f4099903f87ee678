package org.mlops4j.drift.policy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.TriggerAction;

/**
 * Delivers a decision to a webhook: an HTTP POST of {@link PolicyDecision#toJson()} with the headers
 * {@code X-Mlops-Signature: sha256=<hex>} (HMAC-SHA256 of the body with the configured secret, when there is one),
 * {@code X-Mlops-Delivery} (one id for every try of one delivery, so a receiver can drop repeats) and
 * {@code X-Mlops-Suppressed} (how many decisions of this kind the rate limit held back since the last delivery).
 * Network errors, timeouts, 429 and 5xx answers are tried again after a delay that doubles; other answers fail at
 * once. A delivery that fails throws, so the monitor records the failure on the decision's outcome (the decision
 * itself is recorded either way). Thread-safe.
 */
final class WebhookAction implements TriggerAction {

    /**
     * A webhook's configuration.
     *
     * @param name        its name, the action's target
     * @param url         the receiver
     * @param secret      the HMAC key, if any
     * @param timeout     per try
     * @param attempts    tries in all
     * @param retryDelay  before the second try, doubling after
     * @param minInterval at most one delivery per action kind within it
     */
    record Settings(String name, URI url, Optional<String> secret, Duration timeout, int attempts,
                    Duration retryDelay, Duration minInterval) {
        Settings {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secret, "secret");
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final HttpClient client;
    private final Map<ActionKind, Instant> lastDelivery = new EnumMap<>(ActionKind.class);
    private final Map<ActionKind, Integer> suppressed = new EnumMap<>(ActionKind.class);

    WebhookAction(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return WebhookActionProvider.NAME + ":" + settings.name();
    }

    @Override
    public String execute(PolicyDecision decision) {
        int held;
        synchronized (this) {
            Instant now = clock.instant();
            Instant last = lastDelivery.get(decision.action());
            if (last != null && now.isBefore(last.plus(settings.minInterval()))) {
                int count = suppressed.merge(decision.action(), 1, Integer::sum);
                return "rate-limited: a " + decision.action().key() + " decision was delivered to " + settings.url()
                        + " at " + last + "; held back " + count + " since, next delivery from "
                        + last.plus(settings.minInterval());
            }
            lastDelivery.put(decision.action(), now);
            held = suppressed.getOrDefault(decision.action(), 0);
            suppressed.remove(decision.action());
        }
        return deliver(decision.toJson(), held);
    }

    private String deliver(String body, int held) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("X-Mlops-Delivery", UUID.randomUUID().toString())
                .header("X-Mlops-Suppressed", Integer.toString(held))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        settings.secret().ifPresent(key -> request.header("X-Mlops-Signature", "sha256=" + sign(key, body)));
        HttpRequest built = request.build();
        Duration delay = settings.retryDelay();
        String last = "";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return "delivered to " + settings.url() + " (HTTP " + status + ", try " + attempt + ")";
                }
                last = "HTTP " + status;
                if (status != 429 && status < 500) {
                    break; // the receiver refused the request: trying again would not help
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MlopsException("Interrupted while delivering to webhook '" + settings.name() + "' ("
                        + settings.url() + ")", e);
            }
            if (attempt < settings.attempts()) {
                pause(delay);
                delay = delay.multipliedBy(2);
            }
        }
        throw new MlopsException("Webhook '" + settings.name() + "' (" + settings.url() + ") did not take the decision"
                + " after " + settings.attempts() + " tries; last answer: " + last + ". Check the receiver, or "
                + WebhookActionProvider.KEY_PREFIX + settings.name() + ".url and .attempts");
    }

    /**
     * @param key  the shared secret
     * @param body the request body
     * @return the lower-case hex HMAC-SHA256 of the body, as the receiver recomputes it
     */
    static String sign(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MlopsException("Interrupted while waiting to retry a webhook delivery", e);
        }
    }
}
