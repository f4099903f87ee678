package org.mlops4j.core.tracking;

/**
 * The state of a run. The numbers are MLflow's, so stores that keep an integer stay compatible with it.
 */
public enum RunStatus {
    /** Started and not yet ended. */
    RUNNING(1),
    /** Created to run later. */
    SCHEDULED(2),
    /** Ended normally. */
    FINISHED(3),
    /** Ended because of an error. */
    FAILED(4),
    /** Ended because it was stopped from outside. */
    KILLED(5);

    private final int code;

    RunStatus(int code) {
        this.code = code;
    }

    /** @return MLflow's number for this status */
    public int code() {
        return code;
    }

    /** @return whether the run has ended (FINISHED, FAILED or KILLED) */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }

    /**
     * @param code MLflow's number
     * @return the status
     * @throws IllegalArgumentException for an unknown number
     */
    public static RunStatus fromCode(int code) {
        for (RunStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown run status code " + code + "; expected 1 to 5");
    }
}
