package org.mlops4j.models;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>The ROC and precision-recall curves of one binary score, computed exactly as scikit-learn 1.2 computes
 * {@code roc_curve(drop_intermediate=True)}, {@code precision_recall_curve}, {@code auc} and
 * {@code average_precision_score}: one point per distinct score (ties merged), thresholds in descending order.
 */
final class BinaryCurves {

    /** Counts at each distinct score, highest score first (scikit-learn's {@code _binary_clf_curve}). */
    private record Counts(double[] falsePositives, double[] truePositives, double[] thresholds) {
    }

    private BinaryCurves() {
    }

    /**
     * @param positive whether each row is of the positive class
     * @param score    each row's score, higher meaning more likely positive
     * @return whether both classes occur, which every curve needs
     */
    static boolean bothClassesPresent(boolean[] positive, double[] score) {
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        return positives > 0 && positives < positive.length && positive.length == score.length;
    }

    /**
     * @param label    the positive class's label
     * @param positive whether each row is of the positive class; both classes must occur
     * @param score    each row's score
     * @return the ROC curve with intermediate collinear points dropped, a first threshold of the highest score plus
     *         one (scikit-learn 1.2), and the trapezoidal area under it
     */
    static RocCurve roc(String label, boolean[] positive, double[] score) {
        Counts c = counts(positive, score);
        int m = c.thresholds().length;
        int[] keep;
        if (m > 2) {
            double[] f = c.falsePositives();
            double[] t = c.truePositives();
            keep = IntStream.range(0, m).filter(i -> i == 0 || i == m - 1
                    || f[i + 1] - 2 * f[i] + f[i - 1] != 0 || t[i + 1] - 2 * t[i] + t[i - 1] != 0).toArray();
        } else {
            keep = IntStream.range(0, m).toArray();
        }
        double[] fpr = new double[keep.length + 1];
        double[] tpr = new double[keep.length + 1];
        double[] thresholds = new double[keep.length + 1];
        double allNegatives = c.falsePositives()[m - 1];
        double allPositives = c.truePositives()[m - 1];
        thresholds[0] = c.thresholds()[keep[0]] + 1;
        for (int i = 0; i < keep.length; i++) {
            fpr[i + 1] = c.falsePositives()[keep[i]] / allNegatives;
            tpr[i + 1] = c.truePositives()[keep[i]] / allPositives;
            thresholds[i + 1] = c.thresholds()[keep[i]];
        }
        return new RocCurve(label, DoubleLists.of(fpr), DoubleLists.of(tpr), DoubleLists.of(thresholds),
                trapezoid(fpr, tpr));
    }

    /**
     * @param label    the positive class's label
     * @param positive whether each row is of the positive class; both classes must occur
     * @param score    each row's score
     * @return precision and recall by ascending threshold, ending with the point (recall 0, precision 1) that has no
     *         threshold, and the average precision {@code -sum(diff(recall) * precision[:-1])}
     */
    static PrecisionRecallCurve precisionRecall(String label, boolean[] positive, double[] score) {
        Counts c = counts(positive, score);
        int m = c.thresholds().length;
        double allPositives = c.truePositives()[m - 1];
        double[] precision = new double[m + 1];
        double[] recall = new double[m + 1];
        double[] thresholds = new double[m];
        for (int i = 0; i < m; i++) {
            int from = m - 1 - i;
            double predictedPositive = c.truePositives()[from] + c.falsePositives()[from];
            precision[i] = predictedPositive == 0 ? 0 : c.truePositives()[from] / predictedPositive;
            recall[i] = c.truePositives()[from] / allPositives;
            thresholds[i] = c.thresholds()[from];
        }
        precision[m] = 1;
        recall[m] = 0;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += (recall[i + 1] - recall[i]) * precision[i];
        }
        return new PrecisionRecallCurve(label, DoubleLists.of(precision), DoubleLists.of(recall),
                DoubleLists.of(thresholds), -sum);
    }

    private static Counts counts(boolean[] positive, double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        double[] fps = new double[n];
        double[] tps = new double[n];
        double[] thresholds = new double[n];
        int m = 0;
        double truePositives = 0;
        for (int i = 0; i < n; i++) {
            truePositives += positive[order[i]] ? 1 : 0;
            if (i == n - 1 || score[order[i]] != score[order[i + 1]]) {
                tps[m] = truePositives;
                fps[m] = 1 + i - truePositives;
                thresholds[m] = score[order[i]];
                m++;
            }
        }
        return new Counts(Arrays.copyOf(fps, m), Arrays.copyOf(tps, m), Arrays.copyOf(thresholds, m));
    }

    private static double trapezoid(double[] x, double[] y) {
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        }
        return area;
    }
}
