package org.mlops4j.models.internal;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A trained model in a compact array form that scores encoded rows directly, with the same results as the genuine
 * Tribuo model it was trained with, but without building a Tribuo example, a sparse vector and a prediction per row.
 * Cross-validation scores through it when the trainer made one. Implementations are immutable and thread-safe.
 */
public interface CompactScorer {

    /** @return the number of values per prediction: the classes by Tribuo output id, or 1 (regression) */
    int width();

    /**
     * @param rows rows of named features
     * @return per row, the class probabilities by Tribuo output id (classification) or the one predicted value
     */
    double[][] predict(SparseRows rows);
}
