package org.mlops4j.core.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one attempt of a step returns: its outputs by name and, for a branching step, which of its downstream steps
 * are to run.
 *
 * <pre>{@code
 * return StepResult.of("features", table).and("rows", table.rowCount());
 * return StepResult.branch("train_small");        // run only this downstream step; skip the others
 * }</pre>
 *
 * @param outputs       the outputs by name; values must not be {@code null}
 * @param chosenBranches when present, the names of the downstream steps to run; every other step that depends
 *                      directly on this one is {@link StepState#SKIPPED}. Empty when the step does not branch.
 */
public record StepResult(Map<String, Object> outputs, Optional<Set<String>> chosenBranches) {

    /**
     * @throws NullPointerException when an output's name or value is {@code null}
     */
    public StepResult {
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(chosenBranches, "chosenBranches");
        Map<String, Object> copy = new LinkedHashMap<>();
        outputs.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "output name"),
                Objects.requireNonNull(value, () -> "Output '" + name + "' is null; outputs must have values")));
        outputs = java.util.Collections.unmodifiableMap(copy);
        chosenBranches = chosenBranches.map(Set::copyOf);
    }

    /** @return a result without outputs (for steps that only have side effects) */
    public static StepResult empty() {
        return new StepResult(Map.of(), Optional.empty());
    }

    /**
     * @param name  the output's name
     * @param value its value
     * @return a result with this one output
     */
    public static StepResult of(String name, Object value) {
        return new StepResult(Map.of(name, value), Optional.empty());
    }

    /**
     * @param outputs the outputs by name
     * @return a result with these outputs
     */
    public static StepResult of(Map<String, ?> outputs) {
        return new StepResult(new LinkedHashMap<>(outputs), Optional.empty());
    }

    /**
     * @param downstreamSteps the names of the directly downstream steps to run; the others are skipped
     * @return a result without outputs that chooses these branches
     */
    public static StepResult branch(String... downstreamSteps) {
        return new StepResult(Map.of(), Optional.of(Set.copyOf(List.of(downstreamSteps))));
    }

    /**
     * @param name  another output's name
     * @param value its value
     * @return a result with this output added
     */
    public StepResult and(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(outputs);
        more.put(name, value);
        return new StepResult(more, chosenBranches);
    }

    /**
     * @param downstreamSteps the names of the directly downstream steps to run; the others are skipped
     * @return this result, choosing these branches
     */
    public StepResult choosing(String... downstreamSteps) {
        return new StepResult(outputs, Optional.of(Set.copyOf(List.of(downstreamSteps))));
    }
}
