package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous deployment under load: while clients score without pause, the alias moves to a new version, which is
 * swapped in without a failed request and without an answer mixing two versions; then it moves to a version that
 * cannot be loaded, and the old one keeps serving while {@code /version} and the metrics report the failure.
 */
class ModelServerHotSwapIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BODY = "{\"dataframe_split\": {\"columns\": [\"dropped\", \"platform\", \"referred\"],"
            + " \"data\": [[0.4, \"Level0\", true], [-1.2, \"Level7\", false], [null, \"Level9\", true]]}}";

    @TempDir
    Path folder;

    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final AtomicInteger answered = new AtomicInteger();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> byVersion = new ConcurrentHashMap<>();

    private void scoreUntilStopped(URI invocations) {
        HttpRequest request = HttpRequest.newBuilder(invocations).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        while (loading.get()) {
            try {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                int header = Integer.parseInt(response.headers().firstValue(ModelServer.VERSION_HEADER).orElse("0"));
                JsonNode body = JSON.readTree(response.body());
                if (response.statusCode() != 200 || body.get("model").get("version").asInt() != header
                        || body.get("failed_rows").asInt() != 0) {
                    failures.merge(response.statusCode() + " " + response.body(), 1, Integer::sum);
                } else {
                    byVersion.merge(header, 1, Integer::sum);
                }
            } catch (Exception e) {
                failures.merge(e.toString(), 1, Integer::sum);
            }
            answered.incrementAndGet();
        }
    }

    private static JsonNode version(ModelServer server) throws Exception {
        return JSON.readTree(CLIENT.send(HttpRequest.newBuilder(server.url().resolve("/version")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static Duration await(ModelServer server, Predicate<JsonNode> condition) throws Exception {
        long start = System.nanoTime();
        while (!condition.test(version(server))) {
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15), "not within 15 s: "
                    + version(server));
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aMovedAliasIsSwappedInUnderLoadWithoutAFailedRequestAndABrokenVersionLeavesTheOldOneServing()
            throws Exception {
        ServingFixture fixture = ServingFixture.create(folder);
        int second = fixture.registerAnother(23).version();
        try (ModelServer server = ModelServer.builder("models:/lead-scoring@champion").mlops(fixture.mlops())
                .pollInterval(Duration.ofMillis(200)).serverSettings(s -> s.port(0).threads(4)).start()) {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                load.add(clients.submit(() -> scoreUntilStopped(server.url().resolve("/invocations"))));
            }
            try {
                Thread.sleep(500);
                fixture.setAlias("champion", second);
                Duration swapped = await(server, v -> v.get("version").asInt() == second);
                assertTrue(swapped.compareTo(Duration.ofSeconds(5)) < 0, "swapped after " + swapped);
                int beforeBroken = answered.get();
                int broken = fixture.registerBroken().version();
                fixture.setAlias("champion", broken);
                Duration noticed = await(server, v -> v.has("last_failure")
                        && v.get("last_failure").get("version").asInt() == broken);
                JsonNode reported = version(server);
                assertEquals(second, reported.get("version").asInt(), "the old version keeps serving");
                assertTrue(reported.get("last_failure").get("message").asText().contains("no-model"),
                        reported.toString());
                Thread.sleep(300);
                assertTrue(answered.get() > beforeBroken, "still answering after " + noticed);
            } finally {
                loading.set(false);
                for (Future<?> client : load) {
                    client.get(30, TimeUnit.SECONDS);
                }
                clients.shutdown();
            }
            assertEquals(Map.of(), failures, "failed or mixed answers during the swaps");
            System.out.println("hot swap under load: " + answered.get() + " requests, by version " + byVersion);
            assertTrue(byVersion.getOrDefault(1, 0) > 0 && byVersion.getOrDefault(second, 0) > 0,
                    "answers by version: " + byVersion);
            assertEquals(answered.get(), byVersion.values().stream().mapToInt(Integer::intValue).sum());
            String metrics = CLIENT.send(HttpRequest.newBuilder(server.url().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("mlops_serving_model_swaps_total 1.0"), metrics);
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("mlops_serving_model_load_failures_total ")
                    && !l.endsWith(" 0.0")), metrics);
            assertTrue(metrics.contains("mlops_serving_model_version{model=\"lead-scoring\"} " + second + ".0"),
                    metrics);
        }
    }
}
