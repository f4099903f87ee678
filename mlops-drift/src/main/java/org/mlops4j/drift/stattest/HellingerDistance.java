package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.Histograms;

/**
 * {@code hellinger}: the Hellinger distance {@code sqrt(1 - BC)}, BC the Bhattacharyya coefficient. Categories:
 * over the shares of each distinct value. Numbers, as Evidently does it: Sturges equal-width bins over the range of
 * the distinct values of both samples (binning the distinct values, not the data), density histograms, BC summed
 * with the bin width. Numeric and categorical columns; drift when {@code distance >= 0.1}.
 */
public final class HellingerDistance extends StatTest {

    /** Creates the test. */
    public HellingerDistance() {
        super("hellinger", "Hellinger distance", EnumSet.of(ColumnType.CATEGORICAL, ColumnType.NUMERIC), 0.1,
                ScoreKind.DISTANCE, DriftRule.AT_OR_ABOVE);
    }

    @Override
    public double score(DriftSamples samples) {
        double coefficient = 0;
        if (samples.columnType() == ColumnType.CATEGORICAL) {
            int[] ref = samples.referenceCounts();
            int[] cur = samples.currentCounts();
            double n1 = samples.referenceSize();
            double n2 = samples.currentSize();
            for (int i = 0; i < ref.length; i++) {
                coefficient += Math.sqrt(ref[i] / n1 * (cur[i] / n2));
            }
        } else {
            double[] levels = samples.numericLevels();
            double[] edges = Histograms.sturgesEdges(levels[0], levels[levels.length - 1], levels.length);
            double[] h1 = density(Histograms.counts(samples.referenceSorted(), edges), edges);
            double[] h2 = density(Histograms.counts(samples.currentSorted(), edges), edges);
            double binWidth = (edges[edges.length - 1] - edges[0]) / (edges.length - 1);
            for (int i = 0; i < h1.length; i++) {
                coefficient += Math.sqrt(h1[i] * h2[i]) * binWidth;
            }
        }
        coefficient = Math.min(1, Math.max(0, coefficient));
        return Math.sqrt(1 - coefficient);
    }

    private static double[] density(long[] counts, double[] edges) {
        double total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] / (edges[i + 1] - edges[i]) / total;
        }
        return out;
    }
}
