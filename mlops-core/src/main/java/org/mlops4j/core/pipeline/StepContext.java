package org.mlops4j.core.pipeline;

import java.util.Map;
import java.util.Optional;

/**
 * What a step sees while one of its attempts runs: its inputs, its parameters, the attempt number, a log that is
 * recorded in the step's history, and whether it should stop.
 *
 * <p>The runner makes one context per attempt; a context is used by the step's own thread (its methods are also safe
 * to call from threads the step starts).
 */
public interface StepContext {

    /** @return the pipeline's name */
    String pipelineName();

    /** @return the id of the pipeline run this attempt belongs to */
    String runId();

    /** @return the step's name */
    String stepName();

    /** @return this attempt's number, from 1 */
    int attempt();

    /**
     * The inputs this step declared and that upstream steps produced. An input is absent only when the step that
     * outputs it did not succeed and this step runs anyway (trigger rules {@code ALL_DONE}, {@code ONE_FAILED},
     * {@code ONE_SUCCESS}, {@code NONE_FAILED}).
     *
     * @return the available inputs by name
     */
    Map<String, Object> inputs();

    /**
     * @param name an input this step declared
     * @param type the type expected
     * @param <T>  the type expected
     * @return the input
     * @throws org.mlops4j.core.MlopsException naming the step and the input when the step did not declare it, its
     *                                         producer did not succeed, or it is of another type
     */
    <T> T input(String name, Class<T> type);

    /**
     * @param name an input this step declared
     * @param type the type expected
     * @param <T>  the type expected
     * @return the input, or empty when its producer did not succeed
     * @throws org.mlops4j.core.MlopsException when the step did not declare the input or it is of another type
     */
    <T> Optional<T> findInput(String name, Class<T> type);

    /** @return the step's parameters */
    Map<String, Object> parameters();

    /**
     * A parameter converted to a type: numbers convert between {@link Integer}, {@link Long} and {@link Double};
     * text converts to numbers, booleans and {@link java.time.Duration} (ISO-8601, such as {@code PT30S}).
     *
     * @param name a parameter's name
     * @param type the type wanted
     * @param <T>  the type wanted
     * @return the parameter
     * @throws org.mlops4j.core.MlopsException naming the step and the parameter when it is missing or cannot be
     *                                         converted
     */
    <T> T param(String name, Class<T> type);

    /**
     * @param name         a parameter's name
     * @param type         the type wanted
     * @param defaultValue the value when the parameter is not set
     * @param <T>          the type wanted
     * @return the parameter, or the default
     * @throws org.mlops4j.core.MlopsException naming the step and the parameter when it cannot be converted
     */
    <T> T param(String name, Class<T> type, T defaultValue);

    /** @return a log whose lines go to SLF4J and into the step's {@link StepRun#logLines()} */
    StepLog log();

    /**
     * @return whether the step should stop: the pipeline run was cancelled or this attempt ran past its timeout. A
     *         long step checks this between units of work (the attempt's thread is also interrupted).
     */
    boolean isCancelled();

    /**
     * @throws java.util.concurrent.CancellationException when {@link #isCancelled()}
     */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new java.util.concurrent.CancellationException("Step '" + stepName() + "' of run " + runId()
                    + " was cancelled or timed out");
        }
    }
}
