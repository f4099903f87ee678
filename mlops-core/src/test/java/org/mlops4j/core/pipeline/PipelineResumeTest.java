package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.Table;

class PipelineResumeTest {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicBoolean trainBroken = new AtomicBoolean(true);

    private int count(String step) {
        return calls.computeIfAbsent(step, k -> new AtomicInteger()).incrementAndGet();
    }

    private int calls(String step) {
        return calls.getOrDefault(step, new AtomicInteger()).get();
    }

    private Pipeline pipeline(int minRows) {
        return Pipeline.builder("leads")
                .step(Step.named("load").outputs("raw").run(ctx -> {
                    count("load");
                    return StepResult.of("raw", StepOutputStoreTest.everyColumnType());
                }))
                .step(Step.named("clean").inputs("raw").outputs("clean").param("min_rows", minRows).run(ctx -> {
                    count("clean");
                    Table raw = ctx.input("raw", Table.class);
                    return StepResult.of("clean", raw.head(Math.max(ctx.param("min_rows", Integer.class), 1)));
                }))
                .step(Step.named("train").inputs("clean").outputs("model").run(ctx -> {
                    count("train");
                    if (trainBroken.get()) {
                        throw new IllegalStateException("out of memory (simulated)");
                    }
                    return StepResult.of("model", "model on " + ctx.input("clean", Table.class).rowCount()
                            + " rows");
                }))
                .build();
    }

    @Test
    void resumesAtTheFailedStepRestoringTheStepsBeforeIt(@TempDir Path folder) {
        try (PipelineRunner runner = PipelineRunner.builder().threads(2)
                .outputStore(StepOutputStore.inFolder(folder)).build()) {
            PipelineRun first = runner.run(pipeline(2));
            assertEquals(PipelineState.FAILED, first.state());
            assertEquals(StepState.FAILED, first.stateOf("train"));

            trainBroken.set(false);
            PipelineRun second = runner.run(pipeline(2));
            assertEquals(PipelineState.SUCCEEDED, second.state());
            assertTrue(second.step("load").orElseThrow().restored());
            assertTrue(second.step("clean").orElseThrow().restored());
            assertEquals(0, second.step("clean").orElseThrow().attempts());
            assertFalse(second.step("train").orElseThrow().restored());
            assertEquals(1, calls("load"));
            assertEquals(1, calls("clean"));
            assertEquals(2, calls("train"));
            assertEquals("model on 2 rows", second.output("model", String.class).orElseThrow());
            assertEquals(first.step("clean").orElseThrow().fingerprint(),
                    second.step("clean").orElseThrow().fingerprint());

            PipelineRun third = runner.run(pipeline(2));
            assertTrue(third.steps().stream().allMatch(StepRun::restored));
            assertEquals(2, calls("train"));
        }
    }

    @Test
    void runsAStepAgainWhenItsParametersOrAnUpstreamStepChange(@TempDir Path folder) {
        trainBroken.set(false);
        try (PipelineRunner runner = PipelineRunner.builder().outputStore(StepOutputStore.inFolder(folder))
                .build()) {
            PipelineRun before = runner.run(pipeline(2));
            PipelineRun after = runner.run(pipeline(3));
            assertTrue(after.step("load").orElseThrow().restored());
            assertFalse(after.step("clean").orElseThrow().restored(), "its parameter changed");
            assertFalse(after.step("train").orElseThrow().restored(), "its input's fingerprint changed");
            assertNotEquals(before.step("train").orElseThrow().fingerprint(),
                    after.step("train").orElseThrow().fingerprint());
            assertEquals("model on 3 rows", after.output("model", String.class).orElseThrow());
            assertEquals(1, calls("load"));
            assertEquals(2, calls("train"));
        }
    }

    @Test
    void resumesFromAMemoryStoreToo() {
        try (PipelineRunner runner = PipelineRunner.builder().outputStore(StepOutputStore.inMemory()).build()) {
            runner.run(pipeline(1));
            trainBroken.set(false);
            PipelineRun second = runner.run(pipeline(1));
            assertEquals(PipelineState.SUCCEEDED, second.state());
            assertEquals(1, calls("load"));
        }
    }
}
