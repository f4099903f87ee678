package org.mlops4j.core.monitor;

import java.util.Objects;

/**
 * The outcome of one drift test on one column.
 *
 * @param stattest  the test's name, such as {@code ks}
 * @param scoreKind whether the score is a p-value or a distance
 * @param score     the p-value or distance the test computed ({@code NaN} when undefined)
 * @param threshold the threshold it was compared with
 * @param rule      how score and threshold were compared
 * @param drifted   whether the test found drift
 */
public record DriftTestResult(String stattest, ScoreKind scoreKind, double score, double threshold, DriftRule rule,
                              boolean drifted) {

    /** Checks that nothing is missing. */
    public DriftTestResult {
        Objects.requireNonNull(stattest, "stattest");
        Objects.requireNonNull(scoreKind, "scoreKind");
        Objects.requireNonNull(rule, "rule");
    }
}
