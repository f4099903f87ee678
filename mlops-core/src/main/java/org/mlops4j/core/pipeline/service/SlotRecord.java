package org.mlops4j.core.pipeline.service;

import java.time.Instant;
import java.util.Objects;

/**
 * One fire of a scheduled pipeline as the scheduler keeps it: which slot, its state, the run that served it, and
 * which scheduler instance last changed it. A slot is claimed once ({@link SchedulerStore#claim}), so no slot runs
 * twice, whichever scheduler process sees it.
 *
 * @param pipeline the pipeline's name
 * @param slot     the slot's key: a fire time ({@code 2026-12-08T03:00:00Z}), {@code inbox:<file name>} or
 *                 {@code manual:<request id>}
 * @param due      when the slot was due
 * @param state    where it stands
 * @param runId    the pipeline run that serves the current attempt; empty before the first start
 * @param attempt  how many times it was started (interruptions included)
 * @param owner    the scheduler instance that last changed it
 * @param updated  when it was last changed, by the scheduler's clock
 */
public record SlotRecord(String pipeline, String slot, Instant due, SlotState state, String runId, int attempt,
                         String owner, Instant updated) {

    /** Checks that nothing is {@code null}. */
    public SlotRecord {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(state, "state");
        runId = runId == null ? "" : runId;
        owner = owner == null ? "" : owner;
        Objects.requireNonNull(updated, "updated");
    }

    /**
     * @param next    the new state
     * @param newRun  the run now serving the slot
     * @param attempts how many starts so far
     * @param by      the scheduler instance
     * @param at      when
     * @return this slot in the new state
     */
    public SlotRecord with(SlotState next, String newRun, int attempts, String by, Instant at) {
        return new SlotRecord(pipeline, slot, due, next, newRun, attempts, by, at);
    }
}
