package org.mlops4j.core.pipeline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scheduler JVMs on one state folder: one holds the lease and runs every slot, the other waits; when the holder
 * is stopped (SIGTERM) the other takes over, and no slot runs twice.
 */
class TwoSchedulerProcessesIT {

    @Test
    void oneOfTwoSchedulerProcessesRunsEachSlotOnceAndTheOtherTakesOverWhenItStops(@TempDir Path work)
            throws Exception {
        Path pipelines = Files.createDirectories(work.resolve("pipelines"));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path log = work.resolve("calls.log");
        Files.writeString(pipelines.resolve("ingest.json"), "{\"name\": \"ingest\", \"schedule\": {\"inbox\": \""
                + esc(inbox) + "\", \"overlap\": \"queue\"}, \"steps\": [{\"name\": \"work\", \"type\": \"gate\","
                + " \"params\": {\"log\": \"" + esc(log) + "\"}, \"outputs\": [\"done_work\"]}]}");
        SchedulerStore store = SchedulerStore.inFolder(work.resolve("state"));
        Process first = start(work, "first");
        Process second = start(work, "second");
        try {
            awaitTrue(() -> markers(work).size() == 2 && store.leaseHolder().isPresent(), first, second, work);
            String leader = store.leaseHolder().orElseThrow().id();
            Process leading = Long.toString(first.pid()).equals(leader) ? first : second;
            Process waiting = leading == first ? second : first;
            for (int i = 1; i <= 3; i++) {
                Files.writeString(inbox.resolve("batch-" + i + ".csv"), "x\n" + i + "\n");
            }
            awaitTrue(() -> GateStepProvider.lines(log).size() >= 3, first, second, work);
            assertEquals(Set.of(leader), pids(log), "only the lease holder ran slots");

            leading.destroy(); // SIGTERM: a graceful stop gives the lease up
            assertTrue(leading.waitFor(30, TimeUnit.SECONDS));
            for (int i = 4; i <= 5; i++) {
                Files.writeString(inbox.resolve("batch-" + i + ".csv"), "x\n" + i + "\n");
            }
            awaitTrue(() -> GateStepProvider.lines(log).size() >= 5 && store.slots("ingest").stream()
                    .allMatch(s -> s.state() == SlotState.SUCCEEDED), waiting, waiting, work);
            List<String> lines = GateStepProvider.lines(log);
            assertEquals(5, lines.size(), () -> "each slot ran once: " + lines);
            assertEquals(Set.of(Long.toString(waiting.pid())), pids(List.of(lines.get(3), lines.get(4))));
            assertEquals(5, store.slots("ingest").size());
            assertEquals(Long.toString(waiting.pid()), store.leaseHolder().orElseThrow().id());
        } finally {
            first.destroy();
            second.destroy();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private static Process start(Path work, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SchedulerProcess.class.getName(),
                work.resolve("pipelines").toString(), work.resolve("state").toString(), work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
    }

    private static Set<String> markers(Path work) {
        try (var files = Files.list(work)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("started-"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> pids(Path log) {
        return pids(GateStepProvider.lines(log));
    }

    private static Set<String> pids(List<String> lines) {
        return lines.stream().map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toSet());
    }

    private static void awaitTrue(BooleanSupplier condition, Process a, Process b, Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(a.isAlive() && b.isAlive(), () -> "a scheduler JVM died: " + logs(work));
            assertTrue(System.nanoTime() < deadline, () -> "timed out; the schedulers' logs: " + logs(work));
            Thread.sleep(20);
        }
    }

    private static String logs(Path work) {
        try {
            return Files.readString(work.resolve("first.log")) + "\n---\n" + Files.readString(work.resolve("second.log"));
        } catch (IOException e) {
            return "(no logs: " + e.getMessage() + ")";
        }
    }

    private static String esc(Path path) {
        return path.toString().replace("\\", "\\\\");
    }
}
