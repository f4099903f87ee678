package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.ViewType;

/**
 * A client that is not ours: the npm package {@code mlflow} 2.0.7 (a Node.js client of MLflow's REST API written by
 * others) logs through {@code mlops server} ({@code src/test/node/log-with-npm-mlflow.js}, run by {@code node} as a
 * process), and mlops4j's Java API then reads from the store exactly what the script says it logged.
 *
 * <p>Needs {@code node} on the {@code PATH} and the package installed by {@code npm ci} in {@value #CLIENT_FOLDER}
 * ({@code .ci/run} does both). Without them the test is skipped, except when the environment variable {@code CI} is
 * {@code true}: then it fails, so that a CI machine missing them is noticed.
 */
class NpmMlflowClientIT {

    static final String CLIENT_FOLDER = "src/test/node";
    static final String CLIENT_VERSION = "2.0.7";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of(CLIENT_FOLDER, "log-with-npm-mlflow.js");

    @TempDir
    Path folder;

    @Test
    void javaApiReadsBackWhatTheNpmMlflowClientLoggedThroughTheServer() throws Exception {
        Path node = requireNodeAndClient();
        String store = folder.resolve("mlruns").toUri().toString();
        JsonNode logged;
        try (MlopsJar.Running server = MlopsJar.built(folder).start("server", "--backend-store-uri", store,
                "--port", "0")) {
            String line = server.firstLine();
            logged = runScript(node, URI.create(line.substring(line.indexOf("http://")).strip()));
        }
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, store).build();
        try (TrackingClient tracking = TrackingClient.open(mlops);
             ModelRegistry registry = mlops.openModelRegistry()) {
            assertExperiments(tracking, logged);
            for (JsonNode run : atLeast(2, logged.get("runs"), "runs")) {
                assertRun(tracking, run);
            }
            assertSearch(tracking, logged);
            assertModel(registry, logged.get("model"));
        }
    }

    private static void assertExperiments(TrackingClient tracking, JsonNode logged) {
        JsonNode experiment = logged.get("experiment");
        Experiment stored = tracking.getExperimentByName(experiment.get("name").asText()).orElseThrow();
        assertEquals(experiment.get("experiment_id").asText(), stored.experimentId());
        JsonNode deleted = logged.get("deleted_experiment");
        Experiment renamed = tracking.getExperiment(deleted.get("experiment_id").asText()).orElseThrow();
        assertEquals(deleted.get("name").asText(), renamed.name());
        assertEquals(LifecycleStage.DELETED, renamed.lifecycleStage());
        assertEquals(List.of(stored.experimentId()), tracking.listExperiments().stream()
                .filter(e -> !e.experimentId().equals(Experiment.DEFAULT_ID)).map(Experiment::experimentId).toList());
    }

    private static void assertRun(TrackingClient tracking, JsonNode logged) {
        String runId = logged.get("run_id").asText();
        Run run = tracking.getRun(runId).orElseThrow(() -> new AssertionError("run " + runId + " not in the store"));
        assertEquals(logged.get("run_name").asText(), run.info().runName(), runId);
        assertEquals(logged.get("user_id").asText(), run.info().userId(), runId);
        assertEquals(RunStatus.valueOf(logged.get("status").asText()), run.info().status(), runId);
        assertEquals(logged.get("start_time").asLong(), run.info().startTime(), runId);
        assertEquals(logged.get("end_time").asLong(), run.info().endTime().orElseThrow(), runId);
        assertEquals(LifecycleStage.ACTIVE, run.info().lifecycleStage(), runId + " was deleted, then restored");
        assertEquals(texts(logged.get("params")), run.data().params(), runId);
        assertEquals(texts(logged.get("tags")), run.data().tags(), runId + " tags");
        logged.get("deleted_tags").forEach(tag -> assertTrue(!run.data().tags().containsKey(tag.asText()),
                runId + " still has the deleted tag " + tag));
        JsonNode histories = logged.get("metrics");
        assertEquals(names(histories), new ArrayList<>(new TreeMap<>(run.data().metrics()).keySet()), runId);
        histories.fields().forEachRemaining(history -> assertEquals(
                points(atLeast(3, history.getValue(), history.getKey())),
                tracking.getMetricHistory(runId, history.getKey()).stream()
                        .sorted(Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestamp))
                        .map(m -> new Point(m.value(), m.timestamp(), m.step())).toList(),
                runId + " " + history.getKey()));
    }

    /** The search the script made, made again in Java, and worked out from the logged values. */
    private static void assertSearch(TrackingClient tracking, JsonNode logged) {
        JsonNode search = logged.get("search");
        SearchRequest.Builder request = SearchRequest.builder(logged.get("experiment").get("experiment_id").asText())
                .filter(search.get("filter").asText()).viewType(ViewType.ACTIVE_ONLY);
        search.get("order_by").forEach(clause -> request.orderBy(clause.asText()));
        List<String> expected = new ArrayList<>();
        logged.get("runs").forEach(run -> {
            if (run.get("params").get("optimizer").asText().equals("sgd") && last(run, "loss") < 0.5) {
                expected.add(run.get("run_id").asText());
            }
        });
        expected.sort(Comparator.comparingDouble(id -> -last(run(logged, id), "accuracy")));
        assertEquals("params.optimizer = 'sgd' and metrics.loss < 0.5", search.get("filter").asText());
        assertEquals(List.of("metrics.accuracy DESC"), strings(search.get("order_by")));
        assertEquals(2, expected.size(), "the logged values leave two runs to find");
        assertEquals(expected, strings(search.get("run_ids")), "what the npm client found");
        assertEquals(expected, tracking.searchRuns(request.build()).runs().stream().map(r -> r.info().runId())
                .toList(), "what the Java API finds");
    }

    private static void assertModel(ModelRegistry registry, JsonNode logged) {
        String name = logged.get("name").asText();
        assertEquals(logged.get("description").asText(), registry.findModel(name).orElseThrow().description());
        ModelVersion version = registry.findVersion(name, logged.get("version").asInt()).orElseThrow();
        assertEquals(ModelStage.STAGING, version.stage());
        assertEquals("Staging", logged.get("stage").asText());
        assertEquals(logged.get("source").asText(), version.source());
        assertEquals(Optional.of(logged.get("run_id").asText()), version.runId());
        assertEquals(List.of(version), registry.listVersions(name));
    }

    private JsonNode runScript(Path node, URI server) throws IOException, InterruptedException {
        Path out = folder.resolve("npm-mlflow.json");
        Path err = folder.resolve("npm-mlflow.err");
        Process process = new ProcessBuilder(node.toString(), SCRIPT.toString(), server.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(SCRIPT + " did not finish in two minutes");
        }
        assertEquals(0, process.exitValue(), SCRIPT + " failed: " + Files.readString(err,
                StandardCharsets.UTF_8));
        return JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    }

    /** @return the {@code node} executable; skips the test (fails it in CI) when it or the package is missing */
    private static Path requireNodeAndClient() throws IOException {
        Optional<Path> node = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "node")).filter(Files::isExecutable)
                .findFirst();
        Path installed = Path.of(CLIENT_FOLDER, "node_modules", "mlflow", "package.json");
        String missing = node.isEmpty() ? "node is not on the PATH (install Debian's nodejs and npm)"
                : !Files.isRegularFile(installed) ? "the npm package mlflow is not installed in "
                        + installed.getParent().getParent().toAbsolutePath() + " (run 'npm ci' in "
                        + Path.of(CLIENT_FOLDER).toAbsolutePath() + ")"
                : "";
        if (!missing.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI runs the npm mlflow client against mlops server, but " + missing
                    + "; .ci/run installs both.");
        }
        Assumptions.assumeTrue(missing.isEmpty(), missing + ": npm mlflow client test skipped");
        String version = JSON.readTree(installed.toFile()).get("version").asText();
        assertEquals(CLIENT_VERSION, version, "the npm package mlflow in " + installed + " is not the one "
                + "package-lock.json names: run 'npm ci' in " + CLIENT_FOLDER);
        return node.get();
    }

    private record Point(double value, long timestamp, long step) {
    }

    private static List<Point> points(JsonNode history) {
        List<Point> points = new ArrayList<>();
        history.forEach(p -> points.add(new Point(p.get("value").asDouble(), p.get("timestamp").asLong(),
                p.get("step").asLong())));
        return points;
    }

    private static double last(JsonNode run, String metric) {
        JsonNode history = run.get("metrics").get(metric);
        return history.get(history.size() - 1).get("value").asDouble();
    }

    private static JsonNode run(JsonNode logged, String runId) {
        for (JsonNode run : logged.get("runs")) {
            if (run.get("run_id").asText().equals(runId)) {
                return run;
            }
        }
        throw new AssertionError("no run " + runId + " in the script's output");
    }

    private static JsonNode atLeast(int size, JsonNode array, String what) {
        assertTrue(array != null && array.isArray() && array.size() >= size, "the script logged fewer than "
                + size + " " + what + ": " + array);
        return array;
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> texts = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> texts.put(field.getKey(), field.getValue().asText()));
        return texts;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
