package org.mlops4j.core.pipeline;

/**
 * Which fire times missed while a scheduler was down (or the pipeline paused) are run when it comes back, as
 * Airflow's {@code catchup}. A fire time counts as missed when the scheduler sees it later than its grace period.
 */
public enum CatchUpPolicy {
    /** Run none of the missed fire times; the next run is the next fire time to come. The default. */
    NONE,
    /** Run only the most recent missed fire time. */
    LATEST,
    /** Run every missed fire time, oldest first, subject to the overlap policy. */
    ALL
}
