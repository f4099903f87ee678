package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;

class PipelineBuilderTest {

    private static Step step(String name, String[] inputs, String... outputs) {
        return Step.named(name).inputs(inputs).outputs(outputs).run(ctx -> StepResult.empty());
    }

    private static String[] in(String... names) {
        return names;
    }

    @Test
    void ordersStepsSoThatEveryStepComesAfterItsUpstreamSteps() {
        Pipeline pipeline = Pipeline.builder("p")
                .step(step("report", in("model", "metrics")))
                .step(step("train", in("features"), "model"))
                .step(step("evaluate", in("model", "features"), "metrics"))
                .step(step("load", in(), "raw"))
                .step(step("features", in("raw"), "features"))
                .build();
        List<String> order = pipeline.steps().stream().map(Step::name).toList();
        assertEquals(List.of("load", "features", "train", "evaluate", "report"), order);
        assertEquals(List.of("train", "features"), pipeline.upstreamOf("evaluate"));
        assertEquals(List.of("evaluate", "report"), pipeline.downstreamOf("train"));
        assertEquals("train", pipeline.producerOf("model").orElseThrow());
    }

    @Test
    void rejectsAnInputThatNoStepOutputsNamingTheStep() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Pipeline.builder("p")
                .step(step("load", in(), "raw"))
                .step(step("train", in("features"), "model"))
                .build());
        assertTrue(e.getMessage().contains("step 'train' needs input 'features'"), e.getMessage());
        assertTrue(e.getMessage().contains("[model, raw]"), e.getMessage());
    }

    @Test
    void rejectsACycleListingItsSteps() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Pipeline.builder("p")
                .step(step("root", in(), "r"))
                .step(step("a", in("r", "c"), "a"))
                .step(step("b", in("a"), "b"))
                .step(step("c", in("b"), "c"))
                .build());
        assertTrue(e.getMessage().contains("has a cycle: a -> b -> c -> a"), e.getMessage());
    }

    @Test
    void rejectsAStepThatRunsAfterItself() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Pipeline.builder("p")
                .step(Step.named("a").after("a").run(ctx -> StepResult.empty())).build());
        assertTrue(e.getMessage().contains("a -> a"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownAfterStepNamingBothSteps() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Pipeline.builder("p")
                .step(Step.named("a").run(ctx -> StepResult.empty()))
                .step(Step.named("b").after("missing").run(ctx -> StepResult.empty()))
                .build());
        assertTrue(e.getMessage().contains("step 'b' runs after step 'missing'"), e.getMessage());
    }

    @Test
    void rejectsDuplicateStepNamesAndOutputsWithTwoProducers() {
        ConfigurationException duplicate = assertThrows(ConfigurationException.class, () -> Pipeline.builder("p")
                .step(step("a", in(), "x")).step(step("a", in(), "y")).build());
        assertTrue(duplicate.getMessage().contains("step 'a' twice"), duplicate.getMessage());
        ConfigurationException twoProducers = assertThrows(ConfigurationException.class, () -> Pipeline.builder("p")
                .step(step("a", in(), "x")).step(step("b", in(), "x")).build());
        assertTrue(twoProducers.getMessage().contains("output 'x' is written by step 'a' and by step 'b'"),
                twoProducers.getMessage());
    }

    @Test
    void rejectsNamesThatCannotNameAFolder() {
        assertThrows(IllegalArgumentException.class, () -> Step.named("../etc"));
        assertThrows(IllegalArgumentException.class, () -> Pipeline.builder("a/b"));
        assertThrows(ConfigurationException.class, () -> Pipeline.builder("empty").build());
    }
}
