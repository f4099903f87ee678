package org.mlops4j.core.tracking;

/**
 * The size limits every tracking store enforces; they are MLflow's. A value over a limit is rejected with an
 * {@link InvalidTrackingInputException} that names the limit.
 */
public final class TrackingLimits {

    /** The longest metric, param or tag key, and the longest run name, in characters: {@value}. */
    public static final int MAX_KEY_LENGTH = 250;
    /** The longest param value, in characters: {@value}. */
    public static final int MAX_PARAM_VALUE_LENGTH = 6000;
    /** The longest run tag value, in characters: {@value}. */
    public static final int MAX_RUN_TAG_VALUE_LENGTH = 8000;
    /** The longest experiment tag value, in characters: {@value}. */
    public static final int MAX_EXPERIMENT_TAG_VALUE_LENGTH = 5000;
    /** The longest experiment name, in characters: {@value}. */
    public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
    /** The most metric values in one batch: {@value}. */
    public static final int MAX_METRICS_PER_BATCH = 1000;
    /** The most params in one batch: {@value}. */
    public static final int MAX_PARAMS_PER_BATCH = 100;
    /** The most tags in one batch: {@value}. */
    public static final int MAX_TAGS_PER_BATCH = 100;
    /** The most metrics, params and tags together in one batch: {@value}. */
    public static final int MAX_ENTITIES_PER_BATCH = 1000;
    /** The longest artifact path, in characters: {@value}. */
    public static final int MAX_ARTIFACT_PATH_LENGTH = 1000;

    private TrackingLimits() {
    }
}
