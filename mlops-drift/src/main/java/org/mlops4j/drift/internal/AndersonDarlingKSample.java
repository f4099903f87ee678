package org.mlops4j.drift.internal;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The k-sample Anderson-Darling test for two samples, as scipy's {@code anderson_ksamp} computes it by default: the
 * midrank statistic A2akN of Scholz and Stephens (1987, eq. 7), standardised, and a p-value interpolated from their
 * table of critical values by a quadratic fit of log(significance) — which scipy caps to [0.001, 0.25].
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class AndersonDarlingKSample {

    private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
    private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
    private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
    private static final double[] SIGNIFICANCE = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};

    private AndersonDarlingKSample() {
    }

    /**
     * @param a the first sample, sorted ascending
     * @param b the second sample, sorted ascending
     * @return the standardised statistic
     * @throws IllegalArgumentException when the pooled sample has fewer than two distinct values
     */
    public static double statistic(double[] a, double[] b) {
        int n = a.length + b.length;
        double[] pooled = merge(a, b);
        double[] distinct = Histograms.distinctSorted(pooled);
        if (distinct.length < 2) {
            throw new IllegalArgumentException("needs more than one distinct observation");
        }
        double a2akn = 0;
        for (double[] sample : new double[][] {a, b}) {
            double inner = 0;
            for (double z : distinct) {
                int left = Histograms.lowerBound(pooled, z);
                double lj = Histograms.upperBound(pooled, z) - left;
                double bj = left + lj / 2.0;
                int right = Histograms.upperBound(sample, z);
                double fij = right - Histograms.lowerBound(sample, z);
                double mij = right - fij / 2.0;
                double diff = n * mij - bj * sample.length;
                inner += lj / n * diff * diff / (bj * (n - bj) - n * lj / 4.0);
            }
            a2akn += inner / sample.length;
        }
        a2akn *= (n - 1.0) / n;

        int k = 2;
        double hSmall = 1.0 / a.length + 1.0 / b.length;
        double cumulative = 0;
        double g = 0;
        for (int i = n - 1, idx = 0; i > 1; i--, idx++) {
            cumulative += 1.0 / i;
            g += cumulative / (idx + 2);
        }
        double h = cumulative + 1;
        double aa = (4 * g - 6) * (k - 1) + (10 - 6 * g) * hSmall;
        double bb = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * hSmall - 8 * h + 4 * g - 6;
        double cc = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * hSmall + 4 * h;
        double dd = (2 * h + 6) * k * k - 4 * h * k;
        double nn = n;
        double sigmaSq = (aa * nn * nn * nn + bb * nn * nn + cc * nn + dd) / ((nn - 1.) * (nn - 2.) * (nn - 3.));
        double m = k - 1;
        return (a2akn - m) / Math.sqrt(sigmaSq);
    }

    /**
     * @param a the first sample, sorted ascending
     * @param b the second sample, sorted ascending
     * @return the interpolated p-value, within [0.001, 0.25]
     */
    public static double pValue(double[] a, double[] b) {
        double a2 = statistic(a, b);
        double m = 1;
        double[] critical = new double[B0.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < critical.length; i++) {
            critical[i] = B0[i] + B1[i] / Math.sqrt(m) + B2[i] / m;
            min = Math.min(min, critical[i]);
            max = Math.max(max, critical[i]);
        }
        if (a2 < min) {
            return 0.25;
        }
        if (a2 > max) {
            return 0.001;
        }
        double[][] vandermonde = new double[critical.length][3];
        double[] logSig = new double[critical.length];
        for (int i = 0; i < critical.length; i++) {
            vandermonde[i][0] = critical[i] * critical[i];
            vandermonde[i][1] = critical[i];
            vandermonde[i][2] = 1;
            logSig[i] = Math.log(SIGNIFICANCE[i]);
        }
        RealVector fit = new QRDecomposition(new Array2DRowRealMatrix(vandermonde, false)).getSolver()
                .solve(new ArrayRealVector(logSig, false));
        return Math.exp((fit.getEntry(0) * a2 + fit.getEntry(1)) * a2 + fit.getEntry(2));
    }

    static double[] merge(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            out[k++] = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
        }
        return out;
    }
}
