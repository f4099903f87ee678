package org.mlops4j.drift.internal;

import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftSamples;

/**
 * The shares of reference and current values per bin that Evidently's PSI, KL divergence and Jensen-Shannon distance
 * compare ({@code stattests/utils.py::get_binned_data}): for a numeric column whose reference has more than 20
 * distinct values, Sturges equal-width bins over the pooled values; otherwise one bin per distinct value of both
 * samples. Optionally, zero shares are replaced by a small value, each sample on its own: the smallest non-zero share
 * divided by a million when that share is at most 0.0001, else 0.0001 (shares are not renormalised afterwards).
 *
 * <p>This class is internal and is hence not for public use.
 *
 * @param reference the reference shares per bin
 * @param current   the current shares per bin
 */
public record BinnedShares(double[] reference, double[] current) {

    private static final int MAX_DISTINCT_FOR_VALUE_BINS = 20;

    /**
     * @param samples    the two samples
     * @param fillZeroes whether to replace zero shares (PSI, KL) or not (Jensen-Shannon)
     * @return the shares
     */
    public static BinnedShares of(DriftSamples samples, boolean fillZeroes) {
        double[] ref;
        double[] cur;
        // the reference has no more distinct values than both samples together: often no need to sort
        if (samples.columnType() == ColumnType.NUMERIC
                && samples.hasMoreDistinctValuesThan(MAX_DISTINCT_FOR_VALUE_BINS)
                && distinctCount(samples.referenceSorted()) > MAX_DISTINCT_FOR_VALUE_BINS) {
            double[] a = samples.referenceSorted();
            double[] b = samples.currentSorted();
            double[] edges = Histograms.sturgesEdges(Math.min(a[0], b[0]), Math.max(a[a.length - 1], b[b.length - 1]),
                    (long) a.length + b.length);
            ref = shares(Histograms.counts(a, edges), a.length);
            cur = shares(Histograms.counts(b, edges), b.length);
        } else {
            ref = shares(samples.referenceCounts(), samples.referenceSize());
            cur = shares(samples.currentCounts(), samples.currentSize());
        }
        if (fillZeroes) {
            fillZeroes(ref);
            fillZeroes(cur);
        }
        return new BinnedShares(ref, cur);
    }

    static int distinctCount(double[] sorted) {
        int n = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                n++;
            }
        }
        return n;
    }

    private static double[] shares(long[] counts, int size) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] / (double) size;
        }
        return out;
    }

    private static double[] shares(int[] counts, int size) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] / (double) size;
        }
        return out;
    }

    private static void fillZeroes(double[] shares) {
        double minNonZero = Double.POSITIVE_INFINITY;
        for (double share : shares) {
            if (share != 0) {
                minNonZero = Math.min(minNonZero, share);
            }
        }
        double fill = minNonZero <= 0.0001 ? minNonZero / 1e6 : 0.0001;
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] == 0) {
                shares[i] = fill;
            }
        }
    }
}
