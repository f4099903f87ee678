package org.mlops4j.core.tracking;

import java.util.Comparator;
import java.util.Objects;

/**
 * One measured value of a run at a time and a step. Metrics are append-only: every logged value is kept as history.
 * NaN and the infinities are valid values and are stored as such.
 *
 * @param key       the name (letters, digits, {@code _ - . / : space}; at most 250 characters)
 * @param value     the value; any double
 * @param timestamp when it was measured, in milliseconds since the epoch; not negative
 * @param step      the training step or epoch it belongs to (0 when there is none)
 */
public record Metric(String key, double value, long timestamp, long step) {

    /**
     * Which of two values of the same metric is the "latest" one, the value a run shows and searches compare: the
     * highest step wins, then the latest timestamp, then the larger value (NaN counts as larger than every number).
     * This is the rule of MLflow's file store, applied by every mlops4j store alike.
     */
    public static final Comparator<Metric> LATEST_ORDER = Comparator.comparingLong(Metric::step)
            .thenComparingLong(Metric::timestamp)
            .thenComparing(Metric::value, Double::compare);

    /** Checks the key is present. */
    public Metric {
        Objects.requireNonNull(key, "key");
    }

    /**
     * @param key   the name
     * @param value the value
     * @param step  the step
     * @return a metric measured now
     */
    public static Metric now(String key, double value, long step) {
        return new Metric(key, value, System.currentTimeMillis(), step);
    }

    /**
     * @param other another value of the same metric, or {@code null}
     * @return whichever of the two is the latest under {@link #LATEST_ORDER}
     */
    public Metric laterOf(Metric other) {
        return other == null || LATEST_ORDER.compare(this, other) >= 0 ? this : other;
    }
}
