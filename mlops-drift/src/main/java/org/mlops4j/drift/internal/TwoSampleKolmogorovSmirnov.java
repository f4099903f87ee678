package org.mlops4j.drift.internal;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The two-sample Kolmogorov-Smirnov test, two-sided, as scipy's {@code ks_2samp(method="auto")} computes it: ties
 * handled exactly (the ECDFs are compared after each distinct value), the exact p-value when both samples have at most
 * 10 000 values, otherwise the Kolmogorov distribution for {@code round(n*m/(n+m))}.
 *
 * <p>commons-math3 differs here: it breaks ties with random jitter and uses the exact distribution only while
 * {@code n*m < 10 000}; this class exists so that scores match scipy.
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class TwoSampleKolmogorovSmirnov {

    private static final int MAX_EXACT_SIZE = 10_000;

    private TwoSampleKolmogorovSmirnov() {
    }

    /**
     * @param a the first sample, sorted ascending, not empty
     * @param b the second sample, sorted ascending, not empty
     * @return the statistic D: the largest absolute difference of the two empirical distribution functions
     */
    public static double statistic(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        int i = 0;
        int j = 0;
        double max = 0;
        double min = 0;
        while (i < n1 || j < n2) {
            double v = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
            while (i < n1 && a[i] <= v) {
                i++;
            }
            while (j < n2 && b[j] <= v) {
                j++;
            }
            double diff = (double) i / n1 - (double) j / n2;
            max = Math.max(max, diff);
            min = Math.min(min, diff);
        }
        return Math.max(Math.min(-min, 1.0), max);
    }

    /**
     * @param a the first sample, sorted ascending, not empty
     * @param b the second sample, sorted ascending, not empty
     * @return the two-sided p-value
     */
    public static double pValue(double[] a, double[] b) {
        return pValue(statistic(a, b), a.length, b.length);
    }

    /**
     * @param d  the statistic
     * @param n1 the first sample's size
     * @param n2 the second sample's size
     * @return the two-sided p-value, exact for samples up to 10 000 values
     */
    public static double pValue(double d, int n1, int n2) {
        double prob = Double.NaN;
        if (Math.max(n1, n2) <= MAX_EXACT_SIZE) {
            long g = gcd(n1, n2);
            long lcm = (n1 / g) * n2;
            long h = (long) Math.rint(d * lcm);
            d = (double) h / lcm;
            if (h == 0) {
                return 1.0;
            }
            prob = n1 == n2 ? probOutsideSquare(n1, h) : probOutsideInsideMethod(n1, n2, g, h);
        }
        if (!(prob >= 0 && prob <= 1)) {
            double m = Math.max(n1, n2);
            double n = Math.min(n1, n2);
            double en = m * n / (m + n);
            prob = kolmogorovSurvival(d, (int) Math.rint(en));
        }
        return Math.min(1, Math.max(0, prob));
    }

    /**
     * @param d the statistic
     * @param n the sample size
     * @return {@code P(D_n >= d)} of the one-sample Kolmogorov distribution (scipy's {@code kstwo.sf})
     */
    public static double kolmogorovSurvival(double d, int n) {
        return 1.0 - new KolmogorovSmirnovTest().cdf(d, n);
    }

    private static double probOutsideSquare(long n, long h) {
        double p = 0.0;
        long k = (long) Math.floor((double) n / h);
        while (k >= 0) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    private static double probOutsideInsideMethod(long m, long n, long g, long h) {
        if (m < n) {
            long t = m;
            m = n;
            n = t;
        }
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
        int curlen = maxj - minj;
        int lenA = (int) Math.min(2L * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        for (int k = minj; k < maxj; k++) {
            a[k] = 0.0;
        }
        for (long i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = (int) Math.min(minj, n);
            maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                java.util.Arrays.fill(a, maxj - minj, Math.min(a.length, maxj - minj + (lastlen - curlen)), 1.0);
            }
        }
        return a[maxj - minj - 1];
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
