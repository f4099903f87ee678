package org.mlops4j.models;

/**
 * One line of a classification report (scikit-learn's {@code classification_report} with {@code zero_division=0}):
 * a class, or the macro or weighted average over classes.
 *
 * @param label     the class label, or {@code macro avg} / {@code weighted avg}
 * @param precision true positives over predicted positives (0 when nothing was predicted as the class)
 * @param recall    true positives over actual positives (0 when the class has no rows)
 * @param f1        the harmonic mean of precision and recall (0 when both are 0)
 * @param support   rows whose true class this is (for averages: all rows)
 */
public record ClassReport(String label, double precision, double recall, double f1, long support) {
}
