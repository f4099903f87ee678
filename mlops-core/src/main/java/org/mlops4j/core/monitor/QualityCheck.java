package org.mlops4j.core.monitor;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The comparison of measured model-quality metrics with their {@link QualityTargets}, kept in a
 * {@link PolicyDecision} as evidence.
 *
 * @param checked  whether quality was checked at all (false when there were no targets or no measurements)
 * @param measured the measured metrics by name
 * @param targets  the targets by name; a measured value must be greater
 * @param missed   the metrics that did not exceed their target, sorted by name
 * @param action   the action quality asks for: {@link ActionKind#NONE} when every target is met
 */
public record QualityCheck(boolean checked, Map<String, Double> measured, Map<String, Double> targets,
                           List<String> missed, ActionKind action) {

    /** Copies the collections (maps sorted by metric name). */
    public QualityCheck {
        measured = Collections.unmodifiableMap(new TreeMap<>(measured));
        targets = Collections.unmodifiableMap(new TreeMap<>(targets));
        missed = List.copyOf(missed);
        Objects.requireNonNull(action, "action");
    }

    /** @return the check of a decision made without quality metrics */
    public static QualityCheck notChecked() {
        return new QualityCheck(false, Map.of(), Map.of(), List.of(), ActionKind.NONE);
    }
}
