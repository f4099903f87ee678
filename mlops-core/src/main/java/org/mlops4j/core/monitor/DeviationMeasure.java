package org.mlops4j.core.monitor;

/**
 * How far one column's current distribution has moved from its reference distribution, as one number that an
 * {@link ActionPolicy} sorts into bands. The default measure (in {@code mlops-drift}) is the total variation distance
 * in percentage points: the share of probability mass that moved, from 0 (the same distribution) to 100 (no overlap).
 *
 * <p>Implementations are immutable and safe to use from several threads at once.
 */
public interface DeviationMeasure {

    /** @return a stable, lower-case name for records and configuration, such as {@code tvd} */
    String name();

    /** @return the unit of the values, for people, such as {@code percentage points} */
    String unit();

    /**
     * Measures one column's deviation. Called once per monitored column and check, from any thread.
     *
     * @param samples the reference and current values of the column, without missing or infinite values
     * @return the deviation, a finite number at least 0 in the measure's range
     */
    double deviation(DriftSamples samples);
}
