package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.migration.MigrationEnd;
import org.mlops4j.core.tracking.migration.StoreMigration;

/**
 * {@code mlops migrate}, run as processes of the packaged jar: PyCaret's MLflow folder into a new SQLite store (exit 0,
 * progress on standard error, the check agreeing), a second time copying nothing ({@code --json}), a target changed
 * behind the migration's back (exit 1, the difference named), a migration killed midway (the JVM destroyed after 15 of
 * 150 runs) that a second one completes, and bad input (exit 2, one line): a source that holds
 * no store, the same store twice, and an MLflow database that refuses new experiments.
 */
class MigrateCommandIT {

    private static final Path FIXTURES = Path.of(System.getProperty("mlflow.fixtures",
            "../mlops-tracking/src/test/resources/mlflow-stores"));
    private static final Path MLFLOW_DB_SCRIPT = Path.of(System.getProperty("mlflow.db.fixtures",
            "../mlops-tracking/src/test/resources/mlflow-db"), "mlflow2-acf3f17fdcc7.sql");
    private static final String SETUP = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @TempDir
    Path work;

    @TempDir
    Path outputs;

    private String mlruns;
    private String target;

    @BeforeEach
    void copyThePycaretStore() throws IOException {
        Path fixture = FIXTURES.resolve("pycaret-mlflow2");
        Path copy = work.resolve("mlruns");
        try (Stream<Path> walk = Files.walk(fixture)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path to = copy.resolve(fixture.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to);
                }
            }
        }
        mlruns = "file:" + copy;
        target = "jdbc:sqlite:" + work.resolve("ours.db");
    }

    @Test
    void migratesAnMlflowFolderThenCopiesNothingTheSecondTimeAndFailsTheCheckWhenTheTargetChanged()
            throws Exception {
        MlopsJar jar = MlopsJar.built(outputs);
        MlopsJar.Outcome first = jar.run("migrate", "--from", mlruns, "--to", target);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("check: source and target agree"), first.out());
        assertTrue(first.err().lines().anyMatch(l -> l.matches("runs \\d+/\\d+: copied [0-9a-f]{32} -> [0-9a-f]{32}")),
                first.err());

        MlopsJar.Outcome second = jar.run("migrate", "--from", mlruns, "--to", target, "--json");
        assertEquals(0, second.code(), second.err());
        JsonNode summary = new ObjectMapper().readTree(second.out());
        assertEquals(0, summary.get("counts").get("runs_copied").asInt(), second.out());
        assertTrue(summary.get("counts").get("runs_already_complete").asInt() >= 4, second.out());
        assertTrue(summary.get("agree").asBoolean());

        try (MigrationEnd out = MigrationEnd.open(Mlops.builder().build(), URI.create(target),
                StoreAccess.READ_WRITE)) {
            Run copy = copyOf(out, SETUP);
            out.tracking().logBatch(copy.runId(), List.of(new Metric("added_later", 1, 1, 0)), List.of(),
                    List.of());
        }
        MlopsJar.Outcome third = jar.run("migrate", "--from", mlruns, "--to", target);
        assertEquals(1, third.code(), third.out() + third.err());
        assertTrue(third.out().contains("run " + SETUP), third.out());
        assertTrue(third.out().contains("metric keys"), third.out());
    }

    @Test
    void badLocationsAndARefusingTargetExitWithTwoAndOneLine() throws Exception {
        MlopsJar jar = MlopsJar.built(outputs);
        MlopsJar.Outcome missing = jar.run("migrate", "--from", "file:" + work.resolve("nothing-here"), "--to",
                target);
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().startsWith("mlops migrate: Cannot open --from "), missing.err());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(Files.notExists(work.resolve("ours.db")), "nothing written when the source cannot be opened");

        MlopsJar.Outcome same = jar.run("migrate", "--from", mlruns, "--to", mlruns);
        assertEquals(2, same.code(), same.err());

        Path db = work.resolve("mlflow.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(Files.readString(MLFLOW_DB_SCRIPT));
            // a revision before latest_metrics (MLflow 1.x), which mlops4j reads but does not write
            statement.executeUpdate("DROP TABLE latest_metrics");
            statement.executeUpdate("UPDATE alembic_version SET version_num = '7ac759974ad8'");
        } catch (SQLException e) {
            throw new IOException(e);
        }
        MlopsJar.Outcome refused = jar.run("migrate", "--from", mlruns, "--to", "jdbc:sqlite:" + db);
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("refused to create experiment"), refused.err());
        assertTrue(refused.err().contains("alembic revision 7ac759974ad8"), refused.err());
        assertEquals(1, refused.err().lines().filter(l -> !l.startsWith("runs ")).count(), refused.err());
    }

    @Test
    void aMigrationKilledMidwayIsCompletedByRunningItAgain() throws Exception {
        String source = work.resolve("many").toUri().toString();
        int runs = 150;
        try (MigrationEnd end = MigrationEnd.open(Mlops.builder().build(), URI.create(source),
                StoreAccess.READ_WRITE)) {
            String experiment = end.tracking().createExperiment("many", java.util.Map.of()).experimentId();
            for (int i = 0; i < runs; i++) {
                String id = end.tracking().createRun(experiment, "run " + i, "u", 1_000L + i, List.of()).runId();
                List<Metric> history = new java.util.ArrayList<>();
                for (int step = 0; step < 20; step++) {
                    history.add(new Metric("loss", 1.0 / (step + 1), 2_000L + step, step));
                }
                end.tracking().logBatch(id, history, List.of(), List.of());
                end.tracking().writeArtifact(id, "model/weights.bin", new java.io.ByteArrayInputStream(new byte[64]));
            }
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("mlops.jar", "target/mlops.jar"), "migrate", "--from", source, "--to",
                target).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(
                process.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null && !line.startsWith("runs 15/")) {
                // wait until about a tenth of the runs are copied
            }
            assertTrue(line != null, "the migration printed its progress before ending");
            process.destroyForcibly().waitFor();
        }

        MlopsJar.Outcome resumed = MlopsJar.built(outputs).run("migrate", "--from", source, "--to", target,
                "--json");
        assertEquals(0, resumed.code(), resumed.err());
        JsonNode counts = new ObjectMapper().readTree(resumed.out()).get("counts");
        assertTrue(counts.get("runs_already_complete").asInt() >= 15, counts.toString());
        assertTrue(counts.get("runs_copied").asInt() < runs, counts.toString());
        assertEquals(runs, counts.get("runs_already_complete").asInt() + counts.get("runs_finished").asInt()
                + counts.get("runs_copied").asInt(), counts.toString());
        assertTrue(new ObjectMapper().readTree(resumed.out()).get("agree").asBoolean(), resumed.out());
    }

    private static Run copyOf(MigrationEnd end, String sourceRunId) {
        return end.tracking().listExperiments(org.mlops4j.core.tracking.ViewType.ALL).stream()
                .flatMap(e -> end.tracking().searchRuns(SearchRequest.builder(e.experimentId()).maxResults(1000)
                        .build()).runs().stream())
                .filter(r -> sourceRunId.equals(r.data().tags().get(StoreMigration.MIGRATED_FROM)))
                .findFirst().orElseThrow();
    }
}
