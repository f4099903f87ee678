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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * A user coming from MLflow points the {@code mlops} tool at the SQLite database {@code mlflow server
 * --backend-store-uri sqlite:///mlflow.db} keeps (here MLflow 2.x's schema, built from mlops-tracking's fixture
 * script): {@code runs search} and {@code models list}, run as processes of the packaged jar, print its runs with
 * their names, statuses, parents and latest metrics, and its model versions with stages and aliases; the database
 * file keeps its bytes and nothing appears beside it; a command that would write a revision mlops4j does not write
 * exits 2 saying why.
 */
class MlflowSqlCommandsIT {

    /** The fixture script mlops-tracking's tests build their databases from. */
    private static final Path SCRIPT = Path.of(System.getProperty("mlflow.db.fixtures",
            "../mlops-tracking/src/test/resources/mlflow-db"), "mlflow2-acf3f17fdcc7.sql");
    private static final String FOREST = "2a3b4c5d6e7f80910a1b2c3d4e5f6a7b";
    private static final String SETUP = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @TempDir
    Path work;

    @TempDir
    Path outputs;

    private String uri;

    @BeforeEach
    void buildTheMlflowDatabase() throws IOException, SQLException {
        Path db = work.resolve("mlflow.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(Files.readString(SCRIPT));
        }
        uri = "jdbc:sqlite:" + db;
    }

    @Test
    void runsSearchPrintsTheRunsWithTheirNamesParentsAndLatestMetricsAndWritesNothing() throws Exception {
        Map<String, String> before = contents(work);
        MlopsJar.Outcome json = MlopsJar.built(outputs).run("runs", "search", "--tracking-uri", uri, "--json",
                "--order-by", "start_time ASC");
        assertEquals(0, json.code(), json.err());
        JsonNode runs = new ObjectMapper().readTree(json.out());
        List<String> names = new ArrayList<>();
        runs.forEach(run -> names.add(run.get("run_name").asText()));
        assertEquals(List.of("Session Initialized 2f1e", "Logistic Regression", "Random Forest Classifier",
                "Light Gradient Boosting Machine", "exploring"), names, "active runs of the active experiments");
        JsonNode forest = runs.get(2);
        assertEquals(FOREST, forest.get("run_id").asText());
        assertEquals(0.79, forest.get("metrics").get("AUC").asDouble(), "latest by step, then timestamp, then value");
        assertEquals(SETUP, forest.get("tags").get("mlflow.parentRunId").asText());
        assertEquals("100", forest.get("params").get("n_estimators").asText());
        assertEquals("FAILED", runs.get(3).get("status").asText());
        assertEquals("RUNNING", runs.get(4).get("status").asText());

        MlopsJar.Outcome text = MlopsJar.built(outputs).run("runs", "search", "--tracking-uri", uri,
                "--filter", "tags.mlflow.parentRunId = '" + SETUP + "'");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains(FOREST) && text.out().contains("Random Forest Classifier"), text.out());
        assertTrue(text.out().contains("3 run(s)"), text.out());
        assertEquals(before, contents(work));
    }

    @Test
    void modelsListPrintsTheVersionsWithStagesAndAliasesAndWritesNothing() throws Exception {
        Map<String, String> before = contents(work);
        MlopsJar.Outcome list = MlopsJar.built(outputs).run("models", "list", "--tracking-uri", uri);
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().map(l -> l.replaceAll("\\s+", " ")).toList();
        assertEquals(4, lines.size(), list.out());
        assertTrue(lines.get(0).startsWith("churn version 1 None aliases []"), lines.get(0));
        assertTrue(lines.get(1).startsWith("lead-scoring version 1 Archived aliases []"), lines.get(1));
        assertTrue(lines.get(2).startsWith("lead-scoring version 2 Production aliases [champion]"), lines.get(2));
        assertTrue(lines.get(3).startsWith("lead-scoring version 3 Staging aliases [challenger]"), lines.get(3));
        assertEquals(before, contents(work));
    }

    @Test
    void aCommandThatWouldWriteARevisionMlops4jDoesNotWriteExits2SayingWhyAndWritesNothing() throws Exception {
        try (Connection connection = DriverManager.getConnection(uri);
             Statement statement = connection.createStatement()) {
            // a revision before latest_metrics (MLflow 1.x), which mlops4j reads but does not write
            statement.executeUpdate("DROP TABLE latest_metrics");
            statement.executeUpdate("UPDATE alembic_version SET version_num = '7ac759974ad8'");
        }
        Map<String, String> before = contents(work);
        MlopsJar.Outcome transition = MlopsJar.built(outputs).run("models", "transition", "--tracking-uri", uri,
                "--name", "lead-scoring", "--version", "3", "--stage", "Production");
        assertEquals(2, transition.code(), transition.err());
        assertTrue(transition.err().contains("writes only at the revisions from 89d4b8295536"), transition.err());
        assertTrue(transition.err().contains("alembic revision 7ac759974ad8"), transition.err());
        assertEquals(1, transition.err().lines().count(), transition.err());
        assertEquals(before, contents(work));
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
