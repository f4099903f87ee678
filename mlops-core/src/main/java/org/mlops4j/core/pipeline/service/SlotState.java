package org.mlops4j.core.pipeline.service;

/** Where one fire of a scheduled pipeline (a slot) stands. */
public enum SlotState {
    /** Waiting for the pipeline's previous run to end (overlap {@code queue}). */
    QUEUED,
    /** Started by the scheduler that holds the lease. */
    RUNNING,
    /** The run succeeded. */
    SUCCEEDED,
    /** The run failed, or was interrupted more often than {@code max_attempts} allows. */
    FAILED,
    /** Not run: the previous run was still going on (overlap {@code skip}). */
    SKIPPED,
    /** The scheduler stopped while the run went on; handled by the pipeline's {@code on_interrupt} policy. */
    INTERRUPTED;

    /** @return whether nothing more happens to a slot in this state */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED;
    }
}
