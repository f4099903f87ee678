package org.mlops4j.models;

/**
 * What a model predicts: a class among a few labels, or a number.
 */
public enum TaskType {
    /** Predicts one of a fixed set of labels (binary or multiclass). */
    CLASSIFICATION,
    /** Predicts a real number. */
    REGRESSION
}
