package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineRunnerTest {

    private final PipelineRunner runner = PipelineRunner.builder().threads(4).random(new java.util.Random(7)).build();

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    private static RetryPolicy fastRetries(int attempts) {
        return new RetryPolicy(attempts, Duration.ofMillis(5), 2.0, Duration.ofMillis(50), 0.0);
    }

    @Test
    void passesNamedOutputsToTheStepsThatDeclareThemAsInputs() {
        Pipeline pipeline = Pipeline.builder("sums")
                .step(Step.named("one").outputs("a").run(ctx -> StepResult.of("a", 1)))
                .step(Step.named("two").outputs("b").param("value", "2").run(
                        ctx -> StepResult.of("b", ctx.param("value", Integer.class))))
                .step(Step.named("add").inputs("a", "b").outputs("sum").run(
                        ctx -> StepResult.of("sum", ctx.input("a", Integer.class) + ctx.input("b", Integer.class))))
                .build();
        PipelineRun run = runner.run(pipeline);
        assertEquals(PipelineState.SUCCEEDED, run.state());
        assertEquals(3, run.output("sum", Integer.class).orElseThrow());
        assertEquals(List.of("one", "two", "add"), run.steps().stream().map(StepRun::stepName).toList());
        run.steps().forEach(s -> assertEquals(1, s.attempts()));
    }

    @Test
    void runsIndependentBranchesInParallel() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        PipelineStep waitForTheOther = ctx -> {
            bothRunning.countDown();
            if (!bothRunning.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other branch never ran at the same time");
            }
            return StepResult.of(ctx.stepName() + "_out", Thread.currentThread().getName());
        };
        Pipeline pipeline = Pipeline.builder("parallel")
                .step(Step.named("left").outputs("left_out").run(waitForTheOther))
                .step(Step.named("right").outputs("right_out").run(waitForTheOther))
                .step(Step.named("join").inputs("left_out", "right_out").outputs("threads").run(ctx ->
                        StepResult.of("threads", List.of(ctx.input("left_out", String.class),
                                ctx.input("right_out", String.class)))))
                .build();
        PipelineRun run = runner.run(pipeline);
        assertEquals(PipelineState.SUCCEEDED, run.state(), () -> run.steps().toString());
        List<?> threads = run.output("threads", List.class).orElseThrow();
        assertFalse(threads.get(0).equals(threads.get(1)), "the branches ran on different threads");
    }

    @Test
    void recordsAThrowingStepWithItsStackTraceAndAppliesTriggerRulesDownstream() {
        Pipeline pipeline = Pipeline.builder("failing")
                .step(Step.named("load").outputs("raw").run(ctx -> {
                    throw new IllegalStateException("database is down");
                }))
                .step(Step.named("clean").inputs("raw").outputs("clean").run(ctx -> StepResult.of("clean", 1)))
                .step(Step.named("train").inputs("clean").run(ctx -> StepResult.empty()))
                .step(Step.named("cleanup").after("clean").triggerRule(TriggerRule.ALL_DONE)
                        .run(ctx -> StepResult.empty()))
                .step(Step.named("alert").after("load").triggerRule(TriggerRule.ONE_FAILED)
                        .run(ctx -> StepResult.empty()))
                .step(Step.named("celebrate").after("load").triggerRule(TriggerRule.ONE_SUCCESS)
                        .run(ctx -> StepResult.empty()))
                .build();
        PipelineRun run = runner.run(pipeline);
        assertEquals(PipelineState.FAILED, run.state());
        StepRun load = run.step("load").orElseThrow();
        assertEquals(StepState.FAILED, load.state());
        StepError error = load.lastError().orElseThrow();
        assertEquals(IllegalStateException.class.getName(), error.type());
        assertEquals("database is down", error.message());
        assertTrue(error.stackTrace().contains("PipelineRunnerTest"), error.stackTrace());
        assertEquals(StepState.UPSTREAM_FAILED, run.stateOf("clean"));
        assertEquals(StepState.UPSTREAM_FAILED, run.stateOf("train"));
        assertEquals(0, run.step("train").orElseThrow().attempts());
        assertEquals(StepState.SUCCEEDED, run.stateOf("cleanup"));
        assertEquals(StepState.SUCCEEDED, run.stateOf("alert"));
        assertEquals(StepState.UPSTREAM_FAILED, run.stateOf("celebrate"));
    }

    @Test
    void retriesAStepThatFailsTwiceThenSucceeds() {
        List<Integer> attemptsSeen = new CopyOnWriteArrayList<>();
        Pipeline pipeline = Pipeline.builder("flaky")
                .step(Step.named("fetch").outputs("data").retry(fastRetries(3)).run(ctx -> {
                    attemptsSeen.add(ctx.attempt());
                    ctx.log().info("attempt {} starting", ctx.attempt());
                    if (ctx.attempt() < 3) {
                        throw new java.io.IOException("connection reset on attempt " + ctx.attempt());
                    }
                    return StepResult.of("data", "ok");
                }))
                .build();
        PipelineRun run = runner.run(pipeline);
        StepRun fetch = run.step("fetch").orElseThrow();
        assertEquals(PipelineState.SUCCEEDED, run.state());
        assertEquals(List.of(1, 2, 3), attemptsSeen);
        assertEquals(3, fetch.attempts());
        assertEquals(List.of(1, 2), fetch.errors().stream().map(StepError::attempt).toList());
        assertEquals("connection reset on attempt 2", fetch.errors().get(1).message());
        List<String> infoLines = fetch.logLines().stream().filter(l -> l.level().equals("INFO"))
                .map(LogLine::message).toList();
        assertEquals(List.of("attempt 1 starting", "attempt 2 starting", "attempt 3 starting"), infoLines);
        assertEquals(2, fetch.logLines().stream().filter(l -> l.level().equals("WARN")).count());
    }

    @Test
    void failsAStepWhoseAttemptsAreUsedUp() {
        AtomicInteger calls = new AtomicInteger();
        Pipeline pipeline = Pipeline.builder("hopeless")
                .step(Step.named("fetch").retry(fastRetries(2)).run(ctx -> {
                    calls.incrementAndGet();
                    throw new IllegalArgumentException("bad request");
                }))
                .build();
        PipelineRun run = runner.run(pipeline);
        assertEquals(StepState.FAILED, run.stateOf("fetch"));
        assertEquals(2, run.step("fetch").orElseThrow().attempts());
        assertEquals(2, calls.get());
    }

    @Test
    void abandonsAStepThatHangsPastItsTimeoutIgnoringInterruptsAndGoesOn() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        AtomicInteger interruptsIgnored = new AtomicInteger();
        CountDownLatch hungStepReturned = new CountDownLatch(1);
        Pipeline pipeline = Pipeline.builder("hanging")
                .step(Step.named("hang").outputs("never").timeout(Duration.ofMillis(200)).run(ctx -> {
                    while (!release.get()) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException ignored) {
                            interruptsIgnored.incrementAndGet();
                        }
                    }
                    hungStepReturned.countDown();
                    return StepResult.of("never", 1);
                }))
                .step(Step.named("independent").outputs("fine").run(ctx -> StepResult.of("fine", 1)))
                .step(Step.named("after_hang").inputs("never").run(ctx -> StepResult.empty()))
                .build();
        try {
            PipelineRun run = runner.run(pipeline);
            assertEquals(PipelineState.FAILED, run.state());
            StepRun hang = run.step("hang").orElseThrow();
            assertEquals(StepState.TIMED_OUT, hang.state());
            assertEquals("timeout", hang.lastError().orElseThrow().type());
            assertTrue(hang.lastError().orElseThrow().message().contains("PT0.2S"));
            assertEquals(StepState.SUCCEEDED, run.stateOf("independent"));
            assertEquals(StepState.UPSTREAM_FAILED, run.stateOf("after_hang"));
            assertEquals(1, hungStepReturned.getCount(), "the run ended while the hung step was still running");
            assertFalse(run.outputs().containsKey("never"));
        } finally {
            release.set(true);
        }
        assertTrue(hungStepReturned.await(10, TimeUnit.SECONDS));
        assertTrue(interruptsIgnored.get() >= 1, "the hung step's thread was interrupted");
    }

    @Test
    void retriesAnAttemptThatTimedOut() {
        Pipeline pipeline = Pipeline.builder("slow_once")
                .step(Step.named("slow").outputs("x").timeout(Duration.ofMillis(100)).retry(fastRetries(2))
                        .run(ctx -> {
                            if (ctx.attempt() == 1) {
                                Thread.sleep(60_000);
                            }
                            return StepResult.of("x", ctx.attempt());
                        }))
                .build();
        PipelineRun run = runner.run(pipeline);
        assertEquals(PipelineState.SUCCEEDED, run.state());
        assertEquals(2, run.output("x", Integer.class).orElseThrow());
        StepRun slow = run.step("slow").orElseThrow();
        assertEquals(2, slow.attempts());
        assertEquals("timeout", slow.errors().get(0).type());
    }

    @Test
    void runsOnlyTheBranchAStepChoosesAndSkipsTheOthers() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        PipelineStep record = ctx -> {
            ran.add(ctx.stepName());
            return StepResult.empty();
        };
        Pipeline pipeline = Pipeline.builder("branchy")
                .step(Step.named("choose").outputs("size").run(ctx -> StepResult.of("size", 10).choosing("small")))
                .step(Step.named("small").inputs("size").run(record))
                .step(Step.named("large").inputs("size").run(record))
                .step(Step.named("after_large").after("large").run(record))
                .step(Step.named("join").after("small", "after_large").triggerRule(TriggerRule.NONE_FAILED)
                        .run(record))
                .step(Step.named("strict_join").after("small", "after_large").run(record))
                .build();
        PipelineRun run = runner.run(pipeline);
        assertEquals(PipelineState.SUCCEEDED, run.state());
        assertEquals(StepState.SKIPPED, run.stateOf("large"));
        assertTrue(run.step("large").orElseThrow().note().contains("not chosen by branch step 'choose'"));
        assertEquals(StepState.SKIPPED, run.stateOf("after_large"));
        assertEquals(StepState.SUCCEEDED, run.stateOf("join"));
        assertEquals(StepState.SKIPPED, run.stateOf("strict_join"));
        assertEquals(List.of("small", "join"), ran);
    }

    @Test
    void failsABranchStepThatChoosesAStepThatIsNotDownstream() {
        Pipeline pipeline = Pipeline.builder("bad_branch")
                .step(Step.named("choose").run(ctx -> StepResult.branch("elsewhere")))
                .step(Step.named("next").after("choose").run(ctx -> StepResult.empty()))
                .build();
        PipelineRun run = runner.run(pipeline);
        assertEquals(StepState.FAILED, run.stateOf("choose"));
        assertTrue(run.step("choose").orElseThrow().lastError().orElseThrow().message()
                .contains("chose branch 'elsewhere', which is not one of its downstream steps [next]"));
    }

    @Test
    void cancelsARunningPipelineInterruptingItsStepAndCancellingTheRest() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean sawCancellation = new AtomicBoolean();
        CountDownLatch stepReturned = new CountDownLatch(1);
        Pipeline pipeline = Pipeline.builder("long")
                .step(Step.named("work").outputs("w").run(ctx -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        sawCancellation.set(ctx.isCancelled());
                    } finally {
                        stepReturned.countDown();
                    }
                    return StepResult.of("w", 1);
                }))
                .step(Step.named("next").inputs("w").run(ctx -> StepResult.empty()))
                .build();
        PipelineExecution execution = runner.start(pipeline);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        execution.cancel();
        PipelineRun run = execution.await();
        assertEquals(PipelineState.CANCELLED, run.state());
        assertEquals(StepState.CANCELLED, run.stateOf("work"));
        assertEquals(StepState.CANCELLED, run.stateOf("next"));
        assertTrue(stepReturned.await(10, TimeUnit.SECONDS));
        assertTrue(sawCancellation.get(), "the step was interrupted and saw isCancelled()");
        assertTrue(execution.isDone());
    }

    @Test
    void failsAStepThatReturnsOtherOutputsThanItDeclares() {
        Pipeline pipeline = Pipeline.builder("sloppy")
                .step(Step.named("load").outputs("raw").run(ctx -> StepResult.of("rows", 3)))
                .build();
        PipelineRun run = runner.run(pipeline);
        assertEquals(StepState.FAILED, run.stateOf("load"));
        assertTrue(run.step("load").orElseThrow().lastError().orElseThrow().message()
                .contains("declares outputs [raw] but returned [rows]"));
    }

    @Test
    void failsAStepThatReadsAnInputAsTheWrongTypeNamingTheInput() {
        Pipeline pipeline = Pipeline.builder("types")
                .step(Step.named("load").outputs("raw").run(ctx -> StepResult.of("raw", "text")))
                .step(Step.named("use").inputs("raw").run(ctx -> {
                    ctx.input("raw", Integer.class);
                    return StepResult.empty();
                }))
                .build();
        PipelineRun run = runner.run(pipeline);
        String message = run.step("use").orElseThrow().lastError().orElseThrow().message();
        assertTrue(message.contains("input 'raw' is a java.lang.String, not a java.lang.Integer"), message);
    }

    @Test
    void tellsListenersAboutEveryStepInOrderAndSurvivesAFailingListener() {
        List<String> events = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<PipelineState> ends = new CopyOnWriteArrayList<>();
        PipelineListener recorder = new PipelineListener() {
            @Override
            public void onPipelineStart(String runId, String pipelineName, java.time.Instant start) {
                events.add("start " + pipelineName);
            }

            @Override
            public void onStepStart(String runId, String stepName, int attempt, java.time.Instant start) {
                events.add("step " + stepName + "#" + attempt);
            }

            @Override
            public void onStepEnd(String runId, StepRun stepRun) {
                events.add("end " + stepRun.stepName() + " " + stepRun.state());
            }

            @Override
            public void onPipelineEnd(PipelineRun run) {
                events.add("finish " + run.state());
            }
        };
        PipelineListener broken = new PipelineListener() {
            @Override
            public void onStepEnd(String runId, StepRun stepRun) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (PipelineRunner listened = PipelineRunner.builder().threads(1).listener(broken).listener(recorder)
                .listener(PipelineListener.onStepFailure(s -> failures.add(s.stepName())))
                .listener(PipelineListener.onPipelineEnd(r -> ends.add(r.state()), r -> ends.add(r.state())))
                .build()) {
            Pipeline pipeline = Pipeline.builder("heard")
                    .step(Step.named("a").outputs("x").run(ctx -> StepResult.of("x", 1)))
                    .step(Step.named("b").inputs("x").run(ctx -> {
                        throw new IllegalStateException("b fails");
                    }))
                    .build();
            PipelineRun run = listened.run(pipeline);
            assertEquals(PipelineState.FAILED, run.state());
        }
        assertEquals(List.of("start heard", "step a#1", "end a SUCCEEDED", "step b#1", "end b FAILED",
                "finish FAILED"), events);
        assertEquals(List.of("b"), failures);
        assertEquals(List.of(PipelineState.FAILED), ends);
    }

    @Test
    void runsOnAnExecutorTheHostOwnsAndLeavesItRunning() {
        java.util.concurrent.ExecutorService host = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            try (PipelineRunner hosted = PipelineRunner.builder().executor(host).build()) {
                Pipeline pipeline = Pipeline.builder("hosted")
                        .step(Step.named("a").outputs("x").run(ctx -> StepResult.of("x", 1))).build();
                assertEquals(PipelineState.SUCCEEDED, hosted.run(pipeline).state());
            }
            assertFalse(host.isShutdown());
        } finally {
            host.shutdownNow();
        }
    }
}
