package org.mlops4j.drift;

import java.util.Arrays;

/**
 * Optional control of false alarms across the columns of a report, applied to the columns whose test gives a p-value
 * (distances are left as they are). Evidently has none; with many columns, some drift by chance alone.
 */
public enum MultipleTesting {
    /** No correction: each column is judged on its own p-value (Evidently's behaviour, the default). */
    NONE,
    /** Bonferroni: p-values multiplied by the number of p-value columns (capped at 1); controls the family-wise rate. */
    BONFERRONI,
    /** Benjamini-Hochberg step-up adjusted p-values; controls the false discovery rate. */
    BENJAMINI_HOCHBERG;

    /**
     * @param pValues the raw p-values (NaN allowed; NaN stays NaN and does not count towards m)
     * @return the adjusted p-values, in the same order
     */
    public double[] adjust(double[] pValues) {
        double[] out = pValues.clone();
        int m = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                m++;
            }
        }
        if (this == NONE || m == 0) {
            return out;
        }
        if (this == BONFERRONI) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(1.0, out[i] * m);
            }
            return out;
        }
        Integer[] order = new Integer[pValues.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b])); // NaN sorts last
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            out[i] = Math.min(1.0, running);
        }
        return out;
    }
}
