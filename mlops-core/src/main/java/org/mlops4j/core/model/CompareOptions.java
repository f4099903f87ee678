package org.mlops4j.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ModelingSetup#compareModels(CompareOptions)} compares and how.
 *
 * <pre>{@code
 * Leaderboard board = setup.compareModels(CompareOptions.defaults()
 *         .exclude("knn")
 *         .sortBy(Metric.AUC)
 *         .timeBudget(Duration.ofMinutes(5)));
 * }</pre>
 *
 * @param include    the family keys to compare; empty means every family of the task
 * @param exclude    family keys to leave out
 * @param sortBy     the metric to sort by; empty means AUC (classification) or R2 (regression)
 * @param timeBudget the wall time after which the comparison stops and returns what finished; empty means none
 */
public record CompareOptions(List<String> include, List<String> exclude, Optional<Metric> sortBy,
        Optional<Duration> timeBudget) {

    /** Copies the lists and checks the budget. */
    public CompareOptions {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (timeBudget.isPresent() && (timeBudget.get().isNegative() || timeBudget.get().isZero())) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + timeBudget.get());
        }
    }

    /** @return every family, default sort metric, no time budget */
    public static CompareOptions defaults() {
        return new CompareOptions(List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /** @param families the keys to compare @return a copy comparing only those */
    public CompareOptions include(String... families) {
        return new CompareOptions(List.of(families), exclude, sortBy, timeBudget);
    }

    /** @param families keys to leave out @return a copy without them */
    public CompareOptions exclude(String... families) {
        return new CompareOptions(include, List.of(families), sortBy, timeBudget);
    }

    /** @param metric the metric to sort by @return a copy sorting by it */
    public CompareOptions sortBy(Metric metric) {
        return new CompareOptions(include, exclude, Optional.of(metric), timeBudget);
    }

    /** @param budget the most wall time to spend @return a copy with that budget */
    public CompareOptions timeBudget(Duration budget) {
        return new CompareOptions(include, exclude, sortBy, Optional.of(budget));
    }
}
