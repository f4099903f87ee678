package org.mlops4j.core.pipeline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import org.mlops4j.core.CausedByInput;

/**
 * Why one attempt of a step failed.
 *
 * @param attempt       the attempt's number, from 1
 * @param type          the exception's class name, or {@code "timeout"} for an attempt that ran past its timeout
 * @param message       what went wrong
 * @param stackTrace    the full stack trace with causes; empty for timeouts
 * @param causedByInput whether the step failed because of its input: the exception or one of its causes is
 *                      {@link CausedByInput} (a bad value, a missing file, an unknown model), so that running it
 *                      again unchanged fails again
 */
public record StepError(int attempt, String type, String message, String stackTrace, boolean causedByInput) {

    /** Checks that nothing is {@code null}. */
    public StepError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(stackTrace, "stackTrace");
    }

    /**
     * An error that is not {@linkplain #causedByInput() caused by input}, such as a timeout.
     *
     * @param attempt    the attempt's number, from 1
     * @param type       the exception's class name, or {@code "timeout"}
     * @param message    what went wrong
     * @param stackTrace the full stack trace with causes; empty for timeouts
     */
    public StepError(int attempt, String type, String message, String stackTrace) {
        this(attempt, type, message, stackTrace, false);
    }

    /**
     * @param attempt the attempt's number
     * @param failure what the step threw
     * @return the error, with the exception's message (or its class name when it has none), stack trace and whether
     *         it was caused by input
     */
    public static StepError of(int attempt, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        return new StepError(attempt, failure.getClass().getName(), message, trace.toString(),
                CausedByInput.isCausedByInput(failure));
    }
}
