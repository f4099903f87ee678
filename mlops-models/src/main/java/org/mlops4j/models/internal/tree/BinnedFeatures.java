package org.mlops4j.models.internal.tree;

import java.util.Arrays;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>The training rows' features, binned once per training set: at most {@value #MAX_BINS} bins per feature, one byte
 * per row and feature, column by column. A feature with at most {@value #MAX_BINS} distinct values (absent counts as
 * 0) gets one bin per value, so splits on it are exact; a feature with more gets bins of about equal row counts, cut
 * between distinct values. Each bin remembers the smallest and largest value that fell in it, so split thresholds are
 * midpoints between real values of the node's rows (as scikit-learn's) and random thresholds can be drawn between a
 * node's real minimum and maximum. Immutable once built.
 */
final class BinnedFeatures {

    /** The most bins a feature gets. */
    static final int MAX_BINS = 256;

    private final int rows;
    private final byte[][] bins;
    private final double[][] binMin;
    private final double[][] binMax;

    private BinnedFeatures(int rows, byte[][] bins, double[][] binMin, double[][] binMax) {
        this.rows = rows;
        this.bins = bins;
        this.binMin = binMin;
        this.binMax = binMax;
    }

    /**
     * @param rows        the number of rows
     * @param columnRows  per feature, the rows where it is present and not 0 (ascending or not)
     * @param columnVals  per feature, the values parallel to {@code columnRows}
     * @param columnSizes per feature, how many entries of the two arrays are used
     * @return the binned features
     */
    static BinnedFeatures bin(int rows, int[][] columnRows, double[][] columnVals, int[] columnSizes) {
        int features = columnRows.length;
        byte[][] bins = new byte[features][];
        double[][] mins = new double[features][];
        double[][] maxs = new double[features][];
        for (int f = 0; f < features; f++) {
            int present = columnSizes[f];
            double[] sorted = Arrays.copyOf(columnVals[f], present);
            Arrays.sort(sorted);
            int zeros = rows - present;
            // distinct values and their counts, with 0 merged in for the rows where the feature is absent
            double[] distinct = new double[present + 1];
            int[] counts = new int[present + 1];
            int d = 0;
            boolean zeroPlaced = zeros == 0;
            for (int i = 0; i <= present; i++) {
                if (!zeroPlaced && (i == present || sorted[i] > 0)) {
                    d = add(distinct, counts, d, 0.0, zeros);
                    zeroPlaced = true;
                }
                if (i < present) {
                    d = add(distinct, counts, d, sorted[i], 1);
                }
            }
            int[] lastOfBin = binEnds(counts, d, rows);
            int binCount = lastOfBin.length;
            double[] lo = new double[binCount];
            double[] hi = new double[binCount];
            int first = 0;
            for (int b = 0; b < binCount; b++) {
                lo[b] = distinct[first];
                hi[b] = distinct[lastOfBin[b]];
                first = lastOfBin[b] + 1;
            }
            byte[] column = new byte[rows];
            if (zeros > 0) {
                Arrays.fill(column, (byte) binOf(hi, 0.0));
            }
            int[] r = columnRows[f];
            double[] v = columnVals[f];
            for (int i = 0; i < present; i++) {
                column[r[i]] = (byte) binOf(hi, v[i]);
            }
            bins[f] = column;
            mins[f] = lo;
            maxs[f] = hi;
        }
        return new BinnedFeatures(rows, bins, mins, maxs);
    }

    private static int add(double[] distinct, int[] counts, int d, double value, int count) {
        if (d > 0 && distinct[d - 1] == value) {
            counts[d - 1] += count;
            return d;
        }
        distinct[d] = value;
        counts[d] = count;
        return d + 1;
    }

    /** Index of the last distinct value of each bin: one bin per value, or bins of about equal row counts. */
    private static int[] binEnds(int[] counts, int distinct, int rows) {
        if (distinct <= MAX_BINS) {
            int[] ends = new int[distinct];
            for (int i = 0; i < distinct; i++) {
                ends[i] = i;
            }
            return ends;
        }
        int[] ends = new int[MAX_BINS];
        int b = 0;
        long cumulative = 0;
        for (int i = 0; i < distinct; i++) {
            cumulative += counts[i];
            if (i == distinct - 1 || cumulative * MAX_BINS >= (long) (b + 1) * rows) {
                ends[b++] = i;
            }
        }
        return Arrays.copyOf(ends, b);
    }

    /** The first bin whose largest value is at least {@code value}. */
    private static int binOf(double[] hi, double value) {
        int low = 0;
        int high = hi.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (hi[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** @return the number of rows */
    int rows() {
        return rows;
    }

    /** @return the number of features */
    int features() {
        return bins.length;
    }

    /** @param feature a feature @return each row's bin (read {@code & 0xFF}) */
    byte[] column(int feature) {
        return bins[feature];
    }

    /** @param feature a feature @return the number of bins */
    int binCount(int feature) {
        return binMin[feature].length;
    }

    /** @param feature a feature @param bin a bin @return the smallest value in the bin */
    double binMin(int feature, int bin) {
        return binMin[feature][bin];
    }

    /**
     * @param feature a feature
     * @param value   a value
     * @param from    the least bin to return
     * @param to      the greatest bin to return
     * @return the greatest bin in {@code [from, to]} whose smallest value is at most {@code value}, or {@code from}
     */
    int lastBinStartingAtOrBelow(int feature, double value, int from, int to) {
        double[] lo = binMin[feature];
        int low = from;
        int high = to;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lo[mid] <= value) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** @param feature a feature @param bin a bin @return the largest value in the bin */
    double binMax(int feature, int bin) {
        return binMax[feature][bin];
    }
}
