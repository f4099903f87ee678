package org.mlops4j.drift.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;

/**
 * The two-sample Cramér-von Mises test as Evidently computes it (its copy of scipy's {@code cramervonmises_2samp}):
 * midranks; U and T of Anderson (1962); the exact p-value (Xiao, Gordon and Yakovlev 2006) when both samples have at
 * most 20 values, otherwise the asymptotic distribution of the normalised statistic (Csörgő and Faraway 1996).
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class CramerVonMises {

    private static final int MAX_EXACT_SIZE = 20;

    private CramerVonMises() {
    }

    /**
     * @param x the first sample, sorted ascending, at least 2 values
     * @param y the second sample, sorted ascending, at least 2 values
     * @return the p-value
     */
    public static double pValue(double[] x, double[] y) {
        int nx = x.length;
        int ny = y.length;
        double u = u(x, y);
        if (Math.max(nx, ny) <= MAX_EXACT_SIZE) {
            return exactPValue(u, nx, ny);
        }
        double k = (double) nx * ny;
        double n = nx + ny;
        double t = u / (k * n) - (4 * k - 1) / (6 * n);
        double et = (1 + 1 / n) / 6;
        double vt = (n + 1.0) * (4 * k * n - 3 * ((double) nx * nx + (double) ny * ny) - 2 * k);
        vt = vt / (45 * n * n * 4 * k);
        double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
        if (tn < 0.003) {
            return 1.0;
        }
        return Math.max(0, 1.0 - cdfInfinite(tn));
    }

    /** @return U of Anderson (1962, eq. 10) from midranks */
    static double u(double[] x, double[] y) {
        double[] rx = MidRanks.ranks(x, y);
        double[] ry = MidRanks.ranks(y, x);
        double sx = 0;
        for (int i = 0; i < rx.length; i++) {
            double d = rx[i] - (i + 1);
            sx += d * d;
        }
        double sy = 0;
        for (int j = 0; j < ry.length; j++) {
            double d = ry[j] - (j + 1);
            sy += d * d;
        }
        return x.length * sx + y.length * sy;
    }

    /** The limiting distribution function of the one-sample statistic, summing terms until they fall below 1e-7. */
    static double cdfInfinite(double x) {
        double total = 0;
        for (int k = 0; ; k++) {
            double u = Math.exp(Gamma.logGamma(k + 0.5) - Gamma.logGamma(k + 1)) / (Math.pow(Math.PI, 1.5)
                    * Math.sqrt(x));
            double y = 4 * k + 1;
            double q = y * y / (16 * x);
            double term = u * Math.sqrt(y) * Math.exp(-q) * BesselK.quarter(q);
            total += term;
            if (!(Math.abs(term) >= 1e-7)) {
                return total;
            }
        }
    }

    static double exactPValue(double s, int m, int n) {
        long lcm = m / TwoSampleKolmogorovSmirnov.gcd(m, n) * n;
        long a = lcm / m;
        long b = lcm / n;
        long mn = (long) m * n;
        double zeta = pythonFloorDivide((double) (lcm * lcm * (m + n)) * (6 * s - mn * (4 * mn - 1)),
                6.0 * mn * mn);
        // gs[v] maps a value of the partial statistic to its frequency, for paths ending at (u, v)
        @SuppressWarnings("unchecked")
        Map<Long, Double>[] gs = new Map[m + 1];
        gs[0] = new HashMap<>(Map.of(0L, 1.0));
        for (int v = 1; v <= m; v++) {
            gs[v] = new HashMap<>();
        }
        for (int u = 0; u <= n; u++) {
            Map<Long, Double>[] next = new Map[m + 1];
            Map<Long, Double> tmp = new HashMap<>();
            for (int v = 0; v <= m; v++) {
                Map<Long, Double> merged = new HashMap<>(tmp);
                gs[v].forEach((value, freq) -> merged.merge(value, freq, Double::sum));
                long add = (a * v - b * u) * (a * v - b * u);
                Map<Long, Double> shifted = new HashMap<>(merged.size() * 2);
                merged.forEach((value, freq) -> shifted.put(value + add, freq));
                next[v] = shifted;
                tmp = shifted;
            }
            gs = next;
        }
        double combinations = 1;
        for (int i = 1; i <= m; i++) {
            combinations = combinations * (n + i) / i;
        }
        double tail = 0;
        for (var e : gs[m].entrySet()) {
            if (e.getKey() >= zeta) {
                tail += e.getValue();
            }
        }
        return tail / Math.rint(combinations);
    }

    /** Python's {@code float // float}. */
    static double pythonFloorDivide(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0 && ((wx < 0) != (mod < 0))) {
            div -= 1.0;
        }
        if (div != 0) {
            double floor = Math.floor(div);
            if (div - floor > 0.5) {
                floor += 1.0;
            }
            return floor;
        }
        return Math.copySign(0.0, vx / wx);
    }
}
