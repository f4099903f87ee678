package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * Commands that only read ({@code runs search}, {@code models list}, {@code ui}) and commands that change an existing
 * model ({@code models transition}, {@code models alias}), run as {@code mlops} processes: a mistyped location exits 2
 * with one line naming it and creates nothing; a real store is read and left unchanged.
 */
class ReadOnlyCommandsIT {

    @TempDir
    Path work;

    private Path outputs;

    /** Exit code and output of one run. */
    record Outcome(int code, String out, String err) {
    }

    @BeforeEach
    void keepOutputsApart(@TempDir Path outputs) {
        this.outputs = outputs;
    }

    @Test
    void runsSearchOnAMissingFolderExits2NamingItAndCreatesNothing() throws Exception {
        Map<String, String> before = snapshot(work);
        String uri = "file:" + work.resolve("nonexistent").resolve("mlruns");
        Outcome search = mlops("runs", "search", "--tracking-uri", uri);
        assertOneLineError(search, "runs search", work.resolve("nonexistent").resolve("mlruns").toString());
        assertTrue(search.err().contains("--tracking-uri"), search.err());
        assertEquals(before, snapshot(work));
    }

    @Test
    void modelsListOnAMistypedOrDefaultPathExits2AndCreatesNothing() throws Exception {
        Map<String, String> before = snapshot(work);
        Outcome mistyped = mlops("models", "list", "--tracking-uri", "file:" + work.resolve("mlrnus"));
        assertOneLineError(mistyped, "models list", work.resolve("mlrnus").toString());
        Outcome byDefault = mlops("models", "list");
        assertOneLineError(byDefault, "models list", "mlruns");
        Outcome sqlite = mlops("models", "list", "--tracking-uri", "jdbc:sqlite:" + work.resolve("runs.db"));
        assertOneLineError(sqlite, "models list", work.resolve("runs.db").toString());
        assertEquals(before, snapshot(work));
    }

    @Test
    void uiOnAMistypedPathExits2AndCreatesNothing() throws Exception {
        Map<String, String> before = snapshot(work);
        Outcome ui = mlops("ui", "--port", "0", "--tracking-uri", "file:" + work.resolve("mlrnus"));
        assertOneLineError(ui, "ui", work.resolve("mlrnus").toString());
        assertEquals(before, snapshot(work));
    }

    @Test
    void commandsThatChangeAnExistingModelExit2OnAMistypedPathAndCreateNothing() throws Exception {
        Map<String, String> before = snapshot(work);
        String uri = "file:" + work.resolve("mlrnus");
        Outcome transition = mlops("models", "transition", "--tracking-uri", uri, "--name", "lead-scoring",
                "--version", "1", "--stage", "Production");
        assertOneLineError(transition, "models transition", work.resolve("mlrnus").toString());
        Outcome alias = mlops("models", "alias", "--tracking-uri", uri, "--name", "lead-scoring", "--version", "1",
                "--alias", "champion");
        assertOneLineError(alias, "models alias", work.resolve("mlrnus").toString());
        assertEquals(before, snapshot(work));
    }

    @Test
    void readingAFolderThatHoldsSomethingElseExits2AndChangesNothing() throws Exception {
        Path project = Files.createDirectories(work.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        Map<String, String> before = snapshot(work);
        Outcome search = mlops("runs", "search", "--tracking-uri", "file:" + project);
        assertOneLineError(search, "runs search", "not an mlops4j store");
        assertTrue(search.err().contains("pom.xml"), search.err());
        assertEquals(before, snapshot(work));
    }

    @Test
    void readCommandsReadARealStoreAndWriteNothing() throws Exception {
        URI location = work.resolve("mlruns").toUri();
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, location.toString()).build();
        try (TrackingClient tracking = TrackingClient.open(mlops, location);
             ModelRegistry registry = mlops.openModelRegistry()) {
            String runId = tracking.run("leads", "first", run -> {
                run.logMetric("auc", 0.81);
                return run.id();
            });
            registry.register(NewModelVersion.builder("lead-scoring", "runs:/" + runId + "/model").build());
        }
        Map<String, String> before = snapshot(work);
        Outcome search = mlops("runs", "search", "--tracking-uri", location.toString(), "--filter",
                "metrics.auc > 0.8");
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().contains("1 run(s)"), search.out());
        Outcome models = mlops("models", "list", "--tracking-uri", location.toString());
        assertEquals(0, models.code(), models.err());
        assertTrue(models.out().contains("lead-scoring  version 1"), models.out());
        assertEquals(before, snapshot(work));
    }

    private Outcome mlops(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                MlopsCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(outputs, "out", ".txt");
        Path err = Files.createTempFile(outputs, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mlops " + String.join(" ", args) + " did not finish: "
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Outcome outcome, String command, String named) {
        assertEquals(ExitCodes.BAD_INPUT, outcome.code(), outcome.err() + outcome.out());
        List<String> lines = outcome.err().lines().toList();
        assertEquals(1, lines.size(), outcome.err());
        assertTrue(lines.get(0).startsWith("mlops " + command + ": "), lines.get(0));
        assertTrue(lines.get(0).contains(named), lines.get(0));
    }

    /** Every path under a folder with its size and modification time (folders' times too). */
    private static Map<String, String> snapshot(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                entries.put(root.relativize(path).toString(), attributes.size() + " bytes, modified "
                        + attributes.lastModifiedTime());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
