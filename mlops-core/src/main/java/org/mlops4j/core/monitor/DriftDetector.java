package org.mlops4j.core.monitor;

import org.mlops4j.core.data.Column;

/**
 * A statistical test that tells whether a column's current values are distributed differently from its reference
 * values.
 *
 * <p>Implementations are stateless and safe to use from several threads.
 */
public interface DriftDetector {

    /** @return the test's name, the same as its provider's */
    String name();

    /**
     * Compares two samples of one column.
     *
     * @param reference the reference sample (typically the training data)
     * @param current   the current sample (typically a serving window), of the same type
     * @param threshold the threshold against which the score decides drift
     * @return the score and the verdict
     * @throws org.mlops4j.core.MlopsException when the samples cannot be compared (types differ, a sample is empty)
     */
    DriftTestResult test(Column reference, Column current, double threshold);
}
