package org.mlops4j.drift.profile;

/**
 * How two profiles are compared: the binning of numeric columns and the thresholds that make a score count as drift.
 * The thresholds default to Evidently's: KS p-value at most 0.05, PSI at least 0.1, Jensen-Shannon distance at least
 * 0.1, Wasserstein distance (normed by the reference's standard deviation) at least 0.1.
 *
 * @param binning              how numeric columns are binned for PSI and Jensen-Shannon
 * @param quantileBins         bins for {@link DriftBinning#REFERENCE_QUANTILES}, at least 2
 * @param ksThreshold          drift when the KS p-value is at most this
 * @param psiThreshold         drift when the PSI is at least this
 * @param jensenShannonThreshold drift when the Jensen-Shannon distance is at least this
 * @param wassersteinThreshold drift when the normed Wasserstein distance is at least this
 * @param driftShare           the dataset drifts when at least this share of compared columns drift
 */
public record ProfileDriftOptions(DriftBinning binning, int quantileBins, double ksThreshold, double psiThreshold,
                                  double jensenShannonThreshold, double wassersteinThreshold, double driftShare) {

    /** The validating constructor. */
    public ProfileDriftOptions {
        if (binning == null) {
            throw new NullPointerException("binning");
        }
        if (quantileBins < 2) {
            throw new IllegalArgumentException("quantileBins must be at least 2, was " + quantileBins);
        }
        if (!(driftShare > 0 && driftShare <= 1)) {
            throw new IllegalArgumentException("The drift share must be in (0, 1], was " + driftShare);
        }
    }

    /** @return Evidently's binning and thresholds, 10 quantile bins, dataset drift at half the columns */
    public static ProfileDriftOptions defaults() {
        return new ProfileDriftOptions(DriftBinning.EVIDENTLY, 10, 0.05, 0.1, 0.1, 0.1, 0.5);
    }

    /**
     * @param newBinning the binning of numeric columns
     * @return options with it
     */
    public ProfileDriftOptions withBinning(DriftBinning newBinning) {
        return new ProfileDriftOptions(newBinning, quantileBins, ksThreshold, psiThreshold, jensenShannonThreshold,
                wassersteinThreshold, driftShare);
    }

    /**
     * @param bins bins for reference-quantile binning
     * @return options with it
     */
    public ProfileDriftOptions withQuantileBins(int bins) {
        return new ProfileDriftOptions(binning, bins, ksThreshold, psiThreshold, jensenShannonThreshold,
                wassersteinThreshold, driftShare);
    }
}
