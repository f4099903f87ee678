package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a JVM in the middle of a pipeline run and resumes the run in this JVM from the same output store. */
class PipelineResumeIT {

    @Test
    void resumesAPipelineWhoseJvmWasKilledMidRun(@TempDir Path work) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ResumablePipeline.class.getName(), work.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(work.resolve("transform.marker"))) {
                assertTrue(child.isAlive(), () -> "the child JVM died early: " + childLog(work));
                assertTrue(System.nanoTime() < deadline, "step 2 never started");
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of("load", "transform"), ResumablePipeline.calls(work));
        PipelineHistory history = PipelineHistory.inFolder(work.resolve("history"));
        assertEquals(PipelineState.RUNNING, history.runs("resumable").get(0).state(),
                "the killed run never recorded an end");

        try (PipelineRunner runner = PipelineRunner.builder()
                .outputStore(StepOutputStore.inFolder(work.resolve("store")))
                .listener(history)
                .build()) {
            PipelineRun resumed = runner.run(ResumablePipeline.create(work, false));
            assertEquals(PipelineState.SUCCEEDED, resumed.state());
            assertTrue(resumed.step("load").orElseThrow().restored(), "step 1 was loaded from the store");
            assertFalse(resumed.step("transform").orElseThrow().restored());
            assertFalse(resumed.step("summarise").orElseThrow().restored());
            assertEquals(12.0, resumed.output("sum", Double.class).orElseThrow(), 0.0);
        }
        assertEquals(List.of("load", "transform", "transform", "summarise"), ResumablePipeline.calls(work));
        assertEquals(PipelineState.SUCCEEDED, history.runs("resumable").get(0).state());
    }

    private static String childLog(Path work) {
        try {
            return Files.readString(work.resolve("child.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

}
