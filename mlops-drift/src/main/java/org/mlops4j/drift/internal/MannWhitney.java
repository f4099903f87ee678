package org.mlops4j.drift.internal;

/**
 * The Mann-Whitney U test as scipy's {@code mannwhitneyu(x, y, alternative="less")} computes it. U1 is the statistic
 * of {@code x}; "less" means x tends to be smaller than y, and its p-value is the upper tail of U2 = n1·n2 − U1.
 * Exact when a sample has at most 8 values and there are no ties; otherwise the normal approximation with tie and
 * continuity corrections.
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class MannWhitney {

    private MannWhitney() {
    }

    /**
     * @param x the first sample, sorted ascending
     * @param y the second sample, sorted ascending
     * @return the one-sided p-value for "x is stochastically less than y"
     */
    public static double pValueLess(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        double[] ranks = MidRanks.ranks(x, y);
        double r1 = 0;
        for (double r : ranks) {
            r1 += r;
        }
        double u1 = r1 - n1 * (n1 + 1.0) / 2;
        double u2 = (double) n1 * n2 - u1;
        double tieTerm = MidRanks.tieTerm(x, y);
        boolean ties = tieTerm > 0;
        double p;
        if ((n1 > 8 && n2 > 8) || ties) {
            double n = n1 + n2;
            double mu = n1 * (double) n2 / 2;
            double s = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
            double z = (u2 - mu - 0.5) / s;
            p = Distributions.normalCdf(-z);
        } else {
            p = exactSurvival((long) Math.rint(u2), n1, n2);
        }
        return Math.min(1, Math.max(0, p));
    }

    /**
     * @return {@code P(U >= u)} under the null hypothesis, from the counts of the Gaussian binomial coefficient
     */
    static double exactSurvival(long u, int n1, int n2) {
        int small = Math.min(n1, n2);
        int large = Math.max(n1, n2);
        int maxU = small * large;
        double[] freq = new double[maxU + 1];
        freq[0] = 1;
        int degree = 0;
        for (int i = 1; i <= small; i++) {
            int factor = large + i;
            degree += large;
            for (int k = degree; k >= factor; k--) {
                freq[k] -= freq[k - factor];
            }
            for (int k = i; k <= degree; k++) {
                freq[k] += freq[k - i];
            }
        }
        double total = 0;
        double tail = 0;
        for (int k = 0; k <= maxU; k++) {
            total += freq[k];
            if (k >= u) {
                tail += freq[k];
            }
        }
        return tail / total;
    }
}
