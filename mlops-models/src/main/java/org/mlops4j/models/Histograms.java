package org.mlops4j.models;


/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Equal-width histograms as numpy's {@code histogram(values, bins, range)}: edges {@code first + i * width} with
 * the last edge exactly {@code last}; every bin is half-open {@code [edge_i, edge_i+1)} except the last, which is
 * closed; values outside the range are not counted. A range of zero width is widened by 0.5 on each side.
 */
final class Histograms {

    private Histograms() {
    }

    /**
     * @param label  what the histogram counts
     * @param values the values (non-finite ones are skipped)
     * @param bins   the number of bins
     * @param first  the lower end of the range
     * @param last   the upper end of the range
     * @return the histogram
     */
    static Histogram of(String label, double[] values, int bins, double first, double last) {
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double[] edges = new double[bins + 1];
        double step = (last - first) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = i * step + first;
        }
        edges[bins] = last;
        long[] counts = new long[bins];
        for (double v : values) {
            if (!Double.isFinite(v) || v < first || v > last) {
                continue;
            }
            int bin = (int) Math.min(bins - 1, Math.max(0, Math.floor((v - first) / (last - first) * bins)));
            while (bin > 0 && v < edges[bin]) {
                bin--;
            }
            while (bin < bins - 1 && v >= edges[bin + 1]) {
                bin++;
            }
            counts[bin]++;
        }
        return new Histogram(label, DoubleLists.of(edges), java.util.Arrays.stream(counts).boxed().toList());
    }

    /**
     * @param label  what the histogram counts
     * @param values the values, at least one finite
     * @param bins   the number of bins
     * @return the histogram over the values' own range
     */
    static Histogram of(String label, double[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        return of(label, values, bins, min, max);
    }
}
