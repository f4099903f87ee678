package org.mlops4j.core.tracking;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What a run has logged: the latest value of each metric (see {@link Metric#LATEST_ORDER}), its params and its tags.
 * The full history of a metric is read with {@link TrackingStore#getMetricHistory(String, String)}.
 *
 * @param metrics the latest value of each metric, by key
 * @param params  the params, by key
 * @param tags    the tags, by key
 */
public record RunData(Map<String, Metric> metrics, Map<String, String> params, Map<String, String> tags) {

    /** Data with nothing logged. */
    public static final RunData EMPTY = new RunData(Map.of(), Map.of(), Map.of());

    /** Copies the maps, sorted by key. */
    public RunData {
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /**
     * @param key a metric key
     * @return the metric's latest value, if logged
     */
    public OptionalDouble metric(String key) {
        Metric metric = metrics.get(key);
        return metric == null ? OptionalDouble.empty() : OptionalDouble.of(metric.value());
    }

    /**
     * @param key a param key
     * @return the param's value, if logged
     */
    public Optional<String> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    /**
     * @param key a tag key
     * @return the tag's value, if set
     */
    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }
}
