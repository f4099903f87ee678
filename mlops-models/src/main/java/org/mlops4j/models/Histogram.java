package org.mlops4j.models;

import java.util.List;

/**
 * Counts of values in equal-width bins, as numpy's {@code histogram}: bin {@code i} is
 * {@code [edges[i], edges[i+1])}, the last bin also holds its upper edge.
 *
 * @param label  what is counted, such as the true class of the rows whose scores are counted
 * @param edges  the bin edges, one more than the bins
 * @param counts the count per bin
 */
public record Histogram(String label, List<Double> edges, List<Long> counts) {

    /** Copies the lists. */
    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
    }
}
