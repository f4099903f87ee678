package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.Progress;

class PipelineProgressTest {

    @Test
    void reportsEachStepStartAndEndInOrderWithOneUnitPerStep() {
        Pipeline pipeline = Pipeline.builder("sums")
                .step(Step.named("one").outputs("a").run(ctx -> StepResult.of("a", 1)))
                .step(Step.named("two").inputs("a").outputs("b").run(ctx -> StepResult.of("b", 2)))
                .step(Step.named("three").inputs("b").run(ctx -> StepResult.empty()))
                .build();
        List<Progress> events = new ArrayList<>();

        try (PipelineRunner runner = PipelineRunner.builder().threads(1)
                .listener(PipelineProgress.of(pipeline, events::add)).build()) {
            runner.run(pipeline);
        }

        assertEquals(List.of("step one (1 of 3)", "step one (1 of 3)", "step two (2 of 3)", "step two (2 of 3)",
                "step three (3 of 3)", "step three (3 of 3)"), events.stream().map(Progress::stage).toList());
        assertEquals(List.of("", "succeeded", "", "succeeded", "", "succeeded"),
                events.stream().map(Progress::detail).toList());
        assertEquals(List.of(0L, 1L, 1L, 2L, 2L, 3L), events.stream().map(Progress::done).toList());
        events.forEach(e -> assertEquals("pipeline sums", e.task()));
        assertTrue(events.get(5).finished());
    }
}
