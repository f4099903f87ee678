package org.mlops4j.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.drift.internal.Histograms;

/**
 * Builds a column's {@link ColumnDistribution} for the report's plots from its prepared samples.
 *
 * <p>Package-private: not part of the API.
 */
final class ColumnDistributions {

    private ColumnDistributions() {
    }

    /**
     * @param samples both samples of one column
     * @param maxBins the most bins to show
     * @return both distributions, for plots
     */
    static ColumnDistribution of(DriftSamples samples, int maxBins) {
        if (samples.isNumeric() && samples.distinctCount() > maxBins) {
            double[] a = samples.referenceSorted();
            double[] b = samples.currentSorted();
            double[] edges = Histograms.sturgesEdges(Math.min(a[0], b[0]), Math.max(a[a.length - 1], b[b.length - 1]),
                    (long) a.length + b.length);
            if (edges.length - 1 > maxBins) {
                edges = Histograms.linspace(edges[0], edges[edges.length - 1], maxBins + 1);
            }
            List<String> labels = new ArrayList<>();
            for (int i = 0; i + 1 < edges.length; i++) {
                labels.add("[" + format(edges[i]) + ", " + format(edges[i + 1]) + (i + 2 == edges.length ? "]" : ")"));
            }
            return new ColumnDistribution(labels, Histograms.counts(a, edges), Histograms.counts(b, edges));
        }
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
        int shown = Math.min(order.length, order.length > maxBins ? maxBins - 1 : maxBins);
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
            labels.add("(" + (order.length - shown) + " others)");
        }
        return new ColumnDistribution(labels, rc, cc);
    }

    private static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
