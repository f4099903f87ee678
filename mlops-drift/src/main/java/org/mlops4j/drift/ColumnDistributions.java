package org.mlops4j.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.drift.internal.Histograms;

/**
 * Builds a column's {@link ColumnDistribution} for the report's plots from its prepared samples.
 *
 * <p>Package-private: not part of the API.
 */
final class ColumnDistributions {

    /** Up to this many values get a bin each; more categories are cut to this many and "other". */
    static final int MAX_CATEGORIES = 20;
    /** The most bins of a numeric histogram. */
    static final int MAX_HISTOGRAM_BINS = 30;

    private ColumnDistributions() {
    }

    /**
     * @param samples both samples of one column
     * @return both distributions, for plots
     */
    static ColumnDistribution of(DriftSamples samples) {
        if (samples.isNumeric() && samples.hasMoreDistinctValuesThan(MAX_CATEGORIES)) {
            return histogram(samples);
        }
        ColumnDistribution values = byValue(samples);
        if (!samples.isNumeric()) {
            return values;
        }
        return new ColumnDistribution(values.bins(), values.referenceCounts(), values.currentCounts(),
                new double[0], quantiles(samples.referenceSorted()), quantiles(samples.currentSorted()));
    }

    private static ColumnDistribution histogram(DriftSamples samples) {
        double[] a = samples.referenceSorted();
        double[] b = samples.currentSorted();
        double[] edges = Histograms.sturgesEdges(Math.min(a[0], b[0]), Math.max(a[a.length - 1], b[b.length - 1]),
                (long) a.length + b.length);
        if (edges.length - 1 > MAX_HISTOGRAM_BINS) {
            edges = Histograms.linspace(edges[0], edges[edges.length - 1], MAX_HISTOGRAM_BINS + 1);
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i + 1 < edges.length; i++) {
            labels.add("[" + format(edges[i]) + ", " + format(edges[i + 1]) + (i + 2 == edges.length ? "]" : ")"));
        }
        return new ColumnDistribution(labels, Histograms.counts(a, edges), Histograms.counts(b, edges), edges,
                quantiles(a), quantiles(b));
    }

    /** One bin per value: numbers by value, categories by frequency in both samples; beyond the limit, "other". */
    private static ColumnDistribution byValue(DriftSamples samples) {
        int[] ref = samples.referenceCounts();
        int[] cur = samples.currentCounts();
        List<String> levels = samples.levels();
        Integer[] order = new Integer[ref.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (!samples.isNumeric()) {
            Arrays.sort(order, (x, y) -> Long.compare((long) ref[y] + cur[y], (long) ref[x] + cur[x]));
        }
        int shown = Math.min(order.length, MAX_CATEGORIES);
        List<String> labels = new ArrayList<>();
        long[] rc = new long[order.length > shown ? shown + 1 : shown];
        long[] cc = new long[rc.length];
        for (int k = 0; k < order.length; k++) {
            int slot = Math.min(k, shown);
            if (k < shown) {
                labels.add(levels.get(order[k]));
            }
            rc[slot] += ref[order[k]];
            cc[slot] += cur[order[k]];
        }
        if (order.length > shown) {
            labels.add("other (" + (order.length - shown) + " values)");
        }
        return new ColumnDistribution(labels, rc, cc);
    }

    private static double[] quantiles(double[] sorted) {
        double[] out = new double[ColumnDistribution.QUANTILE_LEVELS.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Histograms.quantile(sorted, ColumnDistribution.QUANTILE_LEVELS.get(i));
        }
        return out;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
