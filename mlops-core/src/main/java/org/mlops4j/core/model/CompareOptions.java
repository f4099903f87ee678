package org.mlops4j.core.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param params     parameters that differ from a family's defaults, by family key (for example fewer trees on
 *                   large data); families not named use their defaults
 */
public record CompareOptions(List<String> include, List<String> exclude, Optional<Metric> sortBy,
        Optional<Duration> timeBudget, Map<String, Map<String, Object>> params) {

    /** Copies the collections and checks the budget. */
    public CompareOptions {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        params.forEach((family, values) -> copy.put(family, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        params = Collections.unmodifiableMap(copy);
        if (timeBudget.isPresent() && (timeBudget.get().isNegative() || timeBudget.get().isZero())) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + timeBudget.get());
        }
    }

    /** @return every family, default sort metric, no time budget */
    public static CompareOptions defaults() {
        return new CompareOptions(List.of(), List.of(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** @param families the keys to compare @return a copy comparing only those */
    public CompareOptions include(String... families) {
        return new CompareOptions(List.of(families), exclude, sortBy, timeBudget, params);
    }

    /** @param families keys to leave out @return a copy without them */
    public CompareOptions exclude(String... families) {
        return new CompareOptions(include, List.of(families), sortBy, timeBudget, params);
    }

    /** @param metric the metric to sort by @return a copy sorting by it */
    public CompareOptions sortBy(Metric metric) {
        return new CompareOptions(include, exclude, Optional.of(metric), timeBudget, params);
    }

    /**
     * @param family a family key
     * @param values parameters of that family that differ from its defaults
     * @return a copy that compares the family with these parameters
     */
    public CompareOptions withParams(String family, Map<String, ?> values) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>(params);
        copy.put(family, new LinkedHashMap<>(values));
        return new CompareOptions(include, exclude, sortBy, timeBudget, copy);
    }

    /** @param budget the most wall time to spend @return a copy with that budget */
    public CompareOptions timeBudget(Duration budget) {
        return new CompareOptions(include, exclude, sortBy, Optional.of(budget), params);
    }
}
