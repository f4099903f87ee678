package org.mlops4j.core.tracking;

/**
 * The tag keys that mlops4j sets and reads itself. Those under {@link #PREFIX} are MLflow's keys, so a store's content
 * means the same to MLflow tools.
 */
public final class SystemTags {

    /** The prefix of every system tag. */
    public static final String PREFIX = "mlflow.";
    /** The run's name; setting it renames the run. */
    public static final String RUN_NAME = "mlflow.runName";
    /** The id of the parent of a nested run. */
    public static final String PARENT_RUN_ID = "mlflow.parentRunId";
    /** The user who started the run. */
    public static final String USER = "mlflow.user";
    /** A free-text description of the run. */
    public static final String NOTE = "mlflow.note.content";
    /** How the run was started ({@code LOCAL} for a JVM process). */
    public static final String SOURCE_TYPE = "mlflow.source.type";
    /** The program that started the run (the main class). */
    public static final String SOURCE_NAME = "mlflow.source.name";
    /**
     * Why a run ended as it did, when mlops4j ended it rather than the caller (an mlops4j key: MLflow has none), for
     * example {@link ActiveRun#CLOSED_BEFORE_END}.
     */
    public static final String END_REASON = "mlops.endReason";

    private SystemTags() {
    }
}
