package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user coming from MLflow points the {@code mlops} tool at the {@code ./mlruns} PyCaret wrote (through MLflow 2.x):
 * {@code runs search} and {@code models list}, run as processes of the packaged jar, print its runs with their latest
 * metrics and its model versions, and change nothing there; {@code models transition} writes the stages in MLflow's
 * own layout, touching no other model and no run.
 */
class MlflowStoreCommandsIT {

    /** The fixture store mlops-tracking's tests read; copied, so that nothing reaches the sources. */
    private static final Path FIXTURE = Path.of(System.getProperty("mlflow.fixtures",
            "../mlops-tracking/src/test/resources/mlflow-stores"), "pycaret-mlflow2");
    private static final String FOREST = "2a3b4c5d6e7f80910a1b2c3d4e5f6a7b";
    private static final String SETUP = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @TempDir
    Path work;

    @TempDir
    Path outputs;

    private Path mlruns;
    private String uri;

    @BeforeEach
    void copyThePycaretStore() throws IOException {
        mlruns = work.resolve("mlruns");
        try (Stream<Path> walk = Files.walk(FIXTURE)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path copy = mlruns.resolve(FIXTURE.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        uri = "file:" + mlruns;
    }

    @Test
    void runsSearchPrintsPycaretsRunsWithTheirLatestMetricsAndWritesNothing() throws Exception {
        Map<String, String> before = contents(mlruns);
        MlopsJar.Outcome json = MlopsJar.built(outputs).run("runs", "search", "--tracking-uri", uri, "--json",
                "--order-by", "start_time ASC");
        assertEquals(0, json.code(), json.err());
        JsonNode runs = new ObjectMapper().readTree(json.out());
        List<String> names = new ArrayList<>();
        runs.forEach(run -> names.add(run.get("run_name").asText()));
        assertEquals(List.of("Session Initialized 2f1e", "Logistic Regression", "Random Forest Classifier",
                "Light Gradient Boosting Machine"), names);
        JsonNode forest = runs.get(2);
        assertEquals(FOREST, forest.get("run_id").asText());
        assertEquals(0.79, forest.get("metrics").get("AUC").asDouble(), "step 2's value, not the last line's");
        assertEquals(SETUP, forest.get("tags").get("mlflow.parentRunId").asText());
        assertEquals("100", forest.get("params").get("n_estimators").asText());
        assertEquals("FAILED", runs.get(3).get("status").asText());

        MlopsJar.Outcome text = MlopsJar.built(outputs).run("runs", "search", "--tracking-uri", uri,
                "--filter", "tags.mlflow.parentRunId = '" + SETUP + "'");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains(FOREST) && text.out().contains("Random Forest Classifier"), text.out());
        assertTrue(text.out().contains("3 run(s)"), text.out());
        assertEquals(before, contents(mlruns));
    }

    @Test
    void modelsListPrintsTheVersionsWithStagesAndAliasesAndWritesNothing() throws Exception {
        Map<String, String> before = contents(mlruns);
        MlopsJar.Outcome list = MlopsJar.built(outputs).run("models", "list", "--tracking-uri", uri);
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().map(l -> l.replaceAll("\\s+", " ")).toList();
        assertEquals(4, lines.size(), list.out());
        assertTrue(lines.get(0).startsWith("churn version 1 None aliases []"), lines.get(0));
        assertTrue(lines.get(2).startsWith("lead-scoring version 2 Production aliases [champion]"), lines.get(2));
        assertTrue(lines.get(3).startsWith("lead-scoring version 3 Staging aliases [challenger]"), lines.get(3));
        assertEquals(before, contents(mlruns));
    }

    @Test
    void modelsTransitionWritesTheStagesInMlflowsLayoutAndTouchesNothingElse() throws Exception {
        Map<String, String> before = contents(mlruns);
        MlopsJar.Outcome transition = MlopsJar.built(outputs).run("models", "transition", "--tracking-uri", uri,
                "--name", "lead-scoring", "--version", "3", "--stage", "Production", "--archive-existing");
        assertEquals(0, transition.code(), transition.err());
        Path model = mlruns.resolve("models/lead-scoring");
        assertTrue(Files.readString(model.resolve("version-3/meta.yaml")).contains("current_stage: Production\n"));
        assertTrue(Files.readString(model.resolve("version-2/meta.yaml")).contains("current_stage: Archived\n"),
                "the version in Production before is archived");
        Map<String, String> after = contents(mlruns);
        for (String path : before.keySet()) {
            if (!path.startsWith("models/lead-scoring/")) {
                assertEquals(before.get(path), after.get(path), path);
            }
        }
        MlopsJar.Outcome list = MlopsJar.built(outputs).run("models", "list", "--tracking-uri", uri);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().replaceAll("[ \\t]+", " ").contains("lead-scoring version 3 Production aliases"
                + " [challenger]"), list.out());
    }

    /** Every file's SHA-256 and every folder, by relative path. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String key = root.relativize(path).toString();
                contents.put(key, Files.isDirectory(path) ? "folder" : sha256(Files.readAllBytes(path)));
            }
        }
        return contents;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
