package org.mlops4j.core.pipeline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * Why one attempt of a step failed.
 *
 * @param attempt    the attempt's number, from 1
 * @param type       the exception's class name, or {@code "timeout"} for an attempt that ran past its timeout
 * @param message    what went wrong
 * @param stackTrace the full stack trace with causes; empty for timeouts
 */
public record StepError(int attempt, String type, String message, String stackTrace) {

    /** Checks that nothing is {@code null}. */
    public StepError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(stackTrace, "stackTrace");
    }

    /**
     * @param attempt the attempt's number
     * @param failure what the step threw
     * @return the error, with the exception's message (or its class name when it has none) and stack trace
     */
    public static StepError of(int attempt, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        return new StepError(attempt, failure.getClass().getName(), message, trace.toString());
    }
}
