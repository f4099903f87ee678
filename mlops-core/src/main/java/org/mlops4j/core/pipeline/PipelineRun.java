package org.mlops4j.core.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a pipeline: its state, times and one {@link StepRun} per step, in the pipeline's order.
 *
 * <p>The outputs are the values the steps produced in this run (or restored), by output name; they are held in memory
 * only and are not part of the recorded history.
 *
 * @param runId        the run's id, unique and sortable by start time
 * @param pipelineName the pipeline's name
 * @param state        the run's state
 * @param start        when the run started
 * @param end          when it ended; for a {@link PipelineState#RUNNING} run, when its record was written
 * @param steps        one record per step that has finished, in the pipeline's order
 * @param outputs      the outputs of the steps that succeeded, by name (not recorded in history)
 */
public record PipelineRun(String runId, String pipelineName, PipelineState state, Instant start, Instant end,
                          List<StepRun> steps, @JsonIgnore Map<String, Object> outputs) {

    /** Checks that nothing is {@code null} and copies the collections. */
    public PipelineRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pipelineName, "pipelineName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        steps = List.copyOf(steps);
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /**
     * @param stepName a step's name
     * @return the step's record, if the step has finished in this run
     */
    public Optional<StepRun> step(String stepName) {
        return steps.stream().filter(s -> s.stepName().equals(stepName)).findFirst();
    }

    /**
     * @param stepName a step's name
     * @return the step's final state
     * @throws IllegalArgumentException naming the recorded steps when the step has no record in this run
     */
    public StepState stateOf(String stepName) {
        return step(stepName).map(StepRun::state).orElseThrow(() -> new IllegalArgumentException(
                "Run " + runId + " of pipeline '" + pipelineName + "' has no step '" + stepName + "'; steps: "
                        + steps.stream().map(StepRun::stepName).toList()));
    }

    /**
     * @param name an output's name
     * @param type the type expected
     * @param <T>  the type expected
     * @return the output, if a step produced it in this run
     * @throws ClassCastException when the output is of another type
     */
    public <T> Optional<T> output(String name, Class<T> type) {
        return Optional.ofNullable(outputs.get(name)).map(type::cast);
    }

    /** @return the time from start to end */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** @return this run without its outputs, as the history records it */
    public PipelineRun withoutOutputs() {
        return new PipelineRun(runId, pipelineName, state, start, end, steps, Map.of());
    }
}
