package org.mlops4j.drift.profile;

/**
 * When a {@link ProfileReport} raises each {@link AlertType}. The defaults are ydata-profiling's: missing, zeros and
 * infinite values above 1%, any duplicate row, |skewness| above 20, more than 50 distinct levels, imbalance above
 * 0.5, |correlation| above 0.9.
 *
 * @param missingShare       MISSING when the share of missing values is above this
 * @param zerosShare         ZEROS when the share of zeros is above this
 * @param infiniteShare      INFINITE when the share of infinite values is above this
 * @param duplicateShare     DUPLICATES when the share of duplicate rows is above this (0: any duplicate)
 * @param skewness           SKEWED when the absolute skewness is above this
 * @param cardinality        HIGH_CARDINALITY when a categorical or text column has more distinct values than this
 * @param imbalance          IMBALANCE when {@code 1 - entropy / ln(levels)} is above this
 * @param correlation        HIGH_CORRELATION when the absolute Pearson correlation is above this
 */
public record AlertThresholds(double missingShare, double zerosShare, double infiniteShare, double duplicateShare,
                              double skewness, long cardinality, double imbalance, double correlation) {

    /** @return ydata-profiling's thresholds */
    public static AlertThresholds defaults() {
        return new AlertThresholds(0.01, 0.01, 0.01, 0.0, 20.0, 50, 0.5, 0.9);
    }
}
