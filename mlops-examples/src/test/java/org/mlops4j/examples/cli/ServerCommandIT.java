package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/**
 * {@code mlops server} through the packaged jar: MLflow's REST API over a SQLite store, written through HTTP and read
 * back through the Java API; the token it requires beyond the loopback address.
 */
class ServerCommandIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void servesMlflowsRestApiOverASqliteStoreThatTheJavaApiReadsBack() throws Exception {
        String store = "jdbc:sqlite:" + folder.resolve("mlops.db");
        String runId;
        try (MlopsJar.Running server = MlopsJar.built(folder).start("server", "--backend-store-uri", store,
                "--port", "0", "--artifacts-destination", folder.resolve("proxied").toString())) {
            String line = server.firstLine();
            assertTrue(line.startsWith("mlops tracking server for " + store + " at http://127.0.0.1:"), line);
            URI url = URI.create(line.substring(line.indexOf("http://")).strip());
            String experimentId = post(url, null, "experiments/create", Map.of("name", "from-http"))
                    .get("experiment_id").asText();
            runId = post(url, null, "runs/create", Map.of("experiment_id", experimentId, "run_name", "r1",
                    "start_time", 1_700_000_000_000L)).get("run").get("info").get("run_id").asText();
            post(url, null, "runs/log-batch", Map.of("run_id", runId,
                    "metrics", java.util.List.of(Map.of("key", "acc", "value", 0.9, "timestamp", 1L, "step", 0)),
                    "params", java.util.List.of(Map.of("key", "lr", "value", "0.1"))));
            JsonNode run = JSON.readTree(CLIENT.send(HttpRequest.newBuilder(url.resolve(
                    "/api/2.0/mlflow/runs/get?run_id=" + runId)).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body());
            String artifactUri = run.get("run").get("info").get("artifact_uri").asText();
            assertEquals("mlflow-artifacts:/" + experimentId + "/" + runId + "/artifacts", artifactUri);
            HttpResponse<String> uploaded = CLIENT.send(HttpRequest.newBuilder(url.resolve(
                    "/api/2.0/mlflow-artifacts/artifacts/" + experimentId + "/" + runId + "/artifacts/notes.txt"))
                    .PUT(HttpRequest.BodyPublishers.ofString("through the proxy")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            post(url, null, "registered-models/create", Map.of("name", "m"));
            JsonNode version = post(url, null, "model-versions/create", Map.of("name", "m",
                    "source", "runs:/" + runId + "/model", "run_id", runId));
            assertEquals("1", version.get("model_version").get("version").asText());
        }
        try (TrackingClient tracking = TrackingClient.of(new JdbcTrackingStoreProvider().open(URI.create(store),
                MlopsConfig.ofOnly(Map.of())))) {
            String experimentId = tracking.getExperimentByName("from-http").orElseThrow().experimentId();
            Run run = tracking.searchRuns(SearchRequest.builder(experimentId).build()).runs().get(0);
            assertEquals(runId, run.runId());
            assertEquals(0.9, run.data().metric("acc").orElseThrow(), 1e-12);
            assertEquals("0.1", run.data().params().get("lr"));
            try (java.io.InputStream notes = tracking.openArtifact(runId, "notes.txt")) {
                assertEquals("through the proxy", new String(notes.readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void requiresTheTokenFromItsFileBeyondLoopback() throws Exception {
        Path token = Files.writeString(folder.resolve("token"), "s3cret-token-for-the-server\n"
                + "ro:read-only-token-for-dashboards\n");
        String store = "jdbc:sqlite:" + folder.resolve("secured.db");
        MlopsJar jar = MlopsJar.built(folder);
        MlopsJar.Outcome refused = jar.run("server", "--backend-store-uri", store, "--host", "0.0.0.0",
                "--port", "0");
        assertEquals(2, refused.code(), refused.err());
        try (MlopsJar.Running server = jar.start("server", "--backend-store-uri", store, "--host", "0.0.0.0",
                "--port", "0", "--token-file", token.toString())) {
            URI url = URI.create(server.firstLine().substring(server.firstLine().indexOf("http://")).strip());
            URI local = URI.create("http://127.0.0.1:" + url.getPort() + "/");
            assertEquals(401, send(local, null, "experiments/search", Map.of()).statusCode());
            HttpResponse<String> signed = send(local, "s3cret-token-for-the-server", "experiments/search",
                    Map.of());
            assertEquals(200, signed.statusCode(), signed.body());
            assertEquals(200, send(local, "read-only-token-for-dashboards", "experiments/search", Map.of())
                    .statusCode());
            HttpResponse<String> readOnlyWrite = send(local, "read-only-token-for-dashboards", "experiments/create",
                    Map.of("name", "refused"));
            assertEquals(403, readOnlyWrite.statusCode(), readOnlyWrite.body());
            assertTrue(readOnlyWrite.body().contains("PERMISSION_DENIED"), readOnlyWrite.body());
        }
    }

    private static JsonNode post(URI url, String token, String call, Map<String, Object> body) throws Exception {
        HttpResponse<String> answer = send(url, token, call, body);
        assertEquals(200, answer.statusCode(), call + ": " + answer.body());
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> send(URI url, String token, String call, Map<String, Object> body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve("/api/2.0/mlflow/" + call))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
