package org.mlops4j.tracking.registry;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.tck.registry.RegistryWriterProcess;
import org.mlops4j.tck.registry.SharedModelsWriterProcess;
import org.mlops4j.tck.registry.WriterProcesses;
import org.mlops4j.tracking.mlflow.MlflowFileStore;

/**
 * Registry stores shared by several JVM processes: two processes registering versions of one model at the same time
 * get unique numbers, and a process killed in the middle of registering leaves a store that reads, with no partial
 * version in it.
 */
class MultiProcessRegistrationIT {


    @TempDir
    Path folder;

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("file"), Arguments.of("mlflow-file"), Arguments.of("sqlite"),
                Arguments.of("postgresql"));
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        if (System.getenv("MLOPS_TEST_POSTGRES_URL") != null || !System.getProperty("mlops.test.postgres.url", "")
                .isBlank()) {
            PostgresTestDatabase.dropTestSchemas();
        }
    }

    private URI location(String kind) throws Exception {
        return switch (kind) {
            case "file" -> {
                // a store in mlops4j's layout (new ones are MLflow's): the writer processes open it as it is
                FileModelRegistryProvider.open(folder.resolve("mlruns")).close();
                yield folder.resolve("mlruns").toUri();
            }
            case "mlflow-file" -> {
                // a store in MLflow's own layout: the writer processes open it as it is
                Path root = folder.resolve("mlflow-runs");
                MlflowFileStore.create(root.toUri(), root).close();
                yield root.toUri();
            }
            case "sqlite" -> URI.create("jdbc:sqlite:" + folder.resolve("registry.db"));
            default -> URI.create(PostgresTestDatabase.freshSchemaUrl());
        };
    }

    private static ModelRegistry open(URI location) {
        Mlops mlops = Mlops.builder().build();
        return mlops.modelRegistryProvider(location).open(location, mlops.config());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void twoProcessesRegisteringVersionsOfOneModelGetUniqueNumbers(String kind) throws Exception {
        URI location = location(kind);
        int perProcess = 40;
        Path start = folder.resolve("start");
        List<WriterProcesses.Writer> writers = List.of(
                WriterProcesses.start(location, "shared", "p1", perProcess, start, folder),
                WriterProcesses.start(location, "shared", "p2", perProcess, start, folder));
        for (WriterProcesses.Writer w : writers) {
            w.awaitLines("get ready", x -> x.lines.contains("ready"), 60);
        }
        Files.createFile(start);
        for (WriterProcesses.Writer w : writers) {
            assertTrue(w.process.waitFor(120, TimeUnit.SECONDS), "writer finished");
            assertEquals(0, w.process.exitValue(), w.errorText());
        }

        List<Integer> reported = new ArrayList<>();
        writers.forEach(w -> reported.addAll(w.registered()));
        Collections.sort(reported);
        assertEquals(IntStream.rangeClosed(1, 2 * perProcess).boxed().toList(), reported);
        // both processes really interleaved: each holds numbers below the other's highest
        assertTrue(Collections.min(writers.get(0).registered()) < Collections.max(writers.get(1).registered())
                && Collections.min(writers.get(1).registered()) < Collections.max(writers.get(0).registered()),
                "the two writers ran at the same time: " + writers.get(0).registered() + " / "
                        + writers.get(1).registered());
        try (ModelRegistry registry = open(location)) {
            List<ModelVersion> versions = registry.listVersions("shared");
            assertEquals(2 * perProcess, versions.size());
            for (WriterProcesses.Writer w : writers) {
                String writer = w == writers.get(0) ? "p1" : "p2";
                for (int number : w.registered()) {
                    assertEquals(writer, registry.getVersion("shared", number).tags().get("writer"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void severalProcessesWithSeveralThreadsRegisterAndPromoteVersionsOfTwoModelsWithoutAnError(String kind)
            throws Exception {
        URI location = location(kind);
        int processes = 4;
        int threads = 3;
        int perThread = 20;
        Path start = folder.resolve("start");
        List<WriterProcesses.Writer> writers = new ArrayList<>();
        for (int w = 0; w < processes; w++) {
            writers.add(WriterProcesses.start(SharedModelsWriterProcess.class, folder, "w" + w, location.toString(),
                    Integer.toString(w), Integer.toString(threads), Integer.toString(perThread), start.toString()));
        }
        for (WriterProcesses.Writer w : writers) {
            w.awaitLines("get ready", x -> x.lines.contains("ready"), 60);
        }
        Files.createFile(start);
        for (WriterProcesses.Writer w : writers) {
            assertTrue(w.process.waitFor(180, TimeUnit.SECONDS), "writer finished");
            assertEquals(0, w.process.exitValue(), w.errorText());
        }
        long calls = writers.stream().mapToLong(w -> w.done()[0]).sum();
        long errors = writers.stream().mapToLong(w -> w.done()[1]).sum();
        List<String> lines = writers.stream().flatMap(w -> w.lines.stream()).toList();
        int registrations = processes * threads * perThread;
        long stored = 0;
        long duplicates = 0;
        List<Executable> checks = new ArrayList<>();
        try (ModelRegistry registry = open(location)) {
            for (String model : SharedModelsWriterProcess.MODELS) {
                List<ModelVersion> versions = registry.listVersions(model);
                stored += versions.size();
                duplicates += versions.size() - versions.stream().map(ModelVersion::source).distinct().count();
                List<String> reported = lines.stream().filter(l -> l.startsWith("registered " + model + " "))
                        .map(l -> l.split(" ")[2] + " " + l.split(" ")[3]).sorted().toList();
                checks.add(() -> assertEquals(reported, versions.stream().map(v -> v.version() + " " + v.source())
                        .sorted().toList(), "each reported registration of " + model + " is stored under its number"));
                checks.add(() -> assertEquals(IntStream.rangeClosed(1, versions.size()).boxed().toList(),
                        versions.stream().map(ModelVersion::version).toList(), model + " numbered without gaps"));
                List<ModelVersion> production = versions.stream()
                        .filter(v -> v.stage() == ModelStage.PRODUCTION).toList();
                checks.add(() -> assertEquals(1, production.size(), model + " has exactly one Production version: "
                        + production.stream().map(ModelVersion::version).toList()));
                checks.add(() -> assertTrue(lines.contains("promoted " + model + " " + production.get(0).version()),
                        "the Production version of " + model + " is one that was promoted"));
            }
        }
        System.out.printf("multi-process registry figures [%s]: %d processes x %d threads, %d calls, %d "
                + "registrations, %d errors, %d versions stored, %d duplicates%n", kind, processes, threads, calls,
                registrations, errors, stored, duplicates);
        assertEquals(0, errors, "failed calls; first errors: " + lines.stream()
                .filter(l -> l.startsWith("error ")).limit(5).toList());
        assertEquals(registrations, stored, "versions stored");
        assertEquals(0, duplicates, "duplicated registrations");
        assertAll(checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aProcessKilledWhileRegisteringLeavesAReadableStoreWithoutPartialVersions(String kind) throws Exception {
        URI location = location(kind);
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            Path start = folder.resolve("start-" + round);
            WriterProcesses.Writer w = WriterProcesses.start(location, "victim", "r" + round, 0, start, folder);
            w.awaitLines("get ready", x -> x.lines.contains("ready"), 60);
            Files.createFile(start);
            int before = 5 + ThreadLocalRandom.current().nextInt(20);
            w.awaitLines("register " + before + " versions", x -> x.registered().size() >= before, 120);
            w.process.destroyForcibly();
            assertTrue(w.process.waitFor(30, TimeUnit.SECONDS));

            try (ModelRegistry registry = open(location)) {
                List<ModelVersion> versions = registry.listVersions("victim");
                int highest = versions.get(versions.size() - 1).version();
                assertEquals(IntStream.rangeClosed(1, highest).boxed().toList(),
                        versions.stream().map(ModelVersion::version).toList(), "no gap and no duplicate");
                assertTrue(highest >= Collections.max(w.registered()), "every reported version is stored");
                Set<String> sources = new HashSet<>();
                for (ModelVersion v : versions) {
                    String writer = v.tags().get("writer");
                    String i = v.tags().get("i");
                    assertEquals("runs:/" + writer + "x" + i + "/model", v.source(), "complete version " + v);
                    assertEquals(Optional.of(RegistryWriterProcess.SCHEMA), v.inputSchema());
                    assertTrue(sources.add(v.source()), "each registration stored once: " + v.source());
                }
                assertEquals(highest + 1, registry.register(NewModelVersion.builder("victim",
                                "runs:/parentx" + round + "/model").inputSchema(RegistryWriterProcess.SCHEMA)
                        .tag("writer", "parent").tag("i", Integer.toString(round)).build()).version(),
                        "the killed process holds no lock any more");
                assertEquals(List.of("victim"), registry.listModels().stream().map(m -> m.name()).toList());
            }
        }
    }
}
