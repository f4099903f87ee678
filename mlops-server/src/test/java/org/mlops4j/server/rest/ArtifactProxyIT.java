package org.mlops4j.server.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.rest.RestHttp.Answer;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.registry.FileModelRegistryProvider;

/**
 * MLflow's artifact proxy ({@code --artifacts-destination}) through real HTTP: a run's artifacts uploaded, listed and
 * downloaded through the server land in the store; other paths below the destination; nothing leaves either, whatever
 * the path says ({@code ..}, encoded or not, absolute, through a symbolic link); uploads over the limit leave nothing.
 */
class ArtifactProxyIT {

    private static final long LIMIT = 4096;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path folder;
    Path destination;
    TrackingClient tracking;
    ModelRegistry registry;
    TrackingServer server;
    RestHttp http;

    @BeforeEach
    void start() {
        destination = folder.resolve("proxied");
        tracking = TrackingClient.of(FileTrackingStore.open(folder.resolve("store")));
        registry = FileModelRegistryProvider.open(folder.resolve("store"));
        server = TrackingServer.builder().trackingClient(tracking).modelRegistry(registry).port(0)
                .artifactsDestination(destination).maxArtifactBytes(LIMIT).start();
        http = new RestHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
        tracking.close();
    }

    @Test
    void keepsARunsArtifactsSentThroughTheProxyInTheStore() throws Exception {
        String experimentId = http.post("experiments/create", Map.of("name", "proxied")).body()
                .get("experiment_id").asText();
        JsonNode info = http.post("runs/create", Map.of("experiment_id", experimentId)).body().get("run")
                .get("info");
        String runId = info.get("run_id").asText();
        String root = experimentId + "/" + runId + "/artifacts";
        assertEquals("mlflow-artifacts:/" + root, info.get("artifact_uri").asText());
        assertEquals("mlflow-artifacts:/" + experimentId, http.get("experiments/get", Map.of("experiment_id",
                experimentId)).body().get("experiment").get("artifact_location").asText());

        byte[] model = "artifact_path: model\nflavors: {}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, put(root + "/model/MLmodel", model).statusCode());
        try (InputStream stored = tracking.openArtifact(runId, "model/MLmodel")) {
            assertArrayEquals(model, stored.readAllBytes(), "the Java API reads what the client uploaded");
        }
        HttpResponse<byte[]> downloaded = get(root + "/model/MLmodel");
        assertEquals(200, downloaded.statusCode());
        assertArrayEquals(model, downloaded.body());
        assertTrue(downloaded.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));

        JsonNode top = list(root);
        assertEquals("model", top.get(0).get("path").asText());
        assertTrue(top.get(0).get("is_dir").asBoolean());
        JsonNode inside = list(root + "/model");
        assertEquals("MLmodel", inside.get(0).get("path").asText());
        assertEquals(model.length, inside.get(0).get("file_size").asLong());
        JsonNode listed = http.get("artifacts/list", Map.of("run_id", runId)).body();
        assertEquals("mlflow-artifacts:/" + root, listed.get("root_uri").asText());

        http.post("registered-models/create", Map.of("name", "proxied-model"));
        http.post("model-versions/create", Map.of("name", "proxied-model", "source", "runs:/" + runId + "/model",
                "run_id", runId));
        assertEquals("mlflow-artifacts:/" + root + "/model", http.get("model-versions/get-download-uri",
                Map.of("name", "proxied-model", "version", "1")).body().get("artifact_uri").asText());

        Answer deleted = send("DELETE", root + "/model/MLmodel", HttpRequest.BodyPublishers.noBody());
        assertEquals(501, deleted.status());
        assertEquals("NOT_IMPLEMENTED", deleted.errorCode());
    }

    @Test
    void keepsOtherPathsBelowTheDestinationAndDeletesThem() throws Exception {
        byte[] data = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, put("shared/tables/data.csv", data).statusCode());
        assertArrayEquals(data, Files.readAllBytes(destination.resolve("shared/tables/data.csv")));
        HttpResponse<byte[]> downloaded = get("shared/tables/data.csv");
        assertArrayEquals(data, downloaded.body());
        assertTrue(downloaded.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(String.valueOf(data.length), downloaded.headers().firstValue("Content-Length").orElse(""));
        assertEquals("tables", list("shared").get(0).get("path").asText());
        assertEquals(0, list("nowhere").size());
        assertEquals(404, get("shared/none.csv").statusCode());

        assertEquals(200, send("DELETE", "shared", HttpRequest.BodyPublishers.noBody()).status());
        assertFalse(Files.exists(destination.resolve("shared")));
        Answer multipart = http.send(HttpRequest.newBuilder(URI.create(server.url()
                + "api/2.0/mlflow-artifacts/mpu/create/big.bin")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build());
        assertEquals(501, multipart.status());
        assertEquals("NOT_IMPLEMENTED", multipart.errorCode());
    }

    @Test
    void refusesPathsThatLeaveTheArtifactRoot() throws Exception {
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(destination);
        Files.createSymbolicLink(destination.resolve("link"), outside);
        String experimentId = http.post("experiments/create", Map.of("name", "escapes")).body()
                .get("experiment_id").asText();
        String runId = http.post("runs/create", Map.of("experiment_id", experimentId)).body().get("run")
                .get("info").get("run_id").asText();
        String runRoot = experimentId + "/" + runId + "/artifacts";
        byte[] payload = "escaped".getBytes(StandardCharsets.UTF_8);

        List<String> escapes = List.of("../escape.txt", "a/../../escape.txt", "%2e%2e/escape.txt",
                "%2E%2E%2Fescape.txt", "a%2F..%2F..%2Fescape.txt", "%2Ftmp%2Fescape.txt", "/" + outside
                + "/escape.txt", "link/escape.txt", "link%2Fescape.txt", runRoot + "/..%2F..%2Fescape.txt",
                runRoot + "/%2e%2e/%2e%2e/escape.txt", "C:%5Cescape.txt", "a%00/escape.txt");
        for (String path : escapes) {
            HttpResponse<byte[]> answer = put(path, payload);
            int status = answer.statusCode();
            assertTrue(status == 400 || status == 404, path + " answered " + status + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> escaped = new ArrayList<>(files.filter(p -> p.getFileName().toString().equals("escape.txt"))
                    .toList());
            assertEquals(List.of(), escaped, "no upload left the artifact roots");
        }
        for (String path : List.of("link/secret.txt", "link%2Fsecret.txt", "../outside/secret.txt",
                "%2e%2e/outside/secret.txt")) {
            HttpResponse<byte[]> read = get(path);
            assertTrue(read.statusCode() >= 400, path + " answered " + read.statusCode());
            assertFalse(new String(read.body(), StandardCharsets.UTF_8).contains("secret\""));
            assertFalse(new String(read.body(), StandardCharsets.UTF_8).equals("secret"));
        }
        for (String listed : List.of("link", "..", "../outside", "/etc")) {
            Answer refused = http.send(HttpRequest.newBuilder(URI.create(artifacts("") + "?path="
                    + java.net.URLEncoder.encode(listed, StandardCharsets.UTF_8))).GET().build());
            assertEquals(400, refused.status(), listed + ": " + refused.body());
            assertEquals("INVALID_PARAMETER_VALUE", refused.errorCode());
        }
        assertTrue(send("DELETE", "link/secret.txt", HttpRequest.BodyPublishers.noBody()).status() >= 400);
        assertEquals(400, send("DELETE", "link", HttpRequest.BodyPublishers.noBody()).status());
        assertTrue(Files.exists(outside.resolve("secret.txt")), "nothing outside was deleted");
    }

    @Test
    void refusesAnUploadOverTheLimitAndKeepsNothing() throws Exception {
        String experimentId = http.post("experiments/create", Map.of("name", "big")).body()
                .get("experiment_id").asText();
        String runId = http.post("runs/create", Map.of("experiment_id", experimentId)).body().get("run")
                .get("info").get("run_id").asText();
        byte[] big = new byte[(int) LIMIT * 4];
        String runFile = experimentId + "/" + runId + "/artifacts/big.bin";
        assertEquals(413, put("big.bin", big).statusCode(), "declared length over the limit");
        assertEquals(413, put(runFile, big).statusCode());
        assertEquals(413, send("PUT", "streamed.bin", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big))).status(), "chunked body over the limit");
        assertEquals(413, send("PUT", runFile, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big))).status());
        try (Stream<Path> files = Files.walk(destination)) {
            assertEquals(List.of(destination), files.toList(), "no file or temporary file is left");
        }
        assertTrue(tracking.listArtifacts(runId, "").isEmpty());
        assertEquals(200, put("small.bin", new byte[(int) LIMIT]).statusCode(), "the limit itself is allowed");
    }

    @Test
    void answersEndpointNotFoundWhenTheProxyIsOff(@TempDir Path other) {
        try (TrackingClient plain = TrackingClient.of(FileTrackingStore.open(other));
             TrackingServer off = TrackingServer.builder().trackingClient(plain).port(0).start()) {
            Answer answer = new RestHttp(off.url()).send(HttpRequest.newBuilder(URI.create(off.url()
                    + "api/2.0/mlflow-artifacts/artifacts?path=x")).GET().build());
            assertEquals(404, answer.status());
            assertEquals("ENDPOINT_NOT_FOUND", answer.errorCode());
            assertTrue(answer.body().get("message").asText().contains("--artifacts-destination"));
        }
    }

    private URI artifacts(String rawPath) {
        return URI.create(server.url() + "api/2.0/mlflow-artifacts/artifacts" + (rawPath.isEmpty() ? ""
                : "/" + rawPath));
    }

    private HttpResponse<byte[]> put(String rawPath, byte[] body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(artifacts(rawPath)).PUT(HttpRequest.BodyPublishers
                .ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String rawPath) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(artifacts(rawPath)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private Answer send(String method, String rawPath, HttpRequest.BodyPublisher body) {
        return http.send(HttpRequest.newBuilder(artifacts(rawPath)).method(method, body).build());
    }

    private JsonNode list(String path) {
        Answer answer = http.send(HttpRequest.newBuilder(URI.create(artifacts("") + "?path="
                + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8))).GET().build());
        assertEquals(200, answer.status(), answer.body().toString());
        return answer.body().path("files");
    }
}
