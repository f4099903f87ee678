package org.mlops4j.core.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One line that a step wrote through {@link StepContext#log()}.
 *
 * @param time    when it was written
 * @param attempt the attempt that wrote it, from 1
 * @param level   {@code INFO}, {@code WARN} or {@code ERROR}
 * @param message the formatted message
 */
public record LogLine(Instant time, int attempt, String level, String message) {

    /** Checks that nothing is {@code null}. */
    public LogLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }
}
