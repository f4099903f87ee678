package org.mlops4j.core.pipeline;

/**
 * What a scheduler does with a run that was going on when its process stopped (killed, or stopped before the run
 * ended): the run is marked interrupted, then handled by this policy when a scheduler takes over.
 */
public enum InterruptPolicy {
    /**
     * Run it again from the steps that had not succeeded: the outputs of those that had are kept in a per-fire
     * {@link StepOutputStore} and restored. Every step's outputs must then be storable (see
     * {@link StepOutputStore}), or the step declares {@code persist_outputs: false}.
     */
    RESUME,
    /** Run it again from the first step. The default. */
    RETRY,
    /** Leave it interrupted; a person triggers it again. */
    FAIL
}
