package org.mlops4j.core.monitor;

/**
 * What a drift test's score is: a p-value (small means drift) or a distance (large means drift).
 */
public enum ScoreKind {
    /** The probability, under "no drift", of a difference at least as large as the one seen; in [0, 1]. */
    P_VALUE,
    /** A distance or divergence between the two distributions; 0 when they are equal. */
    DISTANCE
}
