package org.mlops4j.drift.internal;

import java.util.Arrays;

/**
 * Equal-width histograms as numpy builds them: {@code np.histogram_bin_edges(values, bins="sturges")} and
 * {@code np.histogram(values, edges)}, reproduced operation for operation so that values on a bin edge land in the
 * same bin as in numpy.
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class Histograms {

    private Histograms() {
    }

    /**
     * numpy's Sturges rule: bin width {@code (max - min) / (log2(n) + 1)} over the range of the values, edges by
     * {@code np.linspace}; a single value gets one bin of width 1 centred on it.
     *
     * @param min   the smallest value
     * @param max   the largest value
     * @param count how many values there are (at least one)
     * @return the bin edges, ascending; one more than the number of bins
     */
    public static double[] sturgesEdges(double min, double max, long count) {
        double first = min;
        double last = max;
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        int bins = 1;
        double range = max - min;
        double width = range / (log2(count) + 1.0);
        if (width != 0 && !Double.isNaN(width)) {
            bins = (int) Math.ceil((last - first) / width);
        }
        return linspace(first, last, bins + 1);
    }

    /**
     * @param start the first edge
     * @param stop  the last edge
     * @param num   how many points (at least 2)
     * @return {@code np.linspace(start, stop, num)}: {@code start + i * step}, the last point exactly {@code stop}
     */
    public static double[] linspace(double start, double stop, int num) {
        double[] out = new double[num];
        int div = num - 1;
        double step = (stop - start) / div;
        for (int i = 0; i < num; i++) {
            out[i] = step == 0 ? (double) i / div * (stop - start) + start : i * step + start;
        }
        out[num - 1] = stop;
        return out;
    }

    /**
     * numpy's counting with explicit edges: bin {@code i} holds values in {@code [e[i], e[i+1])}, the last bin also
     * holds its right edge; values outside the edges are not counted.
     *
     * @param sorted the values, ascending
     * @param edges  the bin edges, ascending
     * @return the count per bin
     */
    public static long[] counts(double[] sorted, double[] edges) {
        int bins = edges.length - 1;
        long[] cumulative = new long[edges.length];
        for (int i = 0; i < bins; i++) {
            cumulative[i] = lowerBound(sorted, edges[i]);
        }
        cumulative[bins] = upperBound(sorted, edges[bins]);
        long[] counts = new long[bins];
        for (int i = 0; i < bins; i++) {
            counts[i] = cumulative[i + 1] - cumulative[i];
        }
        return counts;
    }

    /**
     * @param values any values
     * @return the distinct values, ascending
     */
    public static double[] distinctSorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /**
     * @param sorted values, ascending
     * @param key    a value
     * @return how many values are strictly less than {@code key} (numpy's {@code searchsorted(side="left")})
     */
    public static int lowerBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * @param sorted values, ascending
     * @param key    a value
     * @return how many values are less than or equal to {@code key} (numpy's {@code searchsorted(side="right")})
     */
    public static int upperBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * numpy's {@code np.quantile(values, q)} with its default linear method, including its two-sided interpolation
     * (from the upper neighbour when the fraction is at least one half), so that results agree to the last bit.
     *
     * @param sorted the values, ascending, not empty
     * @param q      the level, in [0, 1]
     * @return the quantile
     */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int previous = (int) Math.floor(h);
        int next = Math.min(previous + 1, sorted.length - 1);
        double gamma = h - previous;
        double a = sorted[previous];
        double b = sorted[next];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    /**
     * The base-2 logarithm, exact for powers of two (where a rounding error would change the number of bins).
     *
     * @param n a positive count
     * @return {@code log2(n)}
     */
    static double log2(long n) {
        if (Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        return Math.log(n) / Math.log(2.0);
    }
}
