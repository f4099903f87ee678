package org.mlops4j.core.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A pipeline run in progress, as {@link PipelineRunner#start(Pipeline)} returns it: wait for it, or cancel it.
 * Thread-safe.
 */
public interface PipelineExecution {

    /** @return the run's id */
    String runId();

    /** @return the pipeline's name */
    String pipelineName();

    /**
     * Cancels the run: steps that have not finished become {@link StepState#CANCELLED}, running attempts are
     * interrupted (and see {@link StepContext#isCancelled()}), and no further step starts. The run ends at once, as
     * {@link PipelineState#CANCELLED}; a step that ignores interruption may go on in the background, but its result
     * is discarded. Does nothing when the run has ended.
     */
    void cancel();

    /** @return whether the run has ended */
    boolean isDone();

    /**
     * Waits for the run to end. When the waiting thread is interrupted, the run is cancelled, the thread's interrupt
     * flag is set again, and the cancelled run is returned.
     *
     * @return the finished run
     */
    PipelineRun await();

    /**
     * @param timeout the longest time to wait
     * @return the finished run, or empty when it has not ended within the timeout (it goes on)
     */
    Optional<PipelineRun> await(Duration timeout);

    /** @return a future completed with the finished run (completing or cancelling it does not affect the run) */
    CompletableFuture<PipelineRun> completion();
}
