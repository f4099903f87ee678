package org.mlops4j.models.internal;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Rows of named features as a {@link CompactScorer} reads them: for each row, the names and values of its
 * non-absent features. The model API's {@code EncodedRows} is given to the scorers through this view, so that the
 * trainers' packages use nothing of the model API. Implementations are immutable; the arrays are not copied, so
 * callers must not change them.
 */
public interface SparseRows {

    /** @return the number of rows */
    int size();

    /**
     * @param row a row index
     * @return the row's feature names; empty when the row could not be encoded
     */
    String[] featureNames(int row);

    /**
     * @param row a row index
     * @return the row's feature values, parallel to {@link #featureNames(int)}
     */
    double[] values(int row);
}
