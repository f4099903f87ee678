package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import java.util.Set;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftDetector;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftTreatment;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.core.spi.DriftDetectorProvider;

/**
 * The common part of mlops4j's built-in drift tests: each is its own provider (it is stateless, so
 * {@link #create(MlopsConfig)} returns the instance itself) and describes itself with Evidently's name, column types,
 * default threshold, score kind and drift rule.
 *
 * <p>Subclasses have a public no-argument constructor, are immutable and thread-safe, and implement
 * {@link #score(org.mlops4j.core.monitor.DriftSamples)}.
 */
public abstract class StatTest implements DriftDetector, DriftDetectorProvider {

    private final String name;
    private final String description;
    private final Set<ColumnType> columnTypes;
    private final double defaultThreshold;
    private final ScoreKind scoreKind;
    private final DriftRule rule;

    /**
     * @param name             the lower-case name, Evidently's stat-test name
     * @param description      what the test computes, in one line
     * @param columnTypes      how it can treat a column: numeric, categorical or both ({@link DriftTreatment})
     * @param defaultThreshold the threshold when none is given
     * @param scoreKind        p-value or distance
     * @param rule             how the score is compared with the threshold
     */
    protected StatTest(String name, String description, Set<ColumnType> columnTypes, double defaultThreshold,
                       ScoreKind scoreKind, DriftRule rule) {
        this.name = name;
        this.description = description;
        columnTypes.forEach(type -> DriftTreatment.require(type, "of test " + name));
        this.columnTypes = Set.copyOf(EnumSet.copyOf(columnTypes));
        this.defaultThreshold = defaultThreshold;
        this.scoreKind = scoreKind;
        this.rule = rule;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<ColumnType> columnTypes() {
        return columnTypes;
    }

    @Override
    public final double defaultThreshold() {
        return defaultThreshold;
    }

    @Override
    public final ScoreKind scoreKind() {
        return scoreKind;
    }

    @Override
    public final DriftRule rule() {
        return rule;
    }

    /**
     * @param config the host's configuration (unused by tests without settings)
     * @return this test, which is immutable and thread-safe
     */
    @Override
    public DriftDetector create(MlopsConfig config) {
        return this;
    }

    @Override
    public String toString() {
        return name + " (" + scoreKind + ", drift when score " + rule.symbol() + " " + defaultThreshold + ")";
    }
}
