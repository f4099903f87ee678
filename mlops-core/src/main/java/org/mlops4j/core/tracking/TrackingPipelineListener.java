package org.mlops4j.core.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.mlops4j.core.pipeline.PipelineListener;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.StepRun;
import org.mlops4j.core.pipeline.StepState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records pipeline runs in a tracking store: each pipeline run is a tracking run, and each of its steps a nested run,
 * so that pipeline history is searched, compared and shown like any other run.
 *
 * <p>What is recorded:
 * <ul>
 *   <li>pipeline run: tags {@value #PIPELINE_TAG} (the pipeline's name), {@value #PIPELINE_RUN_TAG} (the runner's run
 *       id) and {@value #STATE_TAG}; metrics {@code duration_seconds}, {@code steps_succeeded},
 *       {@code steps_failed}; status FINISHED when the pipeline succeeded, FAILED when it failed, KILLED when it was
 *       cancelled;</li>
 *   <li>step run (a child of the pipeline run): tags {@value #STEP_TAG}, {@value #STATE_TAG}, {@code
 *       mlops.pipeline.restored} and the fingerprint; metrics {@code attempts} and {@code duration_seconds}; the
 *       step's log lines as the artifact {@code step.log}, and each failed attempt's error and stack trace as
 *       {@code errors.txt}.</li>
 * </ul>
 * Find a pipeline's runs with the filter {@code tags.`mlops.pipeline` = 'data'}.
 *
 * <p>Thread-safe; one listener can serve many concurrent runs. A failure to record is logged and does not fail the
 * pipeline (see {@link PipelineListener}).
 */
public final class TrackingPipelineListener implements PipelineListener {

    /** The tag with the pipeline's name, on pipeline runs. */
    public static final String PIPELINE_TAG = "mlops.pipeline";
    /** The tag with the runner's run id, on pipeline runs. */
    public static final String PIPELINE_RUN_TAG = "mlops.pipeline.run_id";
    /** The tag with the step's name, on step runs. */
    public static final String STEP_TAG = "mlops.pipeline.step";
    /** The tag with the final state, on pipeline and step runs. */
    public static final String STATE_TAG = "mlops.pipeline.state";
    /** The experiment that pipeline runs go to unless another is given. */
    public static final String DEFAULT_EXPERIMENT = "pipelines";

    private static final Logger LOG = LoggerFactory.getLogger(TrackingPipelineListener.class);

    private final TrackingClient tracking;
    private final String experiment;
    private final Map<String, ActiveRun> pipelineRuns = new ConcurrentHashMap<>();
    private final Map<String, ActiveRun> stepRuns = new ConcurrentHashMap<>();

    private TrackingPipelineListener(TrackingClient tracking, String experiment) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
        this.experiment = Objects.requireNonNull(experiment, "experiment");
    }

    /**
     * @param tracking where to record
     * @return a listener that records into the experiment {@value #DEFAULT_EXPERIMENT}
     */
    public static TrackingPipelineListener of(TrackingClient tracking) {
        return new TrackingPipelineListener(tracking, DEFAULT_EXPERIMENT);
    }

    /**
     * @param tracking   where to record
     * @param experiment the experiment to record into (created if missing)
     * @return the listener
     */
    public static TrackingPipelineListener of(TrackingClient tracking, String experiment) {
        return new TrackingPipelineListener(tracking, experiment);
    }

    /**
     * @param runnerRunId a pipeline run id given by the runner
     * @return the tracking run id it is recorded under, while the run is going on
     */
    public java.util.Optional<String> trackingRunId(String runnerRunId) {
        return java.util.Optional.ofNullable(pipelineRuns.get(runnerRunId)).map(ActiveRun::id);
    }

    @Override
    public void onPipelineStart(String runId, String pipelineName, Instant start) {
        ActiveRun run = tracking.startRun(tracking.getOrCreateExperiment(experiment), pipelineName,
                Map.of(PIPELINE_TAG, pipelineName, PIPELINE_RUN_TAG, runId));
        pipelineRuns.put(runId, run);
    }

    @Override
    public void onStepStart(String runId, String stepName, int attempt, Instant start) {
        ActiveRun parent = pipelineRuns.get(runId);
        if (parent != null && attempt == 1) {
            stepRuns.computeIfAbsent(stepKey(runId, stepName), k -> startStep(parent, stepName));
        }
    }

    @Override
    public void onStepEnd(String runId, StepRun step) {
        ActiveRun parent = pipelineRuns.get(runId);
        if (parent == null) {
            return;
        }
        ActiveRun run = stepRuns.remove(stepKey(runId, step.stepName()));
        if (run == null) {
            run = startStep(parent, step.stepName());
        }
        run.setTags(Map.of(STATE_TAG, step.state().name(), "mlops.pipeline.restored", Boolean.toString(step.restored()),
                "mlops.pipeline.fingerprint", step.fingerprint()));
        if (!step.note().isEmpty()) {
            run.setTag("mlops.note.content", step.note());
        }
        run.logMetric("attempts", step.attempts());
        run.logMetric("duration_seconds", seconds(step.start(), step.end()));
        if (!step.logLines().isEmpty()) {
            run.logText(step.logLines().stream()
                    .map(l -> l.time() + " [attempt " + l.attempt() + "] " + l.level() + " " + l.message())
                    .collect(Collectors.joining("\n", "", "\n")), "step.log");
        }
        if (!step.errors().isEmpty()) {
            run.logText(step.errors().stream()
                    .map(e -> "attempt " + e.attempt() + ": " + e.type() + ": " + e.message() + "\n" + e.stackTrace())
                    .collect(Collectors.joining("\n")), "errors.txt");
        }
        run.end(statusOf(step.state()));
    }

    @Override
    public void onPipelineEnd(PipelineRun pipelineRun) {
        ActiveRun run = pipelineRuns.remove(pipelineRun.runId());
        if (run == null) {
            return;
        }
        stepRuns.keySet().removeIf(key -> key.startsWith(pipelineRun.runId() + '\u0000'));
        long succeeded = pipelineRun.steps().stream().filter(s -> s.state() == StepState.SUCCEEDED).count();
        long failed = pipelineRun.steps().stream()
                .filter(s -> s.state() == StepState.FAILED || s.state() == StepState.TIMED_OUT).count();
        run.setTag(STATE_TAG, pipelineRun.state().name());
        run.logMetric("duration_seconds", seconds(pipelineRun.start(), pipelineRun.end()));
        run.logMetric("steps_succeeded", succeeded);
        run.logMetric("steps_failed", failed);
        run.end(switch (pipelineRun.state()) {
            case SUCCEEDED -> RunStatus.FINISHED;
            case CANCELLED -> RunStatus.KILLED;
            case FAILED, RUNNING -> RunStatus.FAILED;
        });
        LOG.debug("Recorded pipeline run {} of '{}' as tracking run {}", pipelineRun.runId(),
                pipelineRun.pipelineName(), run.id());
    }

    private ActiveRun startStep(ActiveRun parent, String stepName) {
        ActiveRun child = parent.startChildRun(stepName);
        child.setTag(STEP_TAG, stepName);
        return child;
    }

    private static RunStatus statusOf(StepState state) {
        return switch (state) {
            case SUCCEEDED, SKIPPED -> RunStatus.FINISHED;
            case FAILED, TIMED_OUT, UPSTREAM_FAILED -> RunStatus.FAILED;
            case CANCELLED -> RunStatus.KILLED;
        };
    }

    private static String stepKey(String runId, String stepName) {
        return runId + '\u0000' + stepName;
    }

    private static double seconds(Instant start, Instant end) {
        return Duration.between(start, end).toNanos() / 1e9;
    }
}
