package org.mlops4j.drift.profile;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The formulas that turn two binned distributions into a drift score, written to give Evidently's numbers: PSI with
 * Evidently's replacement of empty bins, the Jensen-Shannon distance as scipy computes it, numpy's Sturges bin
 * count, and the asymptotic two-sample KS p-value as scipy's {@code ks_2samp(method="asymp")} computes it.
 *
 * <p>Package-private: not part of the API.
 */
final class Divergences {

    private Divergences() {
    }

    /**
     * Population stability index {@code sum((r - c) * ln(r / c))} after Evidently's zero handling: within each
     * distribution, empty bins get {@code min_nonzero / 1e6} when the smallest non-empty share is at most 1e-4, and
     * {@code 1e-4} otherwise (shares are not renormalised).
     *
     * @param reference bin shares of the reference, summing to 1
     * @param current   bin shares of the current data, summing to 1
     * @return the PSI, 0 or more
     */
    public static double psi(double[] reference, double[] current) {
        double[] r = fillZeros(reference);
        double[] c = fillZeros(current);
        double sum = 0.0;
        for (int i = 0; i < r.length; i++) {
            sum += (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return sum;
    }

    private static double[] fillZeros(double[] shares) {
        double minNonZero = Double.POSITIVE_INFINITY;
        boolean anyZero = false;
        for (double s : shares) {
            if (s == 0.0) {
                anyZero = true;
            } else {
                minNonZero = Math.min(minNonZero, s);
            }
        }
        if (!anyZero || minNonZero == Double.POSITIVE_INFINITY) {
            return shares.clone();
        }
        double fill = minNonZero <= 0.0001 ? minNonZero / 1e6 : 0.0001;
        double[] out = shares.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0.0) {
                out[i] = fill;
            }
        }
        return out;
    }

    /**
     * The Jensen-Shannon distance with natural logarithms, as {@code scipy.spatial.distance.jensenshannon}: both
     * vectors are normalised to sum 1, and the result is the square root of the divergence (at most sqrt(ln 2)).
     *
     * @param reference bin shares or counts of the reference
     * @param current   bin shares or counts of the current data
     * @return the distance, from 0 to about 0.8326
     */
    public static double jensenShannon(double[] reference, double[] current) {
        double sp = 0.0;
        double sq = 0.0;
        for (int i = 0; i < reference.length; i++) {
            sp += reference[i];
            sq += current[i];
        }
        double divergence = 0.0;
        for (int i = 0; i < reference.length; i++) {
            double p = reference[i] / sp;
            double q = current[i] / sq;
            double m = (p + q) / 2.0;
            if (p > 0) {
                divergence += p * Math.log(p / m);
            }
            if (q > 0) {
                divergence += q * Math.log(q / m);
            }
        }
        return Math.sqrt(Math.max(0.0, divergence / 2.0));
    }

    /**
     * numpy's {@code histogram_bin_edges(data, bins="sturges")} for data of {@code n} values from {@code min} to
     * {@code max}: {@code ceil(range / (range / (log2(n) + 1)))} equal-width bins.
     *
     * @param min the smallest value
     * @param max the largest value
     * @param n   the number of values
     * @return the bin edges, ascending; two edges {@code min - 0.5, max + 0.5} when {@code min == max}, as numpy
     */
    public static double[] sturgesEdges(double min, double max, long n) {
        if (min == max) {
            return new double[] {min - 0.5, max + 0.5};
        }
        double range = max - min;
        double width = range / (log2(n) + 1.0);
        int bins = (int) Math.ceil(range / width);
        return linspace(min, max, bins + 1);
    }

    /**
     * @param start first value
     * @param stop  last value
     * @param count number of values, at least 2
     * @return evenly spaced values as numpy's {@code linspace} computes them
     */
    public static double[] linspace(double start, double stop, int count) {
        double[] out = new double[count];
        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count; i++) {
            out[i] = start + i * step;
        }
        out[count - 1] = stop;
        return out;
    }

    private static double log2(long n) {
        return Math.log(n) / Math.log(2.0);
    }

    /**
     * The asymptotic two-sided p-value of the two-sample KS statistic, {@code P(D_en >= d)} for the one-sample
     * distribution at {@code en = round(n m / (n + m))}, as scipy's {@code kstwo.sf(d, round(en))}.
     *
     * @param d the statistic
     * @param n one sample's size
     * @param m the other's
     * @return the p-value from 0 to 1
     */
    public static double ksPValue(double d, long n, long m) {
        if (n == 0 || m == 0) {
            return 1.0;
        }
        double en = Math.rint((double) n * m / (n + m));
        int effective = (int) Math.max(1, Math.min(Integer.MAX_VALUE, en));
        if (d <= 0) {
            return 1.0;
        }
        if (d >= 1) {
            return 0.0;
        }
        double cdf = new KolmogorovSmirnovTest().cdf(d, effective, false);
        return Math.min(1.0, Math.max(0.0, 1.0 - cdf));
    }
}
