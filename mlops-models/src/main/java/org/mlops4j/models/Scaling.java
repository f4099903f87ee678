package org.mlops4j.models;

/**
 * How numeric feature columns are rescaled before a model sees them. One-hot and boolean features are never
 * rescaled (a constant indicator would divide by a zero spread). The statistics come from the training rows only.
 */
public enum Scaling {
    /** Values as they are (after imputation); for tree models. */
    NONE,
    /** {@code (x - mean) / std}, population std; a constant column is only centred. For linear models, SVMs, KNN. */
    STANDARD,
    /** {@code (x - min) / (max - min)}, clipped to [0, 1] so that unseen extremes stay non-negative; for naive Bayes. */
    MIN_MAX
}
