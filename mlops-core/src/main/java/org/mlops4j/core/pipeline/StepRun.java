package org.mlops4j.core.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one step in one pipeline run. Steps that did not run (skipped, upstream failed, cancelled before
 * they started) have zero attempts, and start and end at the moment that was decided.
 *
 * @param stepName    the step's name
 * @param state       its final state
 * @param attempts    how many attempts were started (0 when the step did not run or its outputs were restored)
 * @param start       when the first attempt started, or when the step's fate was decided
 * @param end         when the step reached its final state
 * @param restored    whether its outputs were loaded from the {@link StepOutputStore} instead of running it
 * @param fingerprint the step's fingerprint (SHA-256 of its name, type, version, parameters and the fingerprints of
 *                    its inputs), hex; empty when the runner has no output store
 * @param note        why the step was skipped, failed upstream or cancelled; empty otherwise
 * @param errors      why each failed attempt failed, in order
 * @param logLines    what the step logged, all attempts in order
 */
public record StepRun(String stepName, StepState state, int attempts, Instant start, Instant end, boolean restored,
                      String fingerprint, String note, List<StepError> errors, List<LogLine> logLines) {

    /** Checks that nothing is {@code null} and copies the lists. */
    public StepRun {
        Objects.requireNonNull(stepName, "stepName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(note, "note");
        errors = List.copyOf(errors);
        logLines = List.copyOf(logLines);
    }

    /** @return the error of the last failed attempt, if any attempt failed */
    public Optional<StepError> lastError() {
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(errors.size() - 1));
    }

    /** @return the time from start to end */
    public Duration duration() {
        return Duration.between(start, end);
    }
}
