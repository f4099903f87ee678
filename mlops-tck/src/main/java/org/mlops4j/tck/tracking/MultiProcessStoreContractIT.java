package org.mlops4j.tck.tracking;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.ViewType;

/**
 * Several JVM processes on one store: two writers at once, and a writer killed in the middle of its writes. Each
 * store that claims multi-process safety extends this class.
 *
 * <p>A plugin author implements {@link #storeUri()} (a store under {@link #tempDir}, a writable temporary folder that
 * JUnit makes) and may override {@link #artifactRoot()} and {@link #checkAfterKill(URI)}. The writers are child JVMs
 * started with this JVM's {@code java} command and its {@code java.class.path} ({@link StoreWriterProcess},
 * {@link SharedRunsWriterProcess}), so the store's provider must be on the test class path and registered in
 * {@code META-INF/services}, as a host would find it. The suite starts several JVMs: run it as an integration test
 * (the {@code IT} suffix runs it under Maven Failsafe).
 */
public abstract class MultiProcessStoreContractIT {

    /** A folder for the store's files. */
    @TempDir
    protected Path tempDir;

    /** @return the URI of a new, empty store in {@link #tempDir} */
    protected abstract URI storeUri();

    /** @return the artifact root to give writer processes, or empty for the store's default */
    protected String artifactRoot() {
        return "";
    }

    /**
     * Checks what a store kept after a writer was killed, beyond the common checks.
     *
     * @param uri the store
     */
    protected void checkAfterKill(URI uri) {
    }

    @Test
    void twoProcessesWriteTheSameStoreAtOnce() throws Exception {
        URI uri = storeUri();
        Writer a = Writer.start(uri, "shared", 4, 60, "a", artifactRoot());
        Writer b = Writer.start(uri, "shared", 4, 60, "b", artifactRoot());
        a.awaitExit(180);
        b.awaitExit(180);
        assertEquals(a.experimentId(), b.experimentId(), "both processes got the same experiment by name");
        try (TrackingClient tracking = client(uri)) {
            List<Run> runs = tracking.searchAllRuns(SearchRequest.builder(a.experimentId()).build());
            assertEquals(8, runs.size());
            for (Run run : runs) {
                assertEquals(RunStatus.FINISHED, run.info().status());
                assertEquals("59", run.data().tags().get("progress"));
                assertEquals(60, tracking.getMetricHistory(run.runId(), "loss").size());
                assertEquals(6, tracking.listArtifacts(run.runId(), "progress").size());
            }
            assertEquals(4, tracking.searchAllRuns(SearchRequest.builder(a.experimentId())
                    .filter("params.writer = 'b' and metrics.step = 59").build()).size());
            assertEquals(1, tracking.listExperiments().stream().filter(e -> e.name().equals("shared")).count());
        }
    }

    @Test
    void aProcessKilledInTheMiddleOfWritesLeavesAReadableStore() throws Exception {
        URI uri = storeUri();
        Writer writer = Writer.start(uri, "killed", 1000, 100_000, "k", artifactRoot());
        writer.awaitLines(400, 120);
        writer.process.destroyForcibly();
        writer.process.waitFor(30, TimeUnit.SECONDS);
        Map<String, Integer> lastStep = writer.lastLoggedStep();
        assertTrue(!lastStep.isEmpty());
        try (TrackingClient tracking = client(uri)) {
            Experiment experiment = tracking.getExperimentByName("killed").orElseThrow();
            List<Run> runs = tracking.searchAllRuns(SearchRequest.builder(experiment.experimentId())
                    .viewType(ViewType.ALL).build());
            assertTrue(runs.stream().map(Run::runId).collect(Collectors.toSet()).containsAll(lastStep.keySet()));
            for (Map.Entry<String, Integer> logged : lastStep.entrySet()) {
                String runId = logged.getKey();
                int step = logged.getValue();
                Run run = tracking.getRun(runId).orElseThrow();
                assertEquals("k", run.data().params().get("writer"));
                List<Metric> history = tracking.getMetricHistory(runId, "loss");
                Set<Long> steps = history.stream().map(Metric::step).collect(Collectors.toSet());
                for (long s = 0; s <= step; s++) {
                    assertTrue(steps.contains(s), "step " + s + " of run " + runId + " was logged before the kill");
                }
                assertTrue(Integer.parseInt(run.data().tags().get("progress")) >= step);
                assertTrue(run.data().metrics().get("step").value() >= step);
            }
            String killedRun = writer.lastRun();
            tracking.store().logBatch(killedRun, List.of(new Metric("loss", 0.0, System.currentTimeMillis(),
                    1_000_000)), List.of(new Param("after", "kill")), List.of());
            List<Metric> history = tracking.getMetricHistory(killedRun, "loss");
            assertEquals(1_000_000, history.get(history.size() - 1).step());
            assertTrue(history.stream().allMatch(m -> m.value() >= 0 && m.value() <= 1), "no torn line parsed");
            Run after = tracking.getRun(killedRun).orElseThrow();
            assertEquals(1_000_000, after.data().metrics().get("loss").step());
            assertEquals(1, tracking.searchAllRuns(SearchRequest.builder(experiment.experimentId())
                    .filter("params.after = 'kill'").build()).size());
        }
        checkAfterKill(uri);
    }

    @Test
    void severalProcessesWithSeveralThreadsLogToTheSameRunsAndEveryCallIsStoredOnce() throws Exception {
        int processes = 4;
        int threads = 3;
        int batches = 60;
        int sharedRuns = 4;
        URI uri = storeUri();
        List<String> runIds = new ArrayList<>();
        try (TrackingClient tracking = client(uri)) {
            Experiment experiment = tracking.getOrCreateExperiment("shared-runs");
            for (int r = 0; r < sharedRuns; r++) {
                runIds.add(tracking.store().createRun(experiment.experimentId(), "shared-" + r, "test",
                        System.currentTimeMillis(), List.of()).runId());
            }
        }
        Path start = tempDir.resolve("start");
        List<Writer> writers = new ArrayList<>();
        for (int w = 0; w < processes; w++) {
            writers.add(Writer.start(SharedRunsWriterProcess.class, uri.toString(), Integer.toString(w),
                    Integer.toString(threads), Integer.toString(batches), start.toString(), String.join(",", runIds)));
        }
        for (Writer writer : writers) {
            writer.awaitLine("ready", 60);
        }
        Files.createFile(start);
        for (Writer writer : writers) {
            writer.awaitExit(180);
        }
        long calls = writers.stream().mapToLong(w -> w.done()[0]).sum();
        long errors = writers.stream().mapToLong(w -> w.done()[1]).sum();
        long slowest = writers.stream().mapToLong(w -> w.done()[2]).max().orElseThrow();
        List<String> errorLines = writers.stream().flatMap(w -> w.lines.stream())
                .filter(l -> l.startsWith("error ")).limit(5).toList();

        Set<Long> failedSteps = writers.stream().flatMap(w -> w.lines.stream())
                .filter(l -> l.startsWith("error batch ")).map(l -> Long.parseLong(l.split(" ")[2]))
                .collect(Collectors.toSet());
        long written = 0;
        long stored = 0;
        long storedByFailedCalls = 0;
        long duplicates = 0;
        List<Executable> checks = new ArrayList<>();
        try (TrackingClient tracking = client(uri)) {
            for (int r = 0; r < sharedRuns; r++) {
                String runId = runIds.get(r);
                Set<Long> expected = new HashSet<>();
                Map<String, String> lastTags = new HashMap<>();
                for (int w = 0; w < processes; w++) {
                    for (int t = 0; t < threads; t++) {
                        for (int b = 0; b < batches; b++) {
                            if (SharedRunsWriterProcess.runOf(sharedRuns, t, b) == r) {
                                expected.add(SharedRunsWriterProcess.step(w, t, b));
                                lastTags.put("last." + w + "." + t, Integer.toString(b));
                            }
                        }
                    }
                }
                Run run = tracking.getRun(runId).orElseThrow();
                for (String key : List.of("loss", "acc")) {
                    List<Long> steps = tracking.getMetricHistory(runId, key).stream().map(Metric::step).toList();
                    written += expected.size();
                    stored += steps.size();
                    duplicates += steps.size() - new HashSet<>(steps).size();
                    storedByFailedCalls += steps.stream().filter(failedSteps::contains).count();
                    checks.add(() -> assertEquals(expected, new HashSet<>(steps), key + " of run " + runId));
                    checks.add(() -> assertEquals(Collections.max(expected), run.data().metrics().get(key).step(),
                            "latest " + key + " of run " + runId));
                }
                Set<String> params = new HashSet<>(run.data().params().keySet());
                params.remove("dataset");
                checks.add(() -> assertEquals("leads", run.data().params().get("dataset")));
                checks.add(() -> assertEquals(expected.stream().map(s -> "p." + s).collect(Collectors.toSet()),
                        params, "params of run " + runId));
                lastTags.forEach((key, value) -> checks.add(() -> assertEquals(value, run.data().tags().get(key),
                        key)));
            }
            List<Run> all = tracking.searchAllRuns(SearchRequest.builder(tracking.getRun(runIds.get(0))
                    .orElseThrow().info().experimentId()).build());
            checks.add(() -> assertEquals(sharedRuns + processes * threads, all.size(),
                    "shared runs and one run per thread"));
            checks.add(() -> assertEquals(processes * threads, all.stream()
                    .filter(run -> run.info().status() == RunStatus.FINISHED).count()));
        }
        System.out.printf("multi-process figures [%s]: %d processes x %d threads, %d calls, %d metric values "
                        + "written, %d errors, %d values stored, %d duplicates, %d values stored by calls that failed; the "
                + "slowest writer took %d ms%n", getClass().getSimpleName(), processes, threads, calls, written, errors,
                stored, duplicates, storedByFailedCalls, slowest);
        assertEquals(0, errors, "failed calls; first errors: " + errorLines);
        assertEquals(written, stored, "values stored");
        assertEquals(0, duplicates, "duplicated values");
        assertEquals(0, storedByFailedCalls, "values stored by calls that failed");
        assertAll(checks);
    }

    private static TrackingClient client(URI uri) {
        return TrackingClient.open(Mlops.create(), uri);
    }

    /** A writer process and what it reported. */
    protected static final class Writer {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Thread reader;

        private Writer(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Writer start(URI uri, String experiment, int runs, int steps, String name, String artifactRoot)
                throws IOException {
            List<String> args = new ArrayList<>(List.of(uri.toString(), experiment, Integer.toString(runs),
                    Integer.toString(steps), name));
            if (!artifactRoot.isEmpty()) {
                args.add(artifactRoot);
            }
            return start(StoreWriterProcess.class, args.toArray(String[]::new));
        }

        static Writer start(Class<?> main, String... args) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", main.getName()));
            command.addAll(List.of(args));
            return new Writer(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        void awaitLine(String line, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!lines.contains(line)) {
                assertTrue(process.isAlive(), "writer died early; output: " + lines);
                assertTrue(System.nanoTime() < deadline, "writer did not print '" + line + "': " + lines);
                Thread.sleep(5);
            }
        }

        /** @return the calls made, the calls failed and the milliseconds they took, from the writer's last line */
        long[] done() {
            String[] parts = lines.stream().filter(l -> l.startsWith("done ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no summary line: " + lines)).split(" ");
            return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])};
        }

        void awaitExit(int seconds) throws InterruptedException {
            assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "writer finished in time");
            reader.join(10_000);
            assertEquals(0, process.exitValue(), "writer exit code; output: " + lines);
        }

        void awaitLines(int count, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (lines.stream().filter(l -> l.startsWith("logged")).count() < count) {
                assertTrue(process.isAlive(), "writer died early; output: " + lines);
                assertTrue(System.nanoTime() < deadline, "writer too slow; output so far: " + lines.size());
                Thread.sleep(20);
            }
        }

        String experimentId() {
            return lines.stream().filter(l -> l.startsWith("experiment ")).findFirst().orElseThrow()
                    .substring("experiment ".length());
        }

        Map<String, Integer> lastLoggedStep() {
            Map<String, Integer> last = new HashMap<>();
            for (String line : lines) {
                String[] parts = line.split(" ");
                if (parts[0].equals("logged")) {
                    last.merge(parts[1], Integer.parseInt(parts[2]), Math::max);
                }
            }
            return last;
        }

        String lastRun() {
            Set<String> seen = new HashSet<>();
            String last = null;
            for (String line : lines) {
                if (line.startsWith("run ") && seen.add(line)) {
                    last = line.substring(4);
                }
            }
            return last;
        }
    }
}
