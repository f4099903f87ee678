package org.mlops4j.drift.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.Step;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.pipeline.StepState;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.PipelineStepProvider;

/** A suite as a pipeline step gates the steps after it. */
class CheckSuitePipelineTest {

    private static final Table REFERENCE = Table.of(CategoricalColumn.of("city", "oslo", "lyon"));

    @TempDir
    Path folder;

    private PipelineRun run(Table current, Map<String, Object> params, AtomicInteger trainings) {
        PipelineStepProvider provider = Mlops.create().providers(PipelineStepProvider.class).get("check-suite");
        Pipeline pipeline = Pipeline.builder("gated")
                .step(Step.named("load").outputs("reference", "current")
                        .run(ctx -> StepResult.of("reference", REFERENCE).and("current", current)))
                .step(Step.named("gate").type("check-suite").inputs("reference", "current").params(params)
                        .run(provider.create(params)))
                .step(Step.named("train").after("gate").run(ctx -> {
                    trainings.incrementAndGet();
                    return StepResult.empty();
                }))
                .build();
        try (PipelineRunner runner = PipelineRunner.builder().build()) {
            return runner.run(pipeline);
        }
    }

    @Test
    void aFailingSuiteStopsTheStepAfterIt() throws Exception {
        AtomicInteger trainings = new AtomicInteger();
        Path report = folder.resolve("gate.json");
        PipelineRun run = run(Table.of(CategoricalColumn.of("city", "oslo", "graz")),
                Map.of("preset", "data-stability", "json", report.toString()), trainings);

        assertEquals(PipelineState.FAILED, run.state());
        assertEquals(StepState.FAILED, run.stateOf("gate"));
        assertEquals(StepState.UPSTREAM_FAILED, run.stateOf("train"));
        assertEquals(0, trainings.get());
        String error = run.step("gate").orElseThrow().errors().get(0).message();
        assertTrue(error.contains("new_categories of 'city' fail"), error);
        assertTrue(Files.readString(report).contains("\"status\" : \"fail\""));
    }

    @Test
    void aPassingSuiteLetsTheStepAfterItRun() {
        AtomicInteger trainings = new AtomicInteger();
        PipelineRun run = run(REFERENCE, Map.of("preset", "data-stability"), trainings);

        assertEquals(PipelineState.SUCCEEDED, run.state());
        assertEquals(1, trainings.get());
    }

    @Test
    void aWarningStopsTheStepAfterItOnlyUnderFailOnWarn() throws Exception {
        Path suite = Files.writeString(folder.resolve("s.json"), """
                {"checks": [{"check": "new_categories", "severity": "warn"}]}""");
        Table current = Table.of(CategoricalColumn.of("city", "oslo", "graz"));
        AtomicInteger trainings = new AtomicInteger();

        assertEquals(PipelineState.SUCCEEDED, run(current, Map.of("suite", suite.toString()), trainings).state());
        assertEquals(PipelineState.FAILED, run(current, Map.of("suite", suite.toString(), "fail_on", "warn"),
                trainings).state());
        assertEquals(1, trainings.get());
    }
}
