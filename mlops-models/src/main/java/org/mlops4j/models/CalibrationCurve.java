package org.mlops4j.models;

import java.util.List;

/**
 * A reliability (calibration) curve of a binary classifier's probabilities, as scikit-learn's
 * {@code calibration_curve(n_bins=bins, strategy="uniform")}, with the row count of each bin. Bins of equal width on
 * [0, 1]; a probability on an inner edge falls into the lower bin; empty bins are left out, so the three lists have
 * one entry per non-empty bin.
 *
 * @param bins      the number of bins the [0, 1] range was cut into
 * @param probTrue  the share of positive rows in each non-empty bin
 * @param probPred  the mean predicted probability in each non-empty bin
 * @param counts    the rows in each non-empty bin
 */
public record CalibrationCurve(int bins, List<Double> probTrue, List<Double> probPred, List<Long> counts) {

    /** Copies the lists. */
    public CalibrationCurve {
        probTrue = List.copyOf(probTrue);
        probPred = List.copyOf(probPred);
        counts = List.copyOf(counts);
    }
}
