package org.mlops4j.core.pipeline;

/** The state of a pipeline run. */
public enum PipelineState {
    /** The run has started and has not finished (or its process died before it could record an end). */
    RUNNING,
    /** Every step succeeded or was skipped. */
    SUCCEEDED,
    /** At least one step failed, timed out or did not run because an upstream step failed. */
    FAILED,
    /** The run was cancelled; steps that had not finished are {@link StepState#CANCELLED}. */
    CANCELLED
}
