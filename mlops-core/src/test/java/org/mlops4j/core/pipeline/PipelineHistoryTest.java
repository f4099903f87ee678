package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineHistoryTest {

    private static Pipeline failing() {
        return Pipeline.builder("nightly")
                .step(Step.named("load").outputs("raw").run(ctx -> {
                    ctx.log().info("read {} rows", 3);
                    return StepResult.of("raw", 3);
                }))
                .step(Step.named("train").inputs("raw").retry(
                        new RetryPolicy(2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0.0)).run(ctx -> {
                            throw new IllegalStateException("diverged at attempt " + ctx.attempt());
                        }))
                .build();
    }

    @Test
    void recordsEveryRunWithStepStatesErrorsAndLogLinesAndFindsThemAgain(@TempDir Path folder) {
        PipelineHistory history = PipelineHistory.inFolder(folder);
        PipelineRun failed;
        PipelineRun succeeded;
        try (PipelineRunner runner = PipelineRunner.builder().listener(history).build()) {
            failed = runner.run(failing());
            succeeded = runner.run(Pipeline.builder("hourly")
                    .step(Step.named("ping").run(ctx -> StepResult.empty())).build());
        }
        PipelineRun recorded = history.run(failed.runId()).orElseThrow();
        assertEquals(failed.withoutOutputs(), recorded);
        StepRun train = recorded.step("train").orElseThrow();
        assertEquals(StepState.FAILED, train.state());
        assertEquals(2, train.attempts());
        assertEquals("diverged at attempt 2", train.lastError().orElseThrow().message());
        assertTrue(train.lastError().orElseThrow().stackTrace().contains("IllegalStateException"));
        assertEquals("read 3 rows", recorded.step("load").orElseThrow().logLines().get(0).message());

        assertEquals(2, history.runs().size());
        assertEquals(List.of(failed.runId()), history.runs(PipelineState.FAILED).stream()
                .map(PipelineRun::runId).toList());
        assertEquals(List.of(succeeded.runId()), history.runs("hourly").stream().map(PipelineRun::runId).toList());
        assertEquals(succeeded.runId(), history.latest("hourly").orElseThrow().runId());
        assertTrue(history.run("20000101-000000-000-00000000").isEmpty());
    }

    @Test
    void showsARunThatIsStillGoingAsRunning(@TempDir Path folder) throws Exception {
        PipelineHistory history = PipelineHistory.inFolder(folder);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (PipelineRunner runner = PipelineRunner.builder().listener(history).build()) {
            PipelineExecution execution = runner.start(Pipeline.builder("slow")
                    .step(Step.named("wait").run(ctx -> {
                        started.countDown();
                        release.await(10, TimeUnit.SECONDS);
                        return StepResult.empty();
                    })).build());
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertEquals(PipelineState.RUNNING, history.run(execution.runId()).orElseThrow().state());
            release.countDown();
            execution.await();
            assertEquals(PipelineState.SUCCEEDED, history.run(execution.runId()).orElseThrow().state());
        }
    }

    @Test
    void writesRunsAsReadableJson(@TempDir Path folder) throws Exception {
        PipelineHistory history = PipelineHistory.inFolder(folder);
        Instant start = Instant.parse("2025-01-31T23:59:59.123Z");
        StepRun step = new StepRun("s", StepState.SKIPPED, 0, start, start, false, "", "not chosen", List.of(),
                List.of());
        history.write(new PipelineRun("r1", "p", PipelineState.SUCCEEDED, start, start.plusSeconds(2), List.of(step),
                java.util.Map.of("ignored", 1)));
        String json = Files.readString(folder.resolve("r1.json"));
        assertTrue(json.contains("\"start\" : \"2025-01-31T23:59:59.123Z\""), json);
        assertTrue(json.contains("\"state\" : \"SKIPPED\""), json);
        assertTrue(!json.contains("ignored"), "outputs are not recorded");
    }
}
