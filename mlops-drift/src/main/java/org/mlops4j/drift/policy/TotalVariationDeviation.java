package org.mlops4j.drift.policy;

import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DeviationMeasure;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.drift.internal.Histograms;

/**
 * The default deviation measure: the total variation distance between the reference and current distributions of a
 * column, in percentage points, {@code 50 * Σ |p_i - q_i|} over bins {@code i}: the share of probability mass that
 * moved, 0 for equal distributions and 100 for distributions without overlap.
 *
 * <p>Bins: a column treated as categories ({@link ColumnType#CATEGORICAL}, which includes integer codes a user typed so,
 * say) has one bin per distinct value of both samples. A column treated as numbers is cut at the reference's
 * deciles, computed as numpy's {@code np.quantile(reference, [0.1, ..., 0.9])} does (linear interpolation between order
 * statistics); repeated deciles count once, and the bins are {@code (-inf, d1], (d1, d2], ..., (dk, +inf)}, so that
 * a current value outside the reference's range still lands in the first or last bin. Each reference bin then holds
 * about a tenth of the reference (more where values repeat), and a shift of the current values moves mass between
 * bins.
 *
 * <p>Immutable and thread-safe.
 */
public final class TotalVariationDeviation implements DeviationMeasure {

    /** The measure's name in records and configuration. */
    public static final String NAME = "tvd";

    private static final int QUANTILES = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String unit() {
        return "percentage points";
    }

    @Override
    public double deviation(DriftSamples samples) {
        if (samples.columnType() == ColumnType.CATEGORICAL || !samples.isNumeric()) {
            return percentagePoints(samples.referenceCounts(), samples.referenceSize(), samples.currentCounts(),
                    samples.currentSize());
        }
        double[] ref = samples.referenceSorted();
        double[] cur = samples.currentSorted();
        double[] edges = decileEdges(ref);
        int[] refCounts = counts(ref, edges);
        int[] curCounts = counts(cur, edges);
        return percentagePoints(refCounts, ref.length, curCounts, cur.length);
    }

    /**
     * @param sorted the reference values, ascending, not empty
     * @return the distinct deciles of the values (numpy's linear method), ascending
     */
    static double[] decileEdges(double[] sorted) {
        double[] edges = new double[QUANTILES - 1];
        int n = 0;
        for (int k = 1; k < QUANTILES; k++) {
            double q = Histograms.quantile(sorted, k / (double) QUANTILES);
            if (n == 0 || q != edges[n - 1]) {
                edges[n++] = q;
            }
        }
        return java.util.Arrays.copyOf(edges, n);
    }

    private static int[] counts(double[] sorted, double[] edges) {
        int[] counts = new int[edges.length + 1];
        int below = 0;
        for (int i = 0; i < edges.length; i++) {
            int upTo = Histograms.upperBound(sorted, edges[i]);
            counts[i] = upTo - below;
            below = upTo;
        }
        counts[edges.length] = sorted.length - below;
        return counts;
    }

    private static double percentagePoints(int[] ref, int refSize, int[] cur, int curSize) {
        double sum = 0;
        for (int i = 0; i < ref.length; i++) {
            sum += Math.abs(ref[i] / (double) refSize - cur[i] / (double) curSize);
        }
        return Math.min(100.0, 50.0 * sum);
    }

    @Override
    public String toString() {
        return "tvd (percentage points; categories by value, numbers by reference deciles)";
    }
}
