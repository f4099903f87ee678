package org.mlops4j.core.pipeline;

import java.time.Instant;
import java.util.Optional;

/**
 * A pipeline registered with a {@link PipelineScheduler}: when it fires next, what it has done, and a way to stop
 * it. Thread-safe.
 */
public interface ScheduledPipeline {

    /** @return the pipeline */
    Pipeline pipeline();

    /** @return when it runs */
    Schedule schedule();

    /** @return what happens when a fire comes while the previous run goes on */
    OverlapPolicy overlapPolicy();

    /** @return the next fire time; empty when the schedule has no more, or it was cancelled */
    Optional<Instant> nextFireTime();

    /** @return how many runs were started */
    long startedCount();

    /** @return how many fires were skipped because a run was still going on ({@link OverlapPolicy#SKIP}) */
    long skippedCount();

    /** @return how many fires wait for the current run to end ({@link OverlapPolicy#QUEUE}) */
    int queuedCount();

    /** @return the most recent run that ended */
    Optional<PipelineRun> lastRun();

    /** @return whether a run is going on */
    boolean isRunning();

    /** Stops firing; a run that is going on is left to end, queued fires are dropped. */
    void cancel();
}
