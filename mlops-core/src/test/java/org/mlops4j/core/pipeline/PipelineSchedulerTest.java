package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineSchedulerTest {

    private final PipelineRunner runner = PipelineRunner.builder().threads(2).build();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-31T10:07:00Z"));
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    private Pipeline counting() {
        return Pipeline.builder("counted").step(Step.named("count").run(ctx -> {
            runs.incrementAndGet();
            return StepResult.empty();
        })).build();
    }

    /** A pipeline whose single step waits for a permit, so tests decide when each run ends. */
    private Pipeline gated(Semaphore permits, CountDownLatch[] started) {
        return Pipeline.builder("gated").step(Step.named("wait").run(ctx -> {
            runs.incrementAndGet();
            started[0].countDown();
            if (!permits.tryAcquire(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return StepResult.empty();
        })).build();
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void runsAPipelineWhenTheClockReachesItsFireTimeAndNotBefore() throws Exception {
        try (PipelineScheduler scheduler = PipelineScheduler.builder(runner).clock(clock).build()) {
            ScheduledPipeline scheduled = scheduler.schedule(counting(), Schedule.cron("*/15 * * * *"));
            assertEquals(Instant.parse("2025-01-31T10:15:00Z"), scheduled.nextFireTime().orElseThrow());
            clock.set(Instant.parse("2025-01-31T10:14:59Z"));
            scheduler.fireDue();
            assertEquals(0, scheduled.startedCount());
            clock.set(Instant.parse("2025-01-31T10:15:00Z"));
            scheduler.fireDue();
            assertEquals(1, scheduled.startedCount());
            assertEquals(Instant.parse("2025-01-31T10:30:00Z"), scheduled.nextFireTime().orElseThrow());
            eventually(() -> scheduled.lastRun().isPresent(), "the run ends");
            assertEquals(PipelineState.SUCCEEDED, scheduled.lastRun().orElseThrow().state());
            assertEquals(1, runs.get());
        }
    }

    @Test
    void runsOnceForManyMissedFireTimesWithoutCatchUp() throws Exception {
        try (PipelineScheduler scheduler = PipelineScheduler.builder(runner).clock(clock).build()) {
            ScheduledPipeline scheduled = scheduler.schedule(counting(), Schedule.cron("*/15 * * * *"));
            clock.set(Instant.parse("2025-01-31T13:02:00Z"));
            scheduler.fireDue();
            assertEquals(1, scheduled.startedCount());
            assertEquals(Instant.parse("2025-01-31T13:15:00Z"), scheduled.nextFireTime().orElseThrow());
            eventually(() -> !scheduled.isRunning(), "the run ends");
            assertEquals(1, runs.get());
        }
    }

    @Test
    void runsEveryMissedFireTimeOneAfterAnotherWithCatchUpAndQueue() throws Exception {
        try (PipelineScheduler scheduler = PipelineScheduler.builder(runner).clock(clock).build()) {
            ScheduledPipeline scheduled = scheduler.schedule(counting(), Schedule.cron("*/15 * * * *"),
                    OverlapPolicy.QUEUE, true);
            clock.set(Instant.parse("2025-01-31T13:02:00Z"));
            scheduler.fireDue();
            // 10:15, 10:30, ... 13:00: 12 fire times
            eventually(() -> scheduled.startedCount() == 12 && !scheduled.isRunning(), "12 runs end");
            assertEquals(12, runs.get());
            assertEquals(0, scheduled.queuedCount());
            assertEquals(Instant.parse("2025-01-31T13:15:00Z"), scheduled.nextFireTime().orElseThrow());
        }
    }

    @Test
    void skipsAFireWhileThePreviousRunGoesOn() throws Exception {
        Semaphore permits = new Semaphore(0);
        CountDownLatch[] started = {new CountDownLatch(1)};
        try (PipelineScheduler scheduler = PipelineScheduler.builder(runner).clock(clock).build()) {
            ScheduledPipeline scheduled = scheduler.schedule(gated(permits, started), Schedule.cron("*/15 * * * *"));
            clock.set(Instant.parse("2025-01-31T10:15:00Z"));
            scheduler.fireDue();
            assertTrue(started[0].await(20, TimeUnit.SECONDS));
            clock.set(Instant.parse("2025-01-31T10:30:00Z"));
            scheduler.fireDue();
            assertEquals(1, scheduled.startedCount());
            assertEquals(1, scheduled.skippedCount());
            permits.release();
            eventually(() -> !scheduled.isRunning(), "the run ends");
            assertEquals(1, runs.get());
        }
    }

    @Test
    void queuesAFireWhileThePreviousRunGoesOnAndRunsItAfterwards() throws Exception {
        Semaphore permits = new Semaphore(0);
        CountDownLatch[] started = {new CountDownLatch(1)};
        try (PipelineScheduler scheduler = PipelineScheduler.builder(runner).clock(clock).build()) {
            ScheduledPipeline scheduled = scheduler.schedule(gated(permits, started), Schedule.cron("*/15 * * * *"),
                    OverlapPolicy.QUEUE, false);
            clock.set(Instant.parse("2025-01-31T10:15:00Z"));
            scheduler.fireDue();
            assertTrue(started[0].await(20, TimeUnit.SECONDS));
            clock.set(Instant.parse("2025-01-31T10:30:00Z"));
            scheduler.fireDue();
            assertEquals(1, scheduled.queuedCount());
            started[0] = new CountDownLatch(1);
            permits.release();
            assertTrue(started[0].await(20, TimeUnit.SECONDS), "the queued fire ran");
            permits.release();
            eventually(() -> !scheduled.isRunning() && scheduled.startedCount() == 2, "both runs end");
            assertEquals(2, runs.get());
            assertEquals(0, scheduled.skippedCount());
        }
    }

    @Test
    void closeWaitsForARunningPipelineAndCancelsItAfterTheTimeout() throws Exception {
        Semaphore permits = new Semaphore(0);
        CountDownLatch[] started = {new CountDownLatch(1)};
        PipelineScheduler scheduler = PipelineScheduler.builder(runner).clock(clock).build();
        ScheduledPipeline scheduled = scheduler.schedule(gated(permits, started), Schedule.cron("*/15 * * * *"));
        clock.set(Instant.parse("2025-01-31T10:15:00Z"));
        scheduler.fireDue();
        assertTrue(started[0].await(20, TimeUnit.SECONDS));
        assertFalse(scheduler.close(Duration.ofMillis(50)), "the run did not end within the timeout");
        eventually(() -> scheduled.lastRun().isPresent(), "the cancelled run is recorded");
        assertEquals(PipelineState.CANCELLED, scheduled.lastRun().orElseThrow().state());
        clock.set(Instant.parse("2025-01-31T10:30:00Z"));
        scheduler.fireDue();
        assertEquals(1, scheduled.startedCount(), "a closed scheduler fires nothing");
        assertThrows(IllegalStateException.class, () -> scheduler.schedule(counting(), Schedule.cron("@daily")));
    }

    @Test
    void closeReturnsCleanlyWhenTheRunningPipelineEndsInTime() throws Exception {
        Semaphore permits = new Semaphore(0);
        CountDownLatch[] started = {new CountDownLatch(1)};
        PipelineScheduler scheduler = PipelineScheduler.builder(runner).clock(clock).build();
        ScheduledPipeline scheduled = scheduler.schedule(gated(permits, started), Schedule.cron("*/15 * * * *"));
        clock.set(Instant.parse("2025-01-31T10:15:00Z"));
        scheduler.fireDue();
        assertTrue(started[0].await(20, TimeUnit.SECONDS));
        permits.release();
        assertTrue(scheduler.close(Duration.ofSeconds(20)));
        assertEquals(PipelineState.SUCCEEDED, scheduled.lastRun().orElseThrow().state());
    }

    @Test
    void firesByItselfOnTheRealClock() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        Pipeline pipeline = Pipeline.builder("ticking").step(Step.named("tick").run(ctx -> {
            threeRuns.countDown();
            return StepResult.empty();
        })).build();
        try (PipelineScheduler scheduler = PipelineScheduler.builder(runner).build()) {
            ScheduledPipeline scheduled = scheduler.schedule(pipeline, Schedule.fixedRate(Duration.ofMillis(20)));
            assertTrue(threeRuns.await(20, TimeUnit.SECONDS), "the timer thread fired three times");
            scheduled.cancel();
            assertTrue(scheduled.nextFireTime().isEmpty());
        }
    }
}
