package org.mlops4j.core.pipeline;

/**
 * The log of one step attempt. Messages use SLF4J's {@code {}} placeholders; a trailing {@link Throwable} argument is
 * logged with its stack trace. Every line goes to SLF4J (logger {@code org.mlops4j.pipeline.<pipeline>}) and is kept in
 * the step's {@link StepRun#logLines()}. Thread-safe.
 */
public interface StepLog {

    /**
     * @param pattern   the message with {@code {}} placeholders
     * @param arguments the values for the placeholders
     */
    void info(String pattern, Object... arguments);

    /**
     * @param pattern   the message with {@code {}} placeholders
     * @param arguments the values for the placeholders
     */
    void warn(String pattern, Object... arguments);

    /**
     * @param pattern   the message with {@code {}} placeholders
     * @param arguments the values for the placeholders
     */
    void error(String pattern, Object... arguments);
}
