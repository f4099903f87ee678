package org.mlops4j.models;

/**
 * One decile of a cumulative gains and lift table. Rows are sorted by the positive class's score, highest first
 * (tied scores keep their row order), and cut by position: decile {@code d} (1 to 10) holds positions
 * {@code floor((d-1) n / 10)} to {@code floor(d n / 10) - 1}.
 *
 * @param decile              1 (highest scores) to 10
 * @param rows                rows in this decile
 * @param positives           positive rows in this decile
 * @param cumulativeRows      rows in deciles 1 to this one
 * @param cumulativePositives positive rows in deciles 1 to this one
 * @param cumulativeGain      cumulative positives over all positives (the gains curve)
 * @param lift                this decile's share of positives over the overall share
 * @param cumulativeLift      cumulative gain over the share of rows in deciles 1 to this one
 * @param minScore            the lowest score in this decile
 * @param maxScore            the highest score in this decile
 */
public record GainsDecile(int decile, int rows, long positives, int cumulativeRows, long cumulativePositives,
        double cumulativeGain, double lift, double cumulativeLift, double minScore, double maxScore) {
}
