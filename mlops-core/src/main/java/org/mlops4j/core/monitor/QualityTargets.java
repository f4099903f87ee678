package org.mlops4j.core.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The model-quality metrics a model must exceed, such as {@code auc > 0.75}, and the action when a measured metric
 * does not: a second trigger of an {@link ActionPolicy}, next to drift. A metric exactly at its target misses it
 * (targets are strict lower bounds, as "AUC &gt; 0.75" reads).
 *
 * @param minimums         each metric's target, by the metric's name (such as {@code auc}, {@code precision}); a
 *                         measured value must be greater
 * @param actionWhenMissed what to do when at least one measured metric misses its target
 */
public record QualityTargets(Map<String, Double> minimums, ActionKind actionWhenMissed) {

    /** Copies the map (sorted by metric name) and checks the targets. */
    public QualityTargets {
        Objects.requireNonNull(actionWhenMissed, "actionWhenMissed");
        minimums = Collections.unmodifiableMap(new TreeMap<>(minimums));
        minimums.forEach((metric, target) -> {
            if (target == null || !Double.isFinite(target)) {
                throw new IllegalArgumentException("The target of quality metric '" + metric
                        + "' must be a finite number, got " + target);
            }
        });
    }

    /** @return no targets: quality never triggers an action */
    public static QualityTargets none() {
        return new QualityTargets(Map.of(), ActionKind.NONE);
    }

    /**
     * @param minimums each metric's target; a measured value must be greater
     * @return targets whose miss triggers {@link ActionKind#RETRAIN}
     */
    public static QualityTargets exceeding(Map<String, Double> minimums) {
        return new QualityTargets(minimums, ActionKind.RETRAIN);
    }

    /**
     * @param action what to do when a target is missed
     * @return these targets with that action
     */
    public QualityTargets whenMissed(ActionKind action) {
        return new QualityTargets(minimums, action);
    }

    /** @return whether there are no targets */
    public boolean isEmpty() {
        return minimums.isEmpty();
    }

    /**
     * Compares measured metrics with the targets.
     *
     * @param measured the measured metrics by name; empty when quality was not measured
     * @return the check; {@link QualityCheck#notChecked()} when there are no targets or no measurements
     * @throws IllegalArgumentException when metrics were measured but one with a target is not among them
     */
    public QualityCheck check(Map<String, Double> measured) {
        if (minimums.isEmpty() || measured.isEmpty()) {
            return QualityCheck.notChecked();
        }
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, Double> target : minimums.entrySet()) {
            Double value = measured.get(target.getKey());
            if (value == null) {
                throw new IllegalArgumentException("Quality metric '" + target.getKey() + "' has a target but was "
                        + "not measured (measured: " + new TreeMap<>(measured).keySet() + "); measure it or drop "
                        + "its target");
            }
            if (!(value > target.getValue())) {
                missed.add(target.getKey());
            }
        }
        return new QualityCheck(true, measured, minimums, missed,
                missed.isEmpty() ? ActionKind.NONE : actionWhenMissed);
    }
}
