package org.mlops4j.drift.suite;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one check on one column (or on the whole window).
 *
 * @param check          the check's name, such as {@code "missing_share"}
 * @param column         the column checked, or empty for a check of the whole window
 * @param status         the verdict
 * @param value          the value computed on the current window; NaN when it could not be computed
 * @param referenceValue the same value on the reference window, when the check has one; NaN otherwise
 * @param condition      the condition as a report shows it (such as {@code "≤ 0.05"}); empty when none applied
 * @param message        what was found, in words
 */
public record CheckResult(String check, Optional<String> column, CheckStatus status, double value,
                          double referenceValue, String condition, String message) {

    /** Checks that nothing is missing. */
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @param check          the declared check
     * @param column         the column, or null for the whole window
     * @param value          the current window's value
     * @param referenceValue the reference's value, or NaN
     * @param condition      the condition that applied
     * @param message        what was found
     * @return a pass when the condition holds, else a failure or (for a check that is not critical) a warning
     */
    static CheckResult judged(Check check, String column, double value, double referenceValue, Condition condition,
            String message) {
        CheckStatus status = condition.test(value) ? CheckStatus.PASS
                : check.critical() ? CheckStatus.FAIL : CheckStatus.WARN;
        return new CheckResult(check.kind().key(), Optional.ofNullable(column), status, value, referenceValue,
                condition.describe(), message);
    }

    /**
     * @param check   the declared check
     * @param column  the column, or null for the whole window
     * @param problem why the check could not be computed, and how to fix it
     * @return an error result
     */
    static CheckResult error(Check check, String column, String problem) {
        return new CheckResult(check.kind().key(), Optional.ofNullable(column), CheckStatus.ERROR, Double.NaN,
                Double.NaN, "", problem);
    }
}
