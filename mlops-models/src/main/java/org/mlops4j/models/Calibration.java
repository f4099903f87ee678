package org.mlops4j.models;

import java.util.ArrayList;
import java.util.List;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>The reliability curve of a probability, as scikit-learn's {@code calibration_curve(strategy="uniform")}: bins
 * of equal width on [0, 1] with edges {@code i / bins}; a probability on an inner edge belongs to the lower bin
 * ({@code searchsorted} on the inner edges); empty bins are left out.
 */
final class Calibration {

    private Calibration() {
    }

    /**
     * @param positive    whether each row is of the positive class
     * @param probability each row's probability of the positive class, in [0, 1]
     * @param bins        the number of bins
     * @return the share of positives and the mean probability in each non-empty bin, with the bin's row count
     */
    static CalibrationCurve curve(boolean[] positive, double[] probability, int bins) {
        double step = 1.0 / bins;
        double[] sums = new double[bins];
        double[] trues = new double[bins];
        long[] totals = new long[bins];
        for (int i = 0; i < probability.length; i++) {
            int bin = 0;
            while (bin < bins - 1 && (bin + 1) * step < probability[i]) {
                bin++;
            }
            sums[bin] += probability[i];
            trues[bin] += positive[i] ? 1 : 0;
            totals[bin]++;
        }
        List<Double> probTrue = new ArrayList<>();
        List<Double> probPred = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (totals[b] > 0) {
                probTrue.add(trues[b] / totals[b]);
                probPred.add(sums[b] / totals[b]);
                counts.add(totals[b]);
            }
        }
        return new CalibrationCurve(bins, probTrue, probPred, counts);
    }
}
