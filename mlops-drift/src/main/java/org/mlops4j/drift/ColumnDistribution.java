package org.mlops4j.drift;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The reference and current distributions of one column, for plots: counts per bin (numbers: equal-width bins over
 * both samples; categories: the most frequent values, the rest summed in a last bin).
 *
 * @param bins            each bin's label, such as {@code "[1.5, 2.0)"} or a category
 * @param referenceCounts reference values per bin
 * @param currentCounts   current values per bin
 */
public record ColumnDistribution(List<String> bins, long[] referenceCounts, long[] currentCounts) {

    /** Copies the arrays and checks that the lengths agree. */
    public ColumnDistribution {
        bins = List.copyOf(bins);
        referenceCounts = referenceCounts.clone();
        currentCounts = currentCounts.clone();
        if (referenceCounts.length != bins.size() || currentCounts.length != bins.size()) {
            throw new IllegalArgumentException("Counts for " + referenceCounts.length + " and " + currentCounts.length
                    + " bins but " + bins.size() + " bin labels");
        }
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnDistribution d && bins.equals(d.bins)
                && Arrays.equals(referenceCounts, d.referenceCounts) && Arrays.equals(currentCounts, d.currentCounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bins, Arrays.hashCode(referenceCounts), Arrays.hashCode(currentCounts));
    }

    @Override
    public String toString() {
        return "ColumnDistribution[" + bins.size() + " bins]";
    }
}
