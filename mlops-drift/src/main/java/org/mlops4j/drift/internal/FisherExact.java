package org.mlops4j.drift.internal;

import org.apache.commons.math3.special.Gamma;

/**
 * Fisher's exact test on a 2×2 table, two-sided as scipy computes it: the probability of all tables with the same
 * margins that are no more likely than the observed one (within scipy's relative tolerance of 1e-14).
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class FisherExact {

    private static final double RELATIVE_TOLERANCE = 1 + 1e-14;

    private FisherExact() {
    }

    /**
     * @param a row 1, column 1
     * @param b row 1, column 2
     * @param c row 2, column 1
     * @param d row 2, column 2
     * @return the two-sided p-value; 1 when a row or column sums to zero
     */
    public static double twoSided(long a, long b, long c, long d) {
        long row1 = a + b;
        long row2 = c + d;
        long col1 = a + c;
        long total = row1 + row2;
        if (row1 == 0 || row2 == 0 || col1 == 0 || b + d == 0) {
            return 1.0;
        }
        long low = Math.max(0, col1 - row2);
        long high = Math.min(col1, row1);
        double logObserved = logPmf(a, total, row1, col1);
        double observed = Math.exp(logObserved);
        long mode = (long) ((double) (col1 + 1) * (row1 + 1) / (total + 2));
        double modeP = Math.exp(logPmf(mode, total, row1, col1));
        if (Math.abs(observed - modeP) / Math.max(observed, modeP) <= 1e-14) {
            return 1.0;
        }
        double limit = observed * RELATIVE_TOLERANCE;
        double p = 0;
        for (long x = low; x <= high; x++) {
            double px = Math.exp(logPmf(x, total, row1, col1));
            if (px <= limit) {
                p += px;
            }
        }
        return Math.min(p, 1.0);
    }

    private static double logPmf(long k, long total, long successes, long draws) {
        return logChoose(successes, k) + logChoose(total - successes, draws - k) - logChoose(total, draws);
    }

    private static double logChoose(long n, long k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }
}
