package org.mlops4j.core.pipeline;

/**
 * When a step runs, given the final states of the steps it depends on (its upstream steps). A step with no upstream
 * steps always runs. The rule is applied once every upstream step has reached a final state.
 *
 * <p>"Failed" below means {@link StepState#FAILED}, {@link StepState#TIMED_OUT} or {@link StepState#UPSTREAM_FAILED}.
 * The names follow Apache Airflow's trigger rules of the same names.
 */
public enum TriggerRule {
    /**
     * Runs when every upstream step succeeded (the default). When one failed the step is
     * {@link StepState#UPSTREAM_FAILED}; otherwise, when one was skipped, the step is {@link StepState#SKIPPED}.
     */
    ALL_SUCCESS,
    /** Runs once every upstream step has finished, whatever its state (cleanup and reporting steps). */
    ALL_DONE,
    /** Runs when at least one upstream step failed (alerting steps); otherwise the step is skipped. */
    ONE_FAILED,
    /**
     * Runs when at least one upstream step succeeded; otherwise the step is {@link StepState#UPSTREAM_FAILED} if one
     * failed, else skipped.
     */
    ONE_SUCCESS,
    /**
     * Runs when no upstream step failed, so skipped ones are allowed: the rule for the step that joins the branches
     * after a branching step. Otherwise the step is {@link StepState#UPSTREAM_FAILED}.
     */
    NONE_FAILED;

    /** @return the lower-case name used in pipeline files, such as {@code "all_success"} */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param key a rule's {@link #key()} in any case, such as {@code "none_failed"}
     * @return the rule
     * @throws IllegalArgumentException naming the accepted keys when there is no such rule
     */
    public static TriggerRule fromKey(String key) {
        for (TriggerRule rule : values()) {
            if (rule.key().equalsIgnoreCase(key.trim())) {
                return rule;
            }
        }
        throw new IllegalArgumentException("Unknown trigger rule '" + key
                + "'; expected one of all_success, all_done, one_failed, one_success, none_failed");
    }
}
