package org.mlops4j.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.Mlops;
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
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", StoreWriterProcess.class.getName(),
                    uri.toString(), experiment, Integer.toString(runs), Integer.toString(steps), name));
            if (!artifactRoot.isEmpty()) {
                command.add(artifactRoot);
            }
            return new Writer(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
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
