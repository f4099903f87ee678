package org.mlops4j.core.monitor;

/**
 * How a score is compared with a threshold to decide drift. Evidently mixes strict and non-strict comparisons from
 * test to test ({@code ks} drifts at {@code p <= 0.05}, {@code chisquare} at {@code p < 0.05}); each test states its
 * rule so that verdicts agree at the boundary too.
 *
 * <p>A score that is not a number ({@code NaN}) never means drift.
 */
public enum DriftRule {
    /** Drift when {@code score < threshold} (p-values). */
    BELOW("<"),
    /** Drift when {@code score <= threshold} (p-values). */
    AT_OR_BELOW("<="),
    /** Drift when {@code score >= threshold} (distances). */
    AT_OR_ABOVE(">="),
    /** Drift when {@code score > threshold} (distances). */
    ABOVE(">");

    private final String symbol;

    DriftRule(String symbol) {
        this.symbol = symbol;
    }

    /** @return the comparison as an operator, such as {@code "<="}, for reports */
    public String symbol() {
        return symbol;
    }

    /**
     * @param score     the test's score
     * @param threshold the threshold
     * @return whether the score means drift under this rule
     */
    public boolean drifted(double score, double threshold) {
        return switch (this) {
            case BELOW -> score < threshold;
            case AT_OR_BELOW -> score <= threshold;
            case AT_OR_ABOVE -> score >= threshold;
            case ABOVE -> score > threshold;
        };
    }
}
