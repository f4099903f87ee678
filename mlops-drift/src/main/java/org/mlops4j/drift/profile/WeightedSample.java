package org.mlops4j.drift.profile;

import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * A distribution given as distinct sorted values with cumulative weights: either exact (every distinct value with its
 * count) or a KLL sketch's sorted view (retained items with their weights). Its step CDF is
 * {@code F(x) = cumulative[i] / total} for the largest {@code values[i] <= x}.
 *
 * <p>Package-private: not part of the API. Immutable.
 */
final class WeightedSample {

    private final double[] values;
    private final long[] cumulative;

    private WeightedSample(double[] values, long[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    /**
     * @param counts exact counts; infinite values are left out
     * @return the exact distribution of the finite values
     */
    public static WeightedSample of(ExactValueCounts counts) {
        double[] sorted = counts.sortedValues();
        int finite = 0;
        for (double v : sorted) {
            if (Double.isFinite(v)) {
                finite++;
            }
        }
        double[] values = new double[finite];
        long[] cumulative = new long[finite];
        long total = 0;
        int j = 0;
        for (double v : sorted) {
            if (Double.isFinite(v)) {
                total += counts.count(v);
                values[j] = v;
                cumulative[j++] = total;
            }
        }
        return new WeightedSample(values, cumulative);
    }

    /**
     * @param view a quantile sketch's sorted view
     * @return the distribution it stands for; equal items are folded into one
     */
    public static WeightedSample of(DoublesSortedView view) {
        double[] items = view.getQuantiles();
        long[] weights = view.getCumulativeWeights();
        int distinct = 0;
        for (int i = 0; i < items.length; i++) {
            if (i == items.length - 1 || items[i + 1] != items[i]) {
                distinct++;
            }
        }
        double[] values = new double[distinct];
        long[] cumulative = new long[distinct];
        int j = 0;
        for (int i = 0; i < items.length; i++) {
            if (i == items.length - 1 || items[i + 1] != items[i]) {
                values[j] = items[i];
                cumulative[j++] = weights[i];
            }
        }
        return new WeightedSample(values, cumulative);
    }

    /** @return the total weight (the number of values the sample stands for) */
    public long total() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /**
     * The largest difference between the two step CDFs, evaluated at every value of either sample: the two-sample
     * Kolmogorov-Smirnov statistic, exact when both samples are exact.
     *
     * @param a one sample
     * @param b the other
     * @return the KS statistic D, from 0 to 1
     */
    public static double ksStatistic(WeightedSample a, WeightedSample b) {
        double na = a.total();
        double nb = b.total();
        int i = 0;
        int j = 0;
        double max = 0.0;
        while (i < a.values.length || j < b.values.length) {
            double x = j >= b.values.length || (i < a.values.length && a.values[i] <= b.values[j])
                    ? a.values[i] : b.values[j];
            while (i < a.values.length && a.values[i] <= x) {
                i++;
            }
            while (j < b.values.length && b.values[j] <= x) {
                j++;
            }
            double fa = i == 0 ? 0.0 : a.cumulative[i - 1] / na;
            double fb = j == 0 ? 0.0 : b.cumulative[j - 1] / nb;
            max = Math.max(max, Math.abs(fa - fb));
        }
        return max;
    }

    /**
     * The first Wasserstein distance, the area between the two step CDFs; equal to scipy's
     * {@code wasserstein_distance} when both samples are exact.
     *
     * @param a one sample
     * @param b the other
     * @return the distance, in the values' unit
     */
    public static double wasserstein(WeightedSample a, WeightedSample b) {
        double na = a.total();
        double nb = b.total();
        int i = 0;
        int j = 0;
        double area = 0.0;
        double previous = Double.NaN;
        double gap = 0.0;
        while (i < a.values.length || j < b.values.length) {
            double x = j >= b.values.length || (i < a.values.length && a.values[i] <= b.values[j])
                    ? a.values[i] : b.values[j];
            if (!Double.isNaN(previous)) {
                area += gap * (x - previous);
            }
            while (i < a.values.length && a.values[i] <= x) {
                i++;
            }
            while (j < b.values.length && b.values[j] <= x) {
                j++;
            }
            double fa = i == 0 ? 0.0 : a.cumulative[i - 1] / na;
            double fb = j == 0 ? 0.0 : b.cumulative[j - 1] / nb;
            gap = Math.abs(fa - fb);
            previous = x;
        }
        return area;
    }
}
