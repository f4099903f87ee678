package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.pipeline.service.SchedulerStore;
import org.mlops4j.core.pipeline.service.SlotRecord;
import org.mlops4j.core.pipeline.service.SlotState;

/**
 * {@code mlops scheduler} in its own JVM: it runs a run asked for with {@code mlops pipeline trigger}, and stops
 * gracefully on SIGTERM, giving its lease up.
 */
class SchedulerCommandIT {

    @Test
    void runsTriggeredPipelinesAndStopsGracefullyOnSigterm(@TempDir Path work) throws Exception {
        Path pipelines = Files.createDirectories(work.resolve("pipelines"));
        Files.writeString(pipelines.resolve("adhoc.json"), "{\"name\": \"adhoc\", \"steps\": [{\"name\": \"note\","
                + " \"type\": \"record\", \"params\": {\"log\": \""
                + work.resolve("adhoc.log").toString().replace("\\", "\\\\") + "\"}}]}");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path out = work.resolve("scheduler.out");
        Process scheduler = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MlopsCommand.class.getName(), "scheduler", "--pipelines", pipelines.toString())
                .redirectOutput(out.toFile()).redirectError(work.resolve("scheduler.err").toFile()).start();
        SchedulerStore store = SchedulerStore.inFolder(pipelines.resolve(".mlops-scheduler"));
        try {
            await(() -> read(out).contains("1 pipelines from"), scheduler, work);
            assertTrue(store.leaseHolder().isPresent());
            MlopsCommandTest.Result trigger = MlopsCommandTest.mlops("pipeline", "trigger", "adhoc", "--pipelines",
                    pipelines);
            assertEquals(0, trigger.code(), trigger.err());
            await(() -> store.slots("adhoc").stream().anyMatch(s -> s.state() == SlotState.SUCCEEDED), scheduler,
                    work);
        } finally {
            scheduler.destroy(); // SIGTERM
            assertTrue(scheduler.waitFor(60, TimeUnit.SECONDS), "the scheduler stopped");
        }
        assertEquals(143, scheduler.exitValue(), "ended by SIGTERM after its shutdown hook");
        assertTrue(store.leaseHolder().isEmpty(), "the graceful stop gave the lease up");
        List<SlotRecord> slots = store.slots("adhoc");
        assertEquals(1, slots.size());
        assertEquals(List.of(slots.get(0).runId()), Files.readAllLines(work.resolve("adhoc.log")));
    }

    private static void await(BooleanSupplier condition, Process process, Path work) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(process.isAlive(), () -> "the scheduler died: " + read(work.resolve("scheduler.err")));
            assertTrue(System.nanoTime() < deadline, () -> "timed out: " + read(work.resolve("scheduler.out"))
                    + read(work.resolve("scheduler.err")));
            Thread.sleep(20);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
