package org.mlops4j.core.monitor;

import java.util.Objects;

/**
 * How one action of a decision went: done, with what it reported, or failed, with why.
 *
 * @param action    the action as configured, such as {@code pipeline:retrain} or {@code log}
 * @param succeeded whether it completed without an exception
 * @param detail    what the action reported (such as a pipeline run's id) or, on failure, the exception's class and
 *                  message
 * @param millis    how long it took, in milliseconds
 */
public record ActionResult(String action, boolean succeeded, String detail, long millis) {

    /** Checks that nothing is missing. */
    public ActionResult {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @param action the action as configured
     * @param detail what it reported
     * @param millis how long it took
     * @return a success
     */
    public static ActionResult success(String action, String detail, long millis) {
        return new ActionResult(action, true, detail, millis);
    }

    /**
     * @param action the action as configured
     * @param error  what it threw
     * @param millis how long it took
     * @return a failure describing the exception
     */
    public static ActionResult failure(String action, Throwable error, long millis) {
        String message = error.getMessage() == null ? "" : ": " + error.getMessage();
        return new ActionResult(action, false, error.getClass().getName() + message, millis);
    }
}
