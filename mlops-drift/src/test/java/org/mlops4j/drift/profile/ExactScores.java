package org.mlops4j.drift.profile;

import java.util.Arrays;

/**
 * Drift scores computed exactly from raw values, independently of the profile code, to measure the profiles'
 * approximation error. Checked against scipy on the reference data in {@link ProfileDriftTest}.
 */
final class ExactScores {

    private ExactScores() {
    }

    /** Two-sample KS statistic: the largest gap between the two empirical CDFs. */
    static double ks(double[] a, double[] b) {
        double[] x = sorted(a);
        double[] y = sorted(b);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** Wasserstein-1 between the empirical distributions, over the reference's population std (Evidently). */
    static double wassersteinNormed(double[] reference, double[] current) {
        double[] x = sorted(reference);
        double[] y = sorted(current);
        double[] all = sorted(concat(x, y));
        double area = 0;
        int i = 0;
        int j = 0;
        for (int k = 0; k < all.length - 1; k++) {
            while (i < x.length && x[i] <= all[k]) {
                i++;
            }
            while (j < y.length && y[j] <= all[k]) {
                j++;
            }
            area += Math.abs((double) i / x.length - (double) j / y.length) * (all[k + 1] - all[k]);
        }
        double mean = Arrays.stream(reference).average().orElseThrow();
        double var = Arrays.stream(reference).map(v -> (v - mean) * (v - mean)).sum() / reference.length;
        return area / Math.max(Math.sqrt(var), 0.001);
    }

    /** Evidently's PSI on Sturges bins over the pooled data (reference with more than 20 distinct values). */
    static double psiSturges(double[] reference, double[] current) {
        double[][] shares = sturgesShares(reference, current);
        double[] r = fill(shares[0]);
        double[] c = fill(shares[1]);
        double psi = 0;
        for (int i = 0; i < r.length; i++) {
            psi += (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return psi;
    }

    /** scipy's Jensen-Shannon distance on Evidently's Sturges bins. */
    static double jensenShannonSturges(double[] reference, double[] current) {
        double[][] shares = sturgesShares(reference, current);
        double js = 0;
        for (int i = 0; i < shares[0].length; i++) {
            double p = shares[0][i];
            double q = shares[1][i];
            double m = (p + q) / 2;
            js += (p > 0 ? p * Math.log(p / m) : 0) + (q > 0 ? q * Math.log(q / m) : 0);
        }
        return Math.sqrt(js / 2);
    }

    /** PSI on bins at the reference's deciles (numpy linear quantiles), open at both ends. */
    static double psiReferenceDeciles(double[] reference, double[] current) {
        double[][] shares = decileShares(reference, current);
        double[] r = fill(shares[0]);
        double[] c = fill(shares[1]);
        double psi = 0;
        for (int i = 0; i < r.length; i++) {
            psi += (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return psi;
    }

    /** Jensen-Shannon distance on bins at the reference's deciles. */
    static double jensenShannonReferenceDeciles(double[] reference, double[] current) {
        double[][] shares = decileShares(reference, current);
        double js = 0;
        for (int i = 0; i < shares[0].length; i++) {
            double p = shares[0][i];
            double q = shares[1][i];
            double m = (p + q) / 2;
            js += (p > 0 ? p * Math.log(p / m) : 0) + (q > 0 ? q * Math.log(q / m) : 0);
        }
        return Math.sqrt(js / 2);
    }

    private static double[][] decileShares(double[] reference, double[] current) {
        double[] x = sorted(reference);
        double[] edges = new double[9];
        for (int i = 1; i < 10; i++) {
            double position = (x.length - 1) * i / 10.0;
            int below = (int) Math.floor(position);
            edges[i - 1] = x[below] + (position - below) * (x[Math.min(below + 1, x.length - 1)] - x[below]);
        }
        double[][] out = new double[2][10];
        double[][] data = {reference, current};
        for (int s = 0; s < 2; s++) {
            for (double v : data[s]) {
                int bin = 0;
                while (bin < 9 && v >= edges[bin]) {
                    bin++;
                }
                out[s][bin] += 1.0 / data[s].length;
            }
        }
        return out;
    }

    private static double[][] sturgesShares(double[] reference, double[] current) {
        double[] pooled = concat(reference, current);
        double lo = Arrays.stream(pooled).min().orElseThrow();
        double hi = Arrays.stream(pooled).max().orElseThrow();
        int bins = (int) Math.ceil((hi - lo) / ((hi - lo) / (Math.log(pooled.length) / Math.log(2) + 1)));
        double width = (hi - lo) / bins;
        double[][] out = new double[2][bins];
        double[][] data = {reference, current};
        for (int s = 0; s < 2; s++) {
            for (double v : data[s]) {
                int bin = (int) Math.min(bins - 1, Math.floor((v - lo) / width));
                // an edge computed as lo + i * width may sit one ulp away from the division's answer
                double lower = lo + bin * width;
                if (v < lower && bin > 0) {
                    bin--;
                } else if (bin < bins - 1 && v >= lo + (bin + 1) * width) {
                    bin++;
                }
                out[s][bin] += 1.0 / data[s].length;
            }
        }
        return out;
    }

    private static double[] fill(double[] shares) {
        double min = Arrays.stream(shares).filter(v -> v > 0).min().orElse(1);
        double fill = min <= 0.0001 ? min / 1e6 : 0.0001;
        return Arrays.stream(shares).map(v -> v == 0 ? fill : v).toArray();
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
