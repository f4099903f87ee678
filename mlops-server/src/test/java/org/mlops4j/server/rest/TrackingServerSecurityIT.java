package org.mlops4j.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.Access;
import org.mlops4j.server.AccessCredentials;
import org.mlops4j.tracking.file.FileTrackingStore;

/**
 * The REST API's protection, through real HTTP: credentials beyond the loopback address and on every call (bearer
 * tokens, users with passwords, read-only ones refused writes), the server's body limit, {@code /health}.
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

    @Test
    void aReadOnlyTokenMayReadAndSearchButNotWrite(@TempDir Path folder) throws Exception {
        String reader = "a-read-only-token-for-dashboards";
        Path tokens = Files.writeString(folder.resolve("tokens"), TOKEN + "\nro:" + reader + "\n");
        try (TrackingClient tracking = TrackingClient.of(FileTrackingStore.open(folder.resolve("store")));
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).port(0)
                     .credentials(AccessCredentials.readTokenFile(tokens))
                     .artifactsDestination(folder.resolve("artifacts")).start()) {
            RestHttp writer = new RestHttp(server.url(), Optional.of(TOKEN));
            String experimentId = writer.post("experiments/create", Map.of("name", "shared")).body()
                    .get("experiment_id").asText();
            RestHttp readOnly = new RestHttp(server.url(), Optional.of(reader));
            assertEquals(200, readOnly.get("experiments/get", Map.of("experiment_id", experimentId)).status());
            assertEquals(200, readOnly.post("experiments/search", Map.of()).status());
            assertEquals(200, readOnly.post("runs/search", Map.of("experiment_ids", List.of(experimentId))).status());

            for (RestHttp.Answer refused : List.of(readOnly.post("experiments/create", Map.of("name", "sneaky")),
                    readOnly.post("runs/create", Map.of("experiment_id", experimentId)),
                    readOnly.send("DELETE", "registered-models/delete", Map.of("name", "m")),
                    readOnly.send(readOnly.request("x").uri(server.url().resolve(
                            "/api/2.0/mlflow-artifacts/artifacts/notes.txt")).PUT(HttpRequest.BodyPublishers
                            .ofString("x")).build()))) {
                assertEquals(403, refused.status(), refused.body().toString());
                assertEquals("PERMISSION_DENIED", refused.errorCode());
            }
            assertTrue(tracking.getExperimentByName("sneaky").isEmpty());
            assertFalse(Files.exists(folder.resolve("artifacts/notes.txt")));
            HttpResponse<String> unread = HttpClient.newHttpClient().send(readOnly.request("x").uri(server.url()
                    .resolve("/api/2.0/mlflow/experiments/create")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"name\": \"sneaky\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, unread.statusCode());
            assertEquals(Optional.of("close"), unread.headers().firstValue("Connection"),
                    "a refusal that leaves the body unread closes the connection, and says so");
            assertEquals(200, writer.post("runs/create", Map.of("experiment_id", experimentId)).status());
        }
    }

    @Test
    void acceptsBasicCredentialsOfAUserInPlaceOfAToken(@TempDir Path folder) throws Exception {
        Path users = Files.writeString(folder.resolve("users"), String.join("\n",
                AccessCredentials.passwordLine("ana", Access.READ_WRITE, "ana's secret".toCharArray(), 10_000),
                AccessCredentials.passwordLine("bot", Access.READ_ONLY, "bot's secret".toCharArray(), 10_000)));
        try (TrackingClient tracking = TrackingClient.of(FileTrackingStore.open(folder.resolve("store")));
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).bindAddress("0.0.0.0")
                     .port(0).credentials(AccessCredentials.readPasswordFile(users)).start()) {
            RestHttp ana = RestHttp.basic(server.url(), "ana", "ana's secret");
            assertEquals(200, ana.post("experiments/create", Map.of("name", "by-ana")).status());
            assertEquals(200, ana.post("experiments/create", Map.of("name", "by-ana-again")).status(),
                    "a second call with the same credentials");

            RestHttp.Answer wrongPassword = RestHttp.basic(server.url(), "ana", "bot's secret")
                    .post("experiments/create", Map.of("name", "wrong"));
            assertEquals(401, wrongPassword.status());
            assertEquals(401, RestHttp.basic(server.url(), "eve", "ana's secret").get("experiments/search",
                    Map.of()).status());
            assertEquals(401, new RestHttp(server.url()).get("experiments/search", Map.of()).status());
            assertEquals(401, new RestHttp(server.url(), Optional.of("ana's secret-as-a-token"))
                    .get("experiments/search", Map.of()).status());

            RestHttp bot = RestHttp.basic(server.url(), "bot", "bot's secret");
            assertEquals(200, bot.get("experiments/get-by-name", Map.of("experiment_name", "by-ana")).status());
            RestHttp.Answer botWrites = bot.post("experiments/create", Map.of("name", "by-bot"));
            assertEquals(403, botWrites.status());
            assertEquals("PERMISSION_DENIED", botWrites.errorCode());
            assertTrue(tracking.getExperimentByName("wrong").isEmpty());
            assertTrue(tracking.getExperimentByName("by-bot").isEmpty());
        }
    }

    @Test
    void answersHealthOkAndAsksForCredentialsWhenItHasThem(@TempDir Path folder) {
        try (TrackingClient tracking = TrackingClient.of(FileTrackingStore.open(folder))) {
            try (TrackingServer open = TrackingServer.builder().trackingClient(tracking).port(0).start()) {
                RestHttp.Answer health = new RestHttp(open.url()).send(HttpRequest.newBuilder(open.url()
                        .resolve("/health")).GET().build());
                assertEquals(200, health.status());
                assertEquals("OK", health.body().asText());
                assertTrue(health.contentType().startsWith("text/plain"));
            }
            try (TrackingServer secured = TrackingServer.builder().trackingClient(tracking).port(0)
                    .bearerToken(TOKEN).start()) {
                URI health = secured.url().resolve("/health");
                assertEquals(401, new RestHttp(secured.url()).send(HttpRequest.newBuilder(health).GET().build())
                        .status());
                assertEquals(200, new RestHttp(secured.url()).send(HttpRequest.newBuilder(health)
                        .header("Authorization", "Bearer " + TOKEN).GET().build()).status());
            }
        }
    }
}
