package org.mlops4j.core.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.Progress;
import org.mlops4j.core.ProgressListener;

/**
 * A {@link PipelineListener} that reports a pipeline's runs as {@link Progress}: a unit of work is one step; an
 * event when a step's attempt starts and one when the step reaches its final state.
 *
 * <pre>{@code
 * Pipeline pipeline = LeadScoringTraining.pipeline(...);
 * PipelineRunner runner = PipelineRunner.builder().listener(PipelineProgress.of(pipeline, printer)).build();
 * }</pre>
 *
 * <p>Made for one pipeline; it follows one run at a time (the runner calls it one call at a time, in order).
 */
public final class PipelineProgress implements PipelineListener {

    private final ProgressListener out;
    private final String task;
    private final int steps;
    private final Map<String, Integer> order = new HashMap<>();
    private long startNanos = System.nanoTime();
    private int done;

    private PipelineProgress(Pipeline pipeline, ProgressListener out) {
        this.out = Objects.requireNonNull(out, "out");
        this.task = "pipeline " + pipeline.name();
        this.steps = Math.max(1, pipeline.steps().size());
    }

    /**
     * @param pipeline the pipeline whose runs to report
     * @param out      where the events go
     * @return the listener to add to the runner
     */
    public static PipelineProgress of(Pipeline pipeline, ProgressListener out) {
        return new PipelineProgress(pipeline, out);
    }

    @Override
    public synchronized void onPipelineStart(String runId, String pipelineName, Instant start) {
        startNanos = System.nanoTime();
        done = 0;
        order.clear();
    }

    @Override
    public synchronized void onStepStart(String runId, String stepName, int attempt, Instant start) {
        out.onProgress(progress(stepName, attempt > 1 ? "attempt " + attempt : ""));
    }

    @Override
    public synchronized void onStepEnd(String runId, StepRun stepRun) {
        done = Math.min(steps, done + 1);
        out.onProgress(progress(stepRun.stepName(), stepRun.state().name().toLowerCase(Locale.ROOT)
                + (stepRun.restored() ? " (restored)" : "")));
    }

    private Progress progress(String stepName, String detail) {
        int index = order.computeIfAbsent(stepName, name -> Math.min(steps, order.size() + 1));
        return new Progress(task, "step " + stepName + " (" + index + " of " + steps + ")", detail, done, steps,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
