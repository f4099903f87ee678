package org.mlops4j.tracking.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.RetryPolicy;
import org.mlops4j.core.pipeline.Step;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingPipelineListener;

/** Pipeline runs recorded through the tracking API into real file and SQLite stores, then queried back. */
class TrackingPipelineListenerTest {

    @TempDir
    Path folder;

    private TrackingClient open(String kind) {
        URI location = kind.equals("file") ? folder.resolve("mlruns").toUri()
                : URI.create("jdbc:sqlite:" + folder.resolve("runs.db"));
        return TrackingClient.open(Mlops.create(), location);
    }

    private static Pipeline pipelineWithAFlakyStep(AtomicInteger calls) {
        return Pipeline.builder("data")
                .step(Step.named("load").outputs("raw").run(ctx -> {
                    ctx.log().info("loaded {} rows", 3);
                    return StepResult.of("raw", List.of(1, 2, 3));
                }))
                .step(Step.named("clean").inputs("raw").outputs("clean")
                        .retry(new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(5), 0.0))
                        .run(ctx -> {
                            if (calls.incrementAndGet() < 3) {
                                throw new IllegalStateException("database busy, attempt " + ctx.attempt());
                            }
                            return StepResult.of("clean", ctx.input("raw", List.class).size());
                        }))
                .step(Step.named("check").inputs("clean").run(ctx -> {
                    throw new IllegalArgumentException("schema check failed: 3 columns missing");
                }))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "sqlite"})
    void recordsEachPipelineRunAsARunAndEachStepAsANestedRun(String kind) throws IOException {
        try (TrackingClient tracking = open(kind);
                PipelineRunner runner = PipelineRunner.builder().threads(2)
                        .listener(TrackingPipelineListener.of(tracking)).build()) {
            PipelineRun result = runner.run(pipelineWithAFlakyStep(new AtomicInteger()));
            assertEquals(PipelineState.FAILED, result.state());

            String experimentId = tracking.getExperimentByName(TrackingPipelineListener.DEFAULT_EXPERIMENT)
                    .orElseThrow().experimentId();
            List<Run> pipelines = tracking.searchAllRuns(SearchRequest.builder(experimentId)
                    .filter("tags.`mlops.pipeline` = 'data'").build());
            assertEquals(1, pipelines.size());
            Run pipeline = pipelines.get(0);
            assertEquals(RunStatus.FAILED, pipeline.info().status());
            assertEquals(result.runId(), pipeline.data().tags().get(TrackingPipelineListener.PIPELINE_RUN_TAG));
            assertEquals(2.0, pipeline.data().metric("steps_succeeded").orElseThrow());

            List<Run> steps = tracking.searchAllRuns(SearchRequest.builder(experimentId)
                    .filter("tags.`" + SystemTags.PARENT_RUN_ID + "` = '" + pipeline.info().runId() + "'").build());
            Map<String, Run> byStep = steps.stream().collect(Collectors.toMap(
                    r -> r.data().tags().get(TrackingPipelineListener.STEP_TAG), r -> r));
            assertEquals(List.of("check", "clean", "load"), byStep.keySet().stream().sorted().toList());
            assertEquals(3.0, byStep.get("clean").data().metric("attempts").orElseThrow());
            assertEquals(RunStatus.FINISHED, byStep.get("clean").info().status());
            assertEquals(RunStatus.FAILED, byStep.get("check").info().status());
            assertTrue(read(tracking, byStep.get("clean"), "errors.txt").contains("database busy, attempt 2"));
            assertTrue(read(tracking, byStep.get("check"), "errors.txt").contains("schema check failed"));
            assertTrue(read(tracking, byStep.get("load"), "step.log").contains("loaded 3 rows"));
        }
    }

    private static String read(TrackingClient tracking, Run run, String artifact) throws IOException {
        try (InputStream in = tracking.openArtifact(run.info().runId(), artifact)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
