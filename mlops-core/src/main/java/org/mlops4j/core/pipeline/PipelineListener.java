package org.mlops4j.core.pipeline;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Hears what a {@link PipelineRunner} does: a run starts, a step attempt starts, a step reaches its final state, a
 * run ends. Use it to record history ({@link PipelineHistory}, a tracking store), to alert on failure, or to report
 * progress. Every method has an empty default.
 *
 * <p>For one run, the runner calls its listeners one call at a time, in order ({@code onPipelineStart} first,
 * {@code onPipelineEnd} last), but from its worker threads; a listener shared between runs must be thread-safe. A
 * listener should return quickly: while it runs, the run it reports on does not progress. An exception thrown by a
 * listener is logged and otherwise ignored; it does not fail the pipeline.
 */
public interface PipelineListener {

    /**
     * @param runId        the new run's id
     * @param pipelineName the pipeline's name
     * @param start        when the run started
     */
    default void onPipelineStart(String runId, String pipelineName, Instant start) {
    }

    /**
     * @param runId    the run's id
     * @param stepName the step's name
     * @param attempt  the attempt's number, from 1
     * @param start    when the attempt started
     */
    default void onStepStart(String runId, String stepName, int attempt, Instant start) {
    }

    /**
     * Called once per step and run, when the step reaches its final state (including steps that are skipped or
     * restored from the output store).
     *
     * @param runId   the run's id
     * @param stepRun what happened to the step
     */
    default void onStepEnd(String runId, StepRun stepRun) {
    }

    /** @param run the finished run, with every step's record */
    default void onPipelineEnd(PipelineRun run) {
    }

    /**
     * @param callback called with each step that ends {@link StepState#FAILED} or {@link StepState#TIMED_OUT}
     * @return a listener that calls it
     */
    static PipelineListener onStepFailure(Consumer<StepRun> callback) {
        return new PipelineListener() {
            @Override
            public void onStepEnd(String runId, StepRun stepRun) {
                if (stepRun.state() == StepState.FAILED || stepRun.state() == StepState.TIMED_OUT) {
                    callback.accept(stepRun);
                }
            }
        };
    }

    /**
     * @param callback called with each step that ends {@link StepState#SUCCEEDED}
     * @return a listener that calls it
     */
    static PipelineListener onStepSuccess(Consumer<StepRun> callback) {
        return new PipelineListener() {
            @Override
            public void onStepEnd(String runId, StepRun stepRun) {
                if (stepRun.state() == StepState.SUCCEEDED) {
                    callback.accept(stepRun);
                }
            }
        };
    }

    /**
     * @param onSuccess called with each run that ends {@link PipelineState#SUCCEEDED}
     * @param onFailure called with each run that ends otherwise (failed or cancelled)
     * @return a listener that calls them
     */
    static PipelineListener onPipelineEnd(Consumer<PipelineRun> onSuccess, Consumer<PipelineRun> onFailure) {
        return new PipelineListener() {
            @Override
            public void onPipelineEnd(PipelineRun run) {
                (run.state() == PipelineState.SUCCEEDED ? onSuccess : onFailure).accept(run);
            }
        };
    }
}
