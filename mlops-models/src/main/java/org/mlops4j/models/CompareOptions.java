package org.mlops4j.models;

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
 * @param include    the family keys to compare; empty means every family of the task (with {@code turbo}, those
 *                   whose {@link ModelFamily#turbo()} is true)
 * @param exclude    family keys to leave out
 * @param sortBy     the metric to sort by; empty means AUC (classification) or R2 (regression)
 * @param timeBudget the wall time after which the comparison stops and returns what finished; empty means none
 * @param params     parameters that differ from a family's defaults, by family key (for example fewer trees on
 *                   large data); families not named use their defaults
 * @param turbo      when {@code include} is empty, leave out the slow families (as PyCaret's {@code turbo=True});
 *                   true by default
 */
public record CompareOptions(List<String> include, List<String> exclude, Optional<EvaluationMetric> sortBy,
        Optional<Duration> timeBudget, Map<String, Map<String, Object>> params, boolean turbo) {

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

    /**
     * Options with turbo on.
     *
     * @param include    the family keys to compare; empty means every turbo family of the task
     * @param exclude    family keys to leave out
     * @param sortBy     the metric to sort by
     * @param timeBudget the most wall time to spend
     * @param params     parameters that differ from the families' defaults
     */
    public CompareOptions(List<String> include, List<String> exclude, Optional<EvaluationMetric> sortBy,
            Optional<Duration> timeBudget, Map<String, Map<String, Object>> params) {
        this(include, exclude, sortBy, timeBudget, params, true);
    }

    /** @return every turbo family, default sort metric, no time budget */
    public static CompareOptions defaults() {
        return new CompareOptions(List.of(), List.of(), Optional.empty(), Optional.empty(), Map.of(), true);
    }

    /** @param families the keys to compare @return a copy comparing only those */
    public CompareOptions include(String... families) {
        return new CompareOptions(List.of(families), exclude, sortBy, timeBudget, params, turbo);
    }

    /** @param families keys to leave out @return a copy without them */
    public CompareOptions exclude(String... families) {
        return new CompareOptions(include, List.of(families), sortBy, timeBudget, params, turbo);
    }

    /** @param metric the metric to sort by @return a copy sorting by it */
    public CompareOptions sortBy(EvaluationMetric metric) {
        return new CompareOptions(include, exclude, Optional.of(metric), timeBudget, params, turbo);
    }

    /**
     * @param family a family key
     * @param values parameters of that family that differ from its defaults
     * @return a copy that compares the family with these parameters
     */
    public CompareOptions withParams(String family, Map<String, ?> values) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>(params);
        copy.put(family, new LinkedHashMap<>(values));
        return new CompareOptions(include, exclude, sortBy, timeBudget, copy, turbo);
    }

    /** @param budget the most wall time to spend @return a copy with that budget */
    public CompareOptions timeBudget(Duration budget) {
        return new CompareOptions(include, exclude, sortBy, Optional.of(budget), params, turbo);
    }

    /**
     * @param on whether a comparison of every family leaves out the slow ones ({@link ModelFamily#turbo()} false)
     * @return a copy with that setting
     */
    public CompareOptions turbo(boolean on) {
        return new CompareOptions(include, exclude, sortBy, timeBudget, params, on);
    }
}
