package org.mlops4j.core.pipeline.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.pipeline.file.ScheduleDeclaration;
import org.mlops4j.core.pipeline.file.ScheduledPipelineFile;

/**
 * A scheduled pipeline as the scheduler's store shows it: its schedule, whether it is paused, when it fires next,
 * and its latest slot. What {@code mlops pipeline list} and {@code status} print.
 *
 * @param name     the pipeline's name
 * @param file     the file that declares it
 * @param schedule its schedule block
 * @param paused   whether its schedule is paused
 * @param nextFire its next fire time by the schedule; empty without a cron or fixed rate, or when paused
 * @param latest   its newest slot, if any
 * @param running  how many of its slots are running
 * @param queued   how many of its slots wait for the previous run
 */
public record PipelineStatus(String name, Path file, ScheduleDeclaration schedule, boolean paused,
                             Optional<Instant> nextFire, Optional<SlotRecord> latest, int running, int queued) {

    /** Checks that nothing is {@code null}. */
    public PipelineStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(nextFire, "nextFire");
        Objects.requireNonNull(latest, "latest");
    }

    /**
     * @param declared the pipeline file
     * @param store    the scheduler's store
     * @param now      the current time
     * @return the pipeline's status
     */
    public static PipelineStatus of(ScheduledPipelineFile declared, SchedulerStore store, Instant now) {
        String name = declared.pipeline().name();
        boolean paused = store.isPaused(name);
        Instant from = store.cursor(name).filter(c -> c.isAfter(now)).orElse(now);
        Optional<Instant> next = paused ? Optional.empty()
                : declared.schedule().timing().flatMap(s -> s.nextAfter(from));
        List<SlotRecord> slots = store.slots(name);
        int running = (int) slots.stream().filter(s -> s.state() == SlotState.RUNNING).count();
        int queued = (int) slots.stream().filter(s -> s.state() == SlotState.QUEUED).count();
        return new PipelineStatus(name, declared.file(), declared.schedule(), paused, next,
                slots.stream().findFirst(), running, queued);
    }
}
