package org.mlops4j.drift.profile;

/**
 * How numeric columns are binned for PSI and Jensen-Shannon between two profiles.
 */
public enum DriftBinning {
    /**
     * Evidently's binning: one bin per distinct value when the reference has at most 20 distinct values; otherwise
     * numpy's Sturges rule, equal-width bins over the pooled min..max with {@code ceil(log2(N) + 1)} bins for
     * {@code N} pooled values. The default, so that scores match Evidently's.
     */
    EVIDENTLY,
    /**
     * Bins at the reference's quantiles (deciles by default, see {@link ProfileDriftOptions#quantileBins()}), open at
     * both ends so that current values outside the reference's range fall in the outer bins; each reference bin holds
     * about the same share. Many practitioners compute PSI this way; Evidently's docstring promises it (its issue
     * 1400).
     */
    REFERENCE_QUANTILES
}
