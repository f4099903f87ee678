package org.mlops4j.core.pipeline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlops4j.core.pipeline.MutableClock;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineState;

/** The scheduler service on a controllable clock: slots, overlap, catch-up, restarts, reloads, pause and triggers. */
class SchedulerServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T00:00:10Z"));
    private final List<SchedulerService> services = new ArrayList<>();

    @AfterEach
    void openGatesAndClose() throws IOException {
        Files.createDirectories(work);
        Files.writeString(work.resolve("gate"), "open");
        services.forEach(SchedulerService::close);
    }

    @Test
    void runsEachFixedRateSlotOnceAndNeverAgainAfterARestart() throws Exception {
        pipeline("rate", "\"every\": \"PT15M\"", false);
        SchedulerService first = service("a");
        first.tick(); // the pipeline's cursor starts now: nothing runs for the past
        at("00:14:00");
        first.tick();
        assertEquals(List.of(), store().slots("rate"));
        at("00:15:00");
        first.tick();
        assertTrue(first.awaitIdle(WAIT));
        at("00:15:30");
        first.tick();
        first.close();
        SchedulerService second = service("b");
        at("00:16:00");
        assertTrue(second.tick());
        assertTrue(second.awaitIdle(WAIT));
        List<SlotRecord> slots = store().slots("rate");
        assertEquals(1, slots.size(), slots::toString);
        assertEquals("2026-12-08T00:15:00Z", slots.get(0).slot());
        assertEquals(SlotState.SUCCEEDED, slots.get(0).state());
        assertEquals(1, GateStepProvider.lines(log()).size());
        PipelineRun run = store().history().run(slots.get(0).runId()).orElseThrow();
        assertEquals(PipelineState.SUCCEEDED, run.state());
        assertEquals(Optional.of(Instant.parse("2026-12-08T00:30:00Z")), second.status().get(0).nextFire());
    }

    @ParameterizedTest
    @CsvSource({"skip, 1, SKIPPED", "queue, 2, SUCCEEDED", "allow, 2, SUCCEEDED"})
    void aFireWhileThePreviousRunGoesOnFollowsTheOverlapPolicy(String overlap, int runs, SlotState second)
            throws Exception {
        pipeline("busy", "\"every\": \"PT1M\", \"overlap\": \"" + overlap + "\"", true);
        SchedulerService service = service("a");
        service.tick();
        at("00:01:00");
        service.tick();
        awaitLines(1);
        at("00:02:00");
        service.tick();
        if (overlap.equals("allow")) {
            awaitLines(2); // both runs go on at once
            assertEquals(2, service.status().get(0).running());
        } else {
            assertEquals(1, GateStepProvider.lines(log()).size(), "the second fire did not start beside the first");
        }
        Files.writeString(work.resolve("gate"), "open");
        assertTrue(service.awaitIdle(WAIT));
        List<SlotRecord> slots = store().slots("busy");
        assertEquals(2, slots.size());
        assertEquals(second, slots.get(0).state());
        assertEquals(SlotState.SUCCEEDED, slots.get(1).state());
        assertEquals(runs, GateStepProvider.lines(log()).size());
    }

    @ParameterizedTest
    @CsvSource({"none, ''", "latest, 05:00", "all, 01:00 02:00 03:00 04:00 05:00"})
    void fireTimesMissedWhileDownRunByTheCatchUpPolicy(String catchUp, String expected) throws Exception {
        pipeline("hourly", "\"cron\": \"0 * * * *\", \"overlap\": \"queue\", \"catchup\": \"" + catchUp + "\"",
                false);
        at("00:30:00");
        SchedulerService before = service("a");
        before.tick();
        before.close();
        at("05:30:00"); // five hours of downtime
        SchedulerService after = service("b");
        after.tick();
        assertTrue(after.awaitIdle(WAIT));
        List<String> ran = new ArrayList<>();
        for (SlotRecord slot : store().slots("hourly")) {
            assertEquals(SlotState.SUCCEEDED, slot.state());
            ran.add(0, slot.slot().substring(11, 16));
        }
        assertEquals(expected, String.join(" ", ran));
        assertEquals(ran.size(), GateStepProvider.lines(log()).size());
        assertEquals(Optional.of(Instant.parse("2026-12-08T06:00:00Z")), after.status().get(0).nextFire());
    }

    @Test
    void aRunInterruptedByItsSchedulersDeathResumesUnderTheSchedulerThatTakesTheLeaseOver() throws Exception {
        writePipeline("resumable", "\"every\": \"PT1M\", \"on_interrupt\": \"resume\"",
                "{\"name\": \"first\", \"type\": \"gate\", \"params\": {\"log\": \"" + esc(log()) + "\"},"
                        + " \"outputs\": [\"done_first\"]},"
                        + "{\"name\": \"second\", \"type\": \"gate\", \"inputs\": [\"done_first\"], \"params\": {\"log\": \""
                        + esc(log()) + "\", \"gate\": \"" + esc(work.resolve("gate")) + "\"},"
                        + " \"outputs\": [\"done_second\"]}");
        SchedulerService dying = service("a");
        dying.tick();
        at("00:01:00");
        dying.tick();
        awaitLines(2); // the second step waits at its gate: 'a' "dies" here, it never ticks again
        SchedulerService successor = service("b");
        assertFalse(successor.tick(), "b waits while a's lease lasts");
        assertEquals(Optional.of("a"), store().leaseHolder().map(SchedulerLease.Holder::id));
        at("00:01:31"); // a's lease, renewed at 00:01:00 for 30 s, has lapsed
        assertTrue(successor.tick());
        awaitLines(3);
        Files.writeString(work.resolve("gate"), "open");
        assertTrue(successor.awaitIdle(WAIT));
        assertTrue(dying.awaitIdle(WAIT));
        SlotRecord slot = store().slots("resumable").get(0);
        assertEquals(SlotState.SUCCEEDED, slot.state());
        assertEquals(2, slot.attempt());
        assertEquals("b", slot.owner(), "a's late end did not overwrite b's record");
        List<String> steps = GateStepProvider.lines(log()).stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        assertEquals(List.of("first", "second", "second"), steps, "the first step was restored, not run again");
        assertTrue(store().history().run(slot.runId()).orElseThrow().step("first").orElseThrow().restored());
        dying.close();
        assertEquals(Optional.of("b"), store().leaseHolder().map(SchedulerLease.Holder::id),
                "a's close did not give up b's lease");
    }

    @ParameterizedTest
    @CsvSource({"retry, SUCCEEDED, 2", "fail, INTERRUPTED, 1"})
    void aGracefulStopMarksUnfinishedRunsInterruptedForTheNextScheduler(String policy, SlotState end, int starts)
            throws Exception {
        pipeline("long", "\"every\": \"PT1M\", \"on_interrupt\": \"" + policy + "\"", true);
        SchedulerService stopping = SchedulerService.builder(work.resolve("pipelines"), GateStepProvider.providers())
                .clock(clock).instanceId("a").closeTimeout(Duration.ZERO).build();
        services.add(stopping);
        stopping.tick();
        at("00:01:00");
        stopping.tick();
        awaitLines(1);
        stopping.close();
        assertEquals(SlotState.INTERRUPTED, store().slots("long").get(0).state());
        assertTrue(store().leaseHolder().isEmpty(), "the lease was given up");
        Files.writeString(work.resolve("gate"), "open");
        SchedulerService next = service("b");
        assertTrue(next.tick(), "the next scheduler takes the lease at once");
        assertTrue(next.awaitIdle(WAIT));
        SlotRecord slot = store().slots("long").get(0);
        assertEquals(end, slot.state());
        assertEquals(starts, GateStepProvider.lines(log()).size());
    }

    @Test
    void changedFilesAreReloadedBrokenOnesKeepTheirLastGoodVersionAndRemovedOnesAreDropped() throws Exception {
        Path file = pipeline("edited", "\"every\": \"PT1M\"", false);
        SchedulerService service = service("a");
        service.tick();
        assertEquals("every PT1M", service.status().get(0).schedule().describe());
        pipeline("edited", "\"every\": \"PT1H\", \"catchup\": \"latest\"", false);
        service.tick();
        assertEquals("every PT1H", service.status().get(0).schedule().describe());
        Files.writeString(file, "{\"name\": \"edited\", \"steps\": [], \"schedule\": {\"every\": \"PT1H\"}}");
        service.tick();
        assertEquals("every PT1H", service.status().get(0).schedule().describe());
        assertTrue(service.loadErrors().get(file.toAbsolutePath()).contains("'steps' must be a non-empty list"),
                service.loadErrors()::toString);
        Files.delete(file);
        service.tick();
        assertEquals(List.of(), service.status());
        assertEquals(Map.of(), service.loadErrors());
    }

    @Test
    void aPausedScheduleRunsOnlyTriggeredRunsAndCatchesUpByItsPolicyWhenResumed() throws Exception {
        pipeline("paused", "\"every\": \"PT1H\", \"catchup\": \"latest\"", false);
        SchedulerService service = service("a");
        service.tick();
        store().setPaused("paused", true);
        at("03:00:30");
        service.tick();
        assertEquals(List.of(), store().slots("paused"));
        assertTrue(service.status().get(0).nextFire().isEmpty());
        String request = store().requestRun("paused", clock.instant());
        service.tick();
        assertTrue(service.awaitIdle(WAIT));
        assertEquals(List.of("manual:" + request), store().slots("paused").stream().map(SlotRecord::slot).toList());
        assertEquals(List.of(), store().requests("paused"));
        store().setPaused("paused", false);
        service.tick();
        assertTrue(service.awaitIdle(WAIT));
        List<String> slots = store().slots("paused").stream().map(SlotRecord::slot).toList();
        assertEquals(List.of("manual:" + request, "2026-12-08T03:00:00Z"), slots, "newest due first");
    }

    @Test
    void eachNewFileInTheInboxRunsThePipelineOnce() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("pipelines/inbox"));
        pipeline("inbox", "\"inbox\": \"inbox\", \"overlap\": \"queue\"", false);
        Files.writeString(inbox.resolve("batch-1.csv"), "a\n1\n");
        Files.writeString(inbox.resolve(".hidden"), "ignored");
        SchedulerService service = service("a");
        service.tick();
        assertTrue(service.awaitIdle(WAIT));
        Files.writeString(inbox.resolve("batch 2.csv"), "a\n2\n");
        service.tick();
        service.tick();
        assertTrue(service.awaitIdle(WAIT));
        assertEquals(List.of("inbox:batch 2.csv", "inbox:batch-1.csv"),
                store().slots("inbox").stream().map(SlotRecord::slot).sorted().toList());
        assertEquals(2, GateStepProvider.lines(log()).size());
    }

    private SchedulerService service(String id) {
        SchedulerService service = SchedulerService.builder(work.resolve("pipelines"), GateStepProvider.providers())
                .clock(clock).instanceId(id).build();
        services.add(service);
        return service;
    }

    private SchedulerStore store() {
        return SchedulerStore.inFolder(work.resolve("pipelines/.mlops-scheduler"));
    }

    private void at(String time) {
        clock.set(Instant.parse("2026-12-08T" + time + "Z"));
    }

    private Path log() {
        return work.resolve("calls.log");
    }

    private Path pipeline(String name, String schedule, boolean gated) throws IOException {
        String gate = gated ? ", \"gate\": \"" + esc(work.resolve("gate")) + "\"" : "";
        return writePipeline(name, schedule, "{\"name\": \"work\", \"type\": \"gate\", \"params\": {\"log\": \""
                + esc(log()) + "\"" + gate + "}, \"outputs\": [\"done_work\"]}");
    }

    private Path writePipeline(String name, String schedule, String steps) throws IOException {
        Path file = work.resolve("pipelines").resolve(name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"name\": \"" + name + "\", \"schedule\": {" + schedule + "}, \"steps\": [" + steps
                + "]}");
        return file;
    }

    private static String esc(Path path) {
        return path.toString().replace("\\", "\\\\");
    }

    private void awaitLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (GateStepProvider.lines(log()).size() < count) {
            assertTrue(System.nanoTime() < deadline, "expected " + count + " step starts, found "
                    + GateStepProvider.lines(log()));
            Thread.sleep(5);
        }
    }
}
