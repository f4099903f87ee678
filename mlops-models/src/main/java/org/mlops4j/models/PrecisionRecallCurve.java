package org.mlops4j.models;

import java.util.List;

/**
 * A precision-recall curve of a binary score, as scikit-learn 1.2's {@code precision_recall_curve}: one point per
 * distinct score in increasing threshold order, then a last point (recall 0, precision 1) without a threshold.
 *
 * @param label            the positive class
 * @param precision        precision at each threshold, then 1
 * @param recall           recall at each threshold, then 0
 * @param thresholds       the distinct scores, ascending (one fewer than the points)
 * @param averagePrecision scikit-learn's {@code average_precision_score}: {@code sum((R_n - R_(n-1)) P_n)}
 */
public record PrecisionRecallCurve(String label, List<Double> precision, List<Double> recall,
        List<Double> thresholds, double averagePrecision) {

    /** Copies the lists. */
    public PrecisionRecallCurve {
        precision = List.copyOf(precision);
        recall = List.copyOf(recall);
        thresholds = List.copyOf(thresholds);
    }
}
