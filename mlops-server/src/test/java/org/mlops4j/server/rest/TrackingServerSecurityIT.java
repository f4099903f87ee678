package org.mlops4j.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.tracking.file.FileTrackingStore;

/**
 * The REST API's protection, through real HTTP: a token beyond the loopback address, the token on every call, and the
 * server's body limit.
 */
class TrackingServerSecurityIT {

    private static final String TOKEN = "a-token-of-at-least-16-chars";

    @Test
    void refusesToListenBeyondLoopbackWithoutAToken(@TempDir Path folder) {
        try (TrackingClient tracking = TrackingClient.of(FileTrackingStore.open(folder))) {
            assertThrows(ConfigurationException.class, () -> TrackingServer.builder().trackingClient(tracking)
                    .bindAddress("0.0.0.0").port(0).start().close());
        }
    }

    @Test
    void requiresTheBearerTokenOnEveryCall(@TempDir Path folder) {
        try (TrackingClient tracking = TrackingClient.of(FileTrackingStore.open(folder));
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).port(0)
                     .bearerToken(TOKEN).start()) {
            RestHttp anonymous = new RestHttp(server.url());
            assertEquals(401, anonymous.post("experiments/create", Map.of("name", "anon")).status());
            assertEquals(401, anonymous.get("experiments/search", Map.of()).status());
            assertEquals(401, new RestHttp(server.url(), Optional.of("wrong-token-wrong-token"))
                    .post("experiments/create", Map.of("name", "wrong")).status());
            assertTrue(tracking.getExperimentByName("anon").isEmpty());

            RestHttp authorised = new RestHttp(server.url(), Optional.of(TOKEN));
            assertEquals(200, authorised.post("experiments/create", Map.of("name", "signed")).status());
            assertTrue(tracking.getExperimentByName("signed").isPresent());
        }
    }

    @Test
    void refusesABodyOverTheServersLimit(@TempDir Path folder) {
        try (TrackingClient tracking = TrackingClient.of(FileTrackingStore.open(folder));
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).port(0)
                     .serverSettings(s -> s.maxBodyBytes(4096)).start()) {
            RestHttp http = new RestHttp(server.url());
            String big = "{\"name\": \"" + "x".repeat(10_000) + "\"}";
            RestHttp.Answer refused = http.send(http.request("experiments/create")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big))
                    .build());
            assertEquals(413, refused.status());
            assertEquals(0, tracking.listExperiments().stream().filter(e -> e.name().startsWith("xxx")).count());
        }
    }
}
