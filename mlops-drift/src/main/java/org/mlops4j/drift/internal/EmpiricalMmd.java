package org.mlops4j.drift.internal;

import java.util.SplittableRandom;

/**
 * The maximum mean discrepancy between two one-dimensional samples with a Gaussian (RBF) kernel, as Evidently's
 * {@code empirical_mmd} computes it: the kernel width from the median heuristic on the reference
 * ({@code sigma = sqrt(0.5 * median of the squared pairwise distances)}, numpy's "nearest" percentile, including the
 * zero self-distances; {@code sqrt(0.5)} if that median is 0), squared distances computed as
 * {@code y² - 2xy + x²}, self-similarities left out, and the statistic
 * {@code ΣKxx/(n(n-1)) + ΣKyy/(m(m-1)) - 2 mean(Kxy)}.
 *
 * <p>The p-value is the share of random relabellings of the pooled values whose statistic is at least the observed
 * one. Evidently draws them unseeded; here they come from a seeded generator, so a rerun gives the same p-value.
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class EmpiricalMmd {

    private final double[] pooled;
    private final int n;
    private final int m;
    private final double gamma;
    private final double[] kernel;

    /** Up to this many pooled values the kernel's upper triangle is kept in memory (about 36 MB at the limit). */
    private static final int MAX_CACHED_SIZE = 3000;

    /**
     * @param x the reference values, at least 2
     * @param y the current values, at least 2
     */
    public EmpiricalMmd(double[] x, double[] y) {
        this.n = x.length;
        this.m = y.length;
        this.pooled = new double[n + m];
        System.arraycopy(x, 0, pooled, 0, n);
        System.arraycopy(y, 0, pooled, n, m);
        double sigma = Math.sqrt(0.5 * medianSquaredDistance(x));
        if (sigma == 0) {
            sigma = Math.sqrt(0.5);
        }
        this.gamma = 1.0 / (2.0 * sigma * sigma);
        this.kernel = pooled.length <= MAX_CACHED_SIZE ? upperTriangle() : null;
    }

    private double[] upperTriangle() {
        int size = pooled.length;
        double[] out = new double[size * (size - 1) / 2];
        int k = 0;
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                out[k++] = kernel(pooled[i], pooled[j]);
            }
        }
        return out;
    }

    private double kernel(double a, double b) {
        return Math.exp(-gamma * (b * b - 2 * (a * b) + a * a));
    }

    /** @return the statistic for the samples as given */
    public double statistic() {
        boolean[] inX = new boolean[n + m];
        for (int i = 0; i < n; i++) {
            inX[i] = true;
        }
        return statistic(inX);
    }

    /**
     * @param permutations how many random relabellings
     * @param seed         the seed of the generator
     * @return the share of relabellings with a statistic at least the observed one
     */
    public double pValue(int permutations, long seed) {
        double observed = statistic();
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n + m];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        boolean[] inX = new boolean[n + m];
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            java.util.Arrays.fill(inX, false);
            for (int i = 0; i < n; i++) {
                inX[order[i]] = true;
            }
            if (observed <= statistic(inX)) {
                atLeast++;
            }
        }
        return (double) atLeast / permutations;
    }

    private double statistic(boolean[] inX) {
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int size = pooled.length;
        int index = 0;
        for (int i = 0; i < size; i++) {
            double a = pooled[i];
            for (int j = i + 1; j < size; j++) {
                double k = kernel != null ? kernel[index++] : kernel(a, pooled[j]);
                if (inX[i] == inX[j]) {
                    if (inX[i]) {
                        sxx += k;
                    } else {
                        syy += k;
                    }
                } else {
                    sxy += k;
                }
            }
        }
        return 2 * sxx / ((double) n * (n - 1)) + 2 * syy / ((double) m * (m - 1)) - 2.0 * sxy / ((double) n * m);
    }

    private static double medianSquaredDistance(double[] x) {
        int n = x.length;
        double[] d = new double[n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[k++] = x[j] * x[j] - 2 * (x[i] * x[j]) + x[i] * x[i];
            }
        }
        long index = Math.round(Math.rint(0.5 * (d.length - 1)));
        return select(d, (int) index);
    }

    private static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
