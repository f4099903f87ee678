package org.mlops4j.core.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.pipeline.internal.ParameterValues;

/**
 * The {@link StepContext} of one attempt.
 */
final class AttemptContext implements StepContext {

    private final String pipelineName;
    private final String runId;
    private final String stepName;
    private final int attempt;
    private final List<String> declaredInputs;
    private final Map<String, Object> inputs;
    private final Map<String, Object> parameters;
    private final StepLog log;
    private final BooleanSupplier cancelled;

    /**
     * @param pipelineName   the pipeline's name
     * @param runId          the run's id
     * @param stepName       the step's name
     * @param attempt        the attempt's number
     * @param declaredInputs the inputs the step declares
     * @param inputs         the inputs available, by name
     * @param parameters     the step's parameters
     * @param log            the attempt's log
     * @param cancelled      whether the attempt should stop
     */
    public AttemptContext(String pipelineName, String runId, String stepName, int attempt, List<String> declaredInputs,
                          Map<String, Object> inputs, Map<String, Object> parameters, StepLog log,
                          BooleanSupplier cancelled) {
        this.pipelineName = pipelineName;
        this.runId = runId;
        this.stepName = stepName;
        this.attempt = attempt;
        this.declaredInputs = declaredInputs;
        this.inputs = Map.copyOf(inputs);
        this.parameters = parameters;
        this.log = log;
        this.cancelled = cancelled;
    }

    @Override
    public String pipelineName() {
        return pipelineName;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String stepName() {
        return stepName;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Map<String, Object> inputs() {
        return inputs;
    }

    @Override
    public <T> T input(String name, Class<T> type) {
        return findInput(name, type).orElseThrow(() -> new MlopsException("Step '" + stepName + "': input '" + name
                + "' is not available because the step that outputs it did not succeed in run " + runId
                + "; use findInput for inputs that may be missing"));
    }

    @Override
    public <T> Optional<T> findInput(String name, Class<T> type) {
        if (!declaredInputs.contains(name)) {
            throw new MlopsException("Step '" + stepName + "' asked for input '" + name + "' but declares only "
                    + declaredInputs + "; add it to the step's inputs");
        }
        Object value = inputs.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            throw new MlopsException("Step '" + stepName + "': input '" + name + "' is a "
                    + value.getClass().getName() + ", not a " + type.getName());
        }
        return Optional.of(type.cast(value));
    }

    @Override
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public <T> T param(String name, Class<T> type) {
        if (!parameters.containsKey(name)) {
            throw new MlopsException("Step '" + stepName + "' needs parameter '" + name + "' but it is not set "
                    + "(parameters: " + parameters.keySet() + ")");
        }
        return convert(name, parameters.get(name), type);
    }

    @Override
    public <T> T param(String name, Class<T> type, T defaultValue) {
        return parameters.containsKey(name) ? convert(name, parameters.get(name), type) : defaultValue;
    }

    @SuppressWarnings("unchecked")
    private <T> T convert(String name, Object value, Class<T> type) {
        try {
            return (T) ParameterValues.convert(value, type);
        } catch (RuntimeException e) {
            throw new MlopsException("Step '" + stepName + "': parameter '" + name + "' has value '" + value
                    + "' (" + value.getClass().getSimpleName() + "), which is not a " + type.getSimpleName()
                    + (type == Duration.class ? " (expected ISO-8601 such as PT30S)" : ""), e);
        }
    }

    @Override
    public StepLog log() {
        return log;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
