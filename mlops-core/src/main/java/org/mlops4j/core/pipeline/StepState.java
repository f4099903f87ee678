package org.mlops4j.core.pipeline;

/** The final state of one step in one pipeline run. */
public enum StepState {
    /** The step ran and returned its outputs, or its outputs were restored from a {@link StepOutputStore}. */
    SUCCEEDED,
    /** The step threw on its last attempt (or returned outputs other than those it declares). */
    FAILED,
    /** The step did not run: a branch did not choose it, or its trigger rule said to skip it. */
    SKIPPED,
    /** The step did not run because an upstream step failed and its trigger rule needs that upstream step. */
    UPSTREAM_FAILED,
    /** The pipeline run was cancelled before or while this step ran. */
    CANCELLED,
    /** The step's last attempt did not finish within the step's timeout; it was interrupted and then abandoned. */
    TIMED_OUT;

    /** @return whether this state counts as a failure for trigger rules and for the pipeline's state */
    public boolean isFailure() {
        return this == FAILED || this == TIMED_OUT || this == UPSTREAM_FAILED;
    }
}
