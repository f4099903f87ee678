package org.mlops4j.core.monitor;

import java.util.Objects;

/**
 * The outcome of one drift test on one column.
 *
 * @param stattest  the test's name
 * @param score     the p-value or distance the test computed
 * @param threshold the threshold it was compared with
 * @param drifted   whether the test found drift
 */
public record DriftTestResult(String stattest, double score, double threshold, boolean drifted) {

    /** Checks the test's name. */
    public DriftTestResult {
        Objects.requireNonNull(stattest, "stattest");
    }
}
