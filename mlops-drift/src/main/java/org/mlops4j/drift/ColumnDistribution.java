package org.mlops4j.drift;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The reference and current distributions of one column, for plots: counts per bin and, for numbers, the bin edges
 * and quantiles. Numbers with more than {@value ColumnDistributions#MAX_CATEGORIES} distinct values get equal-width
 * bins over both samples (numpy's Sturges rule, at most {@value ColumnDistributions#MAX_HISTOGRAM_BINS} bins);
 * categories, and numbers with fewer distinct values, get one bin per value: the
 * {@value ColumnDistributions#MAX_CATEGORIES} most frequent (numbers: the smallest), the rest summed in a last bin
 * labelled {@code other (N values)}.
 *
 * @param bins               each bin's label, such as {@code "[1.5, 2.0)"} or a category
 * @param referenceCounts    reference values per bin
 * @param currentCounts      current values per bin
 * @param edges              the bin edges of a histogram, one more than the bins, ascending; empty when each bin
 *                           is a value
 * @param referenceQuantiles for numbers, the reference's quantiles at {@link #QUANTILE_LEVELS}; empty for categories
 * @param currentQuantiles   for numbers, the current quantiles at {@link #QUANTILE_LEVELS}; empty for categories
 */
public record ColumnDistribution(List<String> bins, long[] referenceCounts, long[] currentCounts, double[] edges,
                                 double[] referenceQuantiles, double[] currentQuantiles) {

    /** The quantile levels of numeric columns: 5 %, 25 %, median, 75 %, 95 %. */
    public static final List<Double> QUANTILE_LEVELS = List.of(0.05, 0.25, 0.5, 0.75, 0.95);

    /** Copies the arrays and checks that the lengths agree. */
    public ColumnDistribution {
        bins = List.copyOf(bins);
        referenceCounts = referenceCounts.clone();
        currentCounts = currentCounts.clone();
        edges = edges.clone();
        referenceQuantiles = referenceQuantiles.clone();
        currentQuantiles = currentQuantiles.clone();
        if (referenceCounts.length != bins.size() || currentCounts.length != bins.size()) {
            throw new IllegalArgumentException("Counts for " + referenceCounts.length + " and " + currentCounts.length
                    + " bins but " + bins.size() + " bin labels");
        }
        if (edges.length != 0 && edges.length != bins.size() + 1) {
            throw new IllegalArgumentException(edges.length + " bin edges for " + bins.size() + " bins; give one "
                    + "more edge than bins, or none");
        }
        for (double[] q : new double[][] {referenceQuantiles, currentQuantiles}) {
            if (q.length != 0 && q.length != QUANTILE_LEVELS.size()) {
                throw new IllegalArgumentException(q.length + " quantiles for the " + QUANTILE_LEVELS.size()
                        + " levels " + QUANTILE_LEVELS);
            }
        }
    }

    /**
     * A distribution with one bin per value and no quantiles.
     *
     * @param bins            each bin's label
     * @param referenceCounts reference values per bin
     * @param currentCounts   current values per bin
     */
    public ColumnDistribution(List<String> bins, long[] referenceCounts, long[] currentCounts) {
        this(bins, referenceCounts, currentCounts, new double[0], new double[0], new double[0]);
    }

    /** @return whether the bins are a histogram's ({@link #edges()} are given) rather than one per value */
    public boolean isHistogram() {
        return edges.length > 0;
    }

    /** @return a copy of the reference counts per bin */
    @Override
    public long[] referenceCounts() {
        return referenceCounts.clone();
    }

    /** @return a copy of the current counts per bin */
    @Override
    public long[] currentCounts() {
        return currentCounts.clone();
    }

    /** @return a copy of the bin edges (empty when each bin is a value) */
    @Override
    public double[] edges() {
        return edges.clone();
    }

    /** @return a copy of the reference quantiles (empty for categories) */
    @Override
    public double[] referenceQuantiles() {
        return referenceQuantiles.clone();
    }

    /** @return a copy of the current quantiles (empty for categories) */
    @Override
    public double[] currentQuantiles() {
        return currentQuantiles.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnDistribution d && bins.equals(d.bins)
                && Arrays.equals(referenceCounts, d.referenceCounts) && Arrays.equals(currentCounts, d.currentCounts)
                && Arrays.equals(edges, d.edges) && Arrays.equals(referenceQuantiles, d.referenceQuantiles)
                && Arrays.equals(currentQuantiles, d.currentQuantiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bins, Arrays.hashCode(referenceCounts), Arrays.hashCode(currentCounts),
                Arrays.hashCode(edges), Arrays.hashCode(referenceQuantiles), Arrays.hashCode(currentQuantiles));
    }

    @Override
    public String toString() {
        return "ColumnDistribution[" + bins.size() + " bins]";
    }
}
