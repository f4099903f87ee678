package org.mlops4j.models;

/**
 * How far one candidate of a comparison or a tuning got.
 */
public enum CandidateStatus {
    /** Every fold was trained and scored. */
    COMPLETED,
    /** Training or scoring threw; the entry's message says why. */
    FAILED,
    /** The family cannot run here (XGBoost without its native library); the message says why. */
    UNAVAILABLE,
    /** The time budget ran out before every fold finished; finished folds are kept but not summarised. */
    NOT_FINISHED
}
