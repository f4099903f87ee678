package org.mlops4j.models;

import java.util.ArrayList;
import java.util.List;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Per-class precision, recall, F1 and support from a confusion matrix, as scikit-learn's
 * {@code classification_report(zero_division=0)}, with its macro and support-weighted averages.
 */
final class ClassReports {

    /** The label of the unweighted mean over classes. */
    static final String MACRO_AVERAGE = "macro avg";
    /** The label of the support-weighted mean over classes. */
    static final String WEIGHTED_AVERAGE = "weighted avg";

    private ClassReports() {
    }

    /**
     * @param labels    the class labels in index order
     * @param confusion counts indexed {@code [actual][predicted]}
     * @return one line per class, in index order
     */
    static List<ClassReport> perClass(List<String> labels, long[][] confusion) {
        List<ClassReport> out = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            long tp = confusion[c][c];
            long predicted = 0;
            long actual = 0;
            for (int k = 0; k < labels.size(); k++) {
                predicted += confusion[k][c];
                actual += confusion[c][k];
            }
            double precision = predicted == 0 ? 0.0 : (double) tp / predicted;
            double recall = actual == 0 ? 0.0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
            out.add(new ClassReport(labels.get(c), precision, recall, f1, actual));
        }
        return out;
    }

    /**
     * @param perClass the lines of {@link #perClass}
     * @param weighted whether to weight classes by their support (otherwise each class counts once)
     * @return the average line, labelled {@value #MACRO_AVERAGE} or {@value #WEIGHTED_AVERAGE}
     */
    static ClassReport average(List<ClassReport> perClass, boolean weighted) {
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        double weights = 0;
        long support = 0;
        for (ClassReport r : perClass) {
            double w = weighted ? r.support() : 1;
            precision += w * r.precision();
            recall += w * r.recall();
            f1 += w * r.f1();
            weights += w;
            support += r.support();
        }
        double scale = weights == 0 ? 0 : 1 / weights;
        return new ClassReport(weighted ? WEIGHTED_AVERAGE : MACRO_AVERAGE, precision * scale, recall * scale,
                f1 * scale, support);
    }
}
