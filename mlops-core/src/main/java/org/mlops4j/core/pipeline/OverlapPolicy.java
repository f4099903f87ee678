package org.mlops4j.core.pipeline;

/** What a {@link PipelineScheduler} does when a pipeline's fire time comes while its previous run still goes on. */
public enum OverlapPolicy {
    /** Skip this fire (counted in {@link ScheduledPipeline#skippedCount()}); the default. */
    SKIP,
    /** Queue it: the pipeline runs again as soon as the current run ends, once per queued fire. */
    QUEUE,
    /**
     * Start it at once, beside the run that goes on. Only the scheduler service
     * ({@code org.mlops4j.core.pipeline.service.SchedulerService}) runs pipelines side by side; {@link PipelineScheduler}
     * refuses it.
     */
    ALLOW
}
