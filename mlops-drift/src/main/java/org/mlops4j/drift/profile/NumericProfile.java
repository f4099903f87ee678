package org.mlops4j.drift.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.mlops4j.core.data.ColumnType;

/**
 * The profile of a numeric or timestamp column (timestamps as epoch milliseconds).
 *
 * <p>What is exact and what is estimated:
 * <ul>
 *   <li>Exact at any size: counts (values, nulls, NaN, infinities, zeros, negatives), min, max, mean, variance,
 *       skewness and kurtosis (moments merged with the formulas of Chan et al. and Pébay, so merging partitions gives
 *       the same result as one pass, up to rounding).</li>
 *   <li>Quantiles, ranks and histograms come from a KLL sketch of the finite values; they are exact while the column
 *       has few values (the sketch has not compacted yet, see {@link #quantilesExact()}) or few distinct values
 *       (counted one by one, see {@link #commonValues(int)}), and otherwise within {@link #normalizedRankError()} in
 *       rank with 99% confidence.</li>
 *   <li>The distinct count is exact while counted one by one, then a CPC sketch's estimate.</li>
 * </ul>
 * Moments and quantiles cover the finite values only; {@code NaN} and infinities are counted apart, as pandas and
 * Evidently leave them out.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class NumericProfile implements ColumnProfile {

    private final String name;
    private final NumericAccumulator state;

    NumericProfile(String name, NumericAccumulator frozenState) {
        this.name = name;
        this.state = frozenState;
    }

    NumericAccumulator state() {
        return state;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return state.type();
    }

    @Override
    public long rowCount() {
        return count() + state.nulls();
    }

    /** @return the number of values that are not null: finite values, NaN and infinities */
    public long count() {
        return finiteCount() + state.nan() + infiniteCount();
    }

    /** @return the number of finite values, over which moments and quantiles are computed */
    public long finiteCount() {
        return state.moments().count();
    }

    @Override
    public long nullCount() {
        return state.nulls();
    }

    /** @return the number of {@code NaN} values that are not nulls */
    public long nanCount() {
        return state.nan();
    }

    @Override
    public long missingCount() {
        return state.nulls() + state.nan();
    }

    /** @return the number of infinite values, either sign */
    public long infiniteCount() {
        return state.positiveInfinity() + state.negativeInfinity();
    }

    /** @return the number of zeros */
    public long zeroCount() {
        return state.zeros();
    }

    /** @return the number of values below zero, -infinity included */
    public long negativeCount() {
        return state.negatives();
    }

    /** @return the smallest finite value, {@code NaN} when there is none */
    public double min() {
        return finiteCount() == 0 ? Double.NaN : state.min();
    }

    /** @return the largest finite value, {@code NaN} when there is none */
    public double max() {
        return finiteCount() == 0 ? Double.NaN : state.max();
    }

    /** @return the sum of the finite values, 0 when there is none */
    public double sum() {
        return finiteCount() == 0 ? 0.0 : state.moments().mean() * finiteCount();
    }

    /** @return the mean of the finite values, {@code NaN} when there is none */
    public double mean() {
        return state.moments().mean();
    }

    /** @return the sample variance (divisor n - 1, as pandas), {@code NaN} with fewer than two values */
    public double variance() {
        long n = finiteCount();
        return n < 2 ? Double.NaN : state.moments().m2() / (n - 1);
    }

    /** @return the population variance (divisor n, as numpy), {@code NaN} when there is no value */
    public double populationVariance() {
        long n = finiteCount();
        return n == 0 ? Double.NaN : state.moments().m2() / n;
    }

    /** @return the sample standard deviation (divisor n - 1) */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** @return the population standard deviation (divisor n), which Evidently's Wasserstein distance is normed by */
    public double populationStandardDeviation() {
        return Math.sqrt(populationVariance());
    }

    /**
     * @return the adjusted Fisher-Pearson skewness (pandas {@code skew()}), {@code NaN} with fewer than three values;
     *         0 for a constant column
     */
    public double skewness() {
        Moments m = state.moments();
        double n = m.count();
        if (n < 3) {
            return Double.NaN;
        }
        if (m.m2() <= 0 || m.m2() <= 1e-14 * m.mean() * m.mean() * n) {
            return 0.0;
        }
        double g1 = (m.m3() / n) / Math.pow(m.m2() / n, 1.5);
        return g1 * Math.sqrt(n * (n - 1)) / (n - 2);
    }

    /**
     * @return the unbiased excess kurtosis (pandas {@code kurt()}), {@code NaN} with fewer than four values; 0 for a
     *         constant column
     */
    public double kurtosis() {
        Moments m = state.moments();
        double n = m.count();
        if (n < 4) {
            return Double.NaN;
        }
        if (m.m2() <= 0 || m.m2() <= 1e-14 * m.mean() * m.mean() * n) {
            return 0.0;
        }
        double g2 = n * m.m4() / (m.m2() * m.m2()) - 3.0;
        return ((n + 1) * g2 + 6.0) * (n - 1) / ((n - 2) * (n - 3));
    }

    /**
     * @return the KLL sketch's normalised rank error for a single quantile or rank query (99% confidence); 0 while
     *         the quantiles are exact
     */
    public double normalizedRankError() {
        return quantilesExact() ? 0.0 : state.quantiles().getNormalizedRankError(false);
    }

    /** @return whether quantiles, ranks and histograms are exact */
    public boolean quantilesExact() {
        return state.exactValues() != null || !state.quantiles().isEstimationMode();
    }

    /**
     * The q-quantile of the finite values. While exact, it interpolates linearly between order statistics as numpy's
     * default {@code percentile} does; from the sketch it is the sketch's quantile, within
     * {@link #normalizedRankError()} in rank.
     *
     * @param q the fraction, from 0 to 1
     * @return the quantile, {@code NaN} when there is no finite value
     */
    public double quantile(double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("A quantile's fraction must be from 0 to 1, was " + q);
        }
        long n = finiteCount();
        if (n == 0) {
            return Double.NaN;
        }
        if (q == 0.0) {
            return state.min();
        }
        if (q == 1.0) {
            return state.max();
        }
        ExactValueCounts exact = state.exactValues();
        if (exact != null) {
            double position = (n - 1) * q;
            long below = (long) Math.floor(position);
            double fraction = position - below;
            double lower = orderStatistic(exact, below);
            return fraction == 0.0 ? lower : lower + fraction * (orderStatistic(exact, below + 1) - lower);
        }
        DoublesSortedView view = state.sortedView();
        if (!state.quantiles().isEstimationMode()) {
            double[] items = view.getQuantiles();
            double position = (items.length - 1) * q;
            int below = (int) Math.floor(position);
            double fraction = position - below;
            return fraction == 0.0 ? items[below] : items[below] + fraction * (items[below + 1] - items[below]);
        }
        return view.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
    }

    private static double orderStatistic(ExactValueCounts exact, long index) {
        long seen = 0;
        for (double value : exact.sortedValues()) {
            if (Double.isInfinite(value)) {
                continue;
            }
            seen += exact.count(value);
            if (index < seen) {
                return value;
            }
        }
        throw new IllegalStateException("order statistic " + index + " beyond " + seen + " values");
    }

    /**
     * @param x a number
     * @return the fraction of finite values at or below {@code x}, estimated from the sketch unless exact
     */
    public double cdf(double x) {
        return rank(x, true);
    }

    /**
     * @param x         a number
     * @param inclusive whether to count values equal to {@code x}
     * @return the fraction of finite values below {@code x} (or at or below it), 0 when there is none
     */
    public double rank(double x, boolean inclusive) {
        long n = finiteCount();
        if (n == 0) {
            return 0.0;
        }
        ExactValueCounts exact = state.exactValues();
        if (exact != null) {
            long below = 0;
            for (double value : exact.sortedValues()) {
                if (Double.isFinite(value) && (value < x || (inclusive && value == x))) {
                    below += exact.count(value);
                }
            }
            return (double) below / n;
        }
        return state.sortedView().getRank(x, inclusive ? QuantileSearchCriteria.INCLUSIVE
                : QuantileSearchCriteria.EXCLUSIVE);
    }

    /**
     * An equal-width histogram over [min, max] of the finite values, binned as numpy's {@code histogram} bins (each
     * bin includes its lower edge, the last also its upper edge). Counts are exact while values are counted one by
     * one, and otherwise estimated from the sketch.
     *
     * @param bins the number of bins, at least 1
     * @return the bins, or an empty list when there is no finite value; one bin when all values are equal
     */
    public List<HistogramBin> histogram(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("A histogram needs at least one bin, was " + bins);
        }
        long n = finiteCount();
        if (n == 0) {
            return List.of();
        }
        double lo = state.min();
        double hi = state.max();
        if (lo == hi) {
            return List.of(new HistogramBin(lo, hi, n));
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        edges[bins] = hi;
        double[] counts = binCounts(edges);
        List<HistogramBin> out = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            out.add(new HistogramBin(edges[i], edges[i + 1], counts[i]));
        }
        return out;
    }

    /**
     * Counts the finite values in bins with the given edges (each bin includes its lower edge; the last also its
     * upper edge); values outside [edges[0], edges[last]] are not counted.
     */
    double[] binCounts(double[] edges) {
        int bins = edges.length - 1;
        double[] counts = new double[bins];
        ExactValueCounts exact = state.exactValues();
        if (exact != null) {
            for (double value : exact.sortedValues()) {
                if (!Double.isFinite(value) || value < edges[0] || value > edges[bins]) {
                    continue;
                }
                int bin = Arrays.binarySearch(edges, value);
                bin = bin >= 0 ? Math.min(bin, bins - 1) : -bin - 2;
                counts[bin] += exact.count(value);
            }
            return counts;
        }
        long n = finiteCount();
        double previous = Math.rint(rank(edges[0], false) * n); // ranks are whole weights over n
        for (int i = 0; i < bins; i++) {
            double next = Math.rint((i == bins - 1 ? rank(edges[bins], true) : rank(edges[i + 1], false)) * n);
            counts[i] = Math.max(0.0, next - previous);
            previous = Math.max(previous, next);
        }
        return counts;
    }

    /**
     * @param limit how many values at most
     * @return the most frequent values, most frequent first (ties by value), while values are counted one by one;
     *         an empty list once the column had more distinct values than the profile counts exactly
     */
    public List<NumericValueCount> commonValues(int limit) {
        ExactValueCounts exact = state.exactValues();
        if (exact == null) {
            return List.of();
        }
        List<NumericValueCount> all = new ArrayList<>();
        for (double value : exact.sortedValues()) {
            all.add(new NumericValueCount(value, exact.count(value)));
        }
        all.sort(Comparator.comparingLong(NumericValueCount::count).reversed()
                .thenComparingDouble(NumericValueCount::value));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public DistinctCount distinct() {
        ExactValueCounts exact = state.exactValues();
        if (exact != null) {
            return DistinctCount.exactly(exact.size());
        }
        return DistinctCount.estimated(state.distinctSketch(), count() - state.nan());
    }

    @Override
    public NumericProfile merge(ColumnProfile other) {
        NumericProfile numeric = SameColumn.require(this, other, NumericProfile.class);
        NumericAccumulator merged = state.freeze();
        merged.merge(numeric.state);
        return new NumericProfile(name, merged.freeze());
    }

    @Override
    public String toString() {
        return "NumericProfile[" + name + ", " + count() + " values, " + nullCount() + " null, mean " + mean()
                + ", min " + min() + ", max " + max() + "]";
    }
}
