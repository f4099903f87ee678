package org.mlops4j.models;

import java.util.List;

/**
 * A receiver operating characteristic curve of one class against the rest, as scikit-learn 1.2's
 * {@code roc_curve(drop_intermediate=True)}: points in increasing false positive rate, thresholds decreasing, the first
 * point (0, 0) at the highest score plus one, collinear intermediate points dropped.
 *
 * @param label      the class taken as positive
 * @param fpr        false positive rate at each threshold
 * @param tpr        true positive rate at each threshold
 * @param thresholds score thresholds (a row is predicted positive when its score is at least the threshold)
 * @param auc        the area under the curve by the trapezoidal rule (scikit-learn's {@code auc(fpr, tpr)})
 */
public record RocCurve(String label, List<Double> fpr, List<Double> tpr, List<Double> thresholds, double auc) {

    /** Copies the lists. */
    public RocCurve {
        fpr = List.copyOf(fpr);
        tpr = List.copyOf(tpr);
        thresholds = List.copyOf(thresholds);
    }
}
