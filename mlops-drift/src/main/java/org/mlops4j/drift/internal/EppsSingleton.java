package org.mlops4j.drift.internal;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The Epps-Singleton two-sample test on the empirical characteristic function at t = (0.4, 0.8), as scipy's
 * {@code epps_singleton_2samp} computes it: points scaled by half the pooled interquartile range, biased covariance
 * estimates, the Moore-Penrose inverse, a small-sample correction below 25 values, and a chi-squared p-value with
 * the rank of the covariance as degrees of freedom. The rank is the exact-arithmetic one (see {@link #RANK_TOLERANCE}),
 * where scipy's may count rounding noise on data with few distinct values.
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class EppsSingleton {

    private static final double[] T = {0.4, 0.8};
    /**
     * Singular values of the covariance below this share of the largest are zero. On data with at most four distinct
     * values the covariance is singular in exact arithmetic and its zero singular values come out as rounding noise
     * (1e-17 to 1e-15 of the largest); scipy's {@code pinv} (cut at 1e-15) then counts some noise as rank and divides
     * by it, so its statistic depends on rounding. Cutting well above the noise gives the exact-arithmetic rank.
     */
    private static final double RANK_TOLERANCE = 1e-10;

    private EppsSingleton() {
    }

    /**
     * @param x the first sample, at least 5 values
     * @param y the second sample, at least 5 values
     * @param pooledIqr the interquartile range of both samples together, positive
     * @return the p-value
     */
    public static double pValue(double[] x, double[] y, double pooledIqr) {
        int nx = x.length;
        int ny = y.length;
        double n = nx + ny;
        double sigma = pooledIqr / 2;
        double[] ts = {T[0] / sigma, T[1] / sigma};
        double[][] gx = features(x, ts);
        double[][] gy = features(y, ts);
        double[] meanX = rowMeans(gx);
        double[] meanY = rowMeans(gy);
        double[][] covX = biasedCovariance(gx, meanX);
        double[][] covY = biasedCovariance(gy, meanY);
        int p = 2 * T.length;
        double[][] est = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                est[i][j] = (n / nx) * covX[i][j] + (n / ny) * covY[i][j];
            }
        }
        double[] diff = new double[p];
        for (int i = 0; i < p; i++) {
            diff[i] = meanX[i] - meanY[i];
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(est, false));
        double[] singular = svd.getSingularValues();
        RealMatrix u = svd.getU();
        double w = 0;
        int rank = 0;
        for (int k = 0; k < singular.length; k++) {
            if (singular[k] > RANK_TOLERANCE * singular[0]) {
                double projection = 0;
                for (int i = 0; i < p; i++) {
                    projection += u.getEntry(i, k) * diff[i];
                }
                w += projection * projection / singular[k];
                rank++;
            }
        }
        w *= n;
        if (Math.max(nx, ny) < 25) {
            double corr = 1.0 / (1.0 + Math.pow(n, -0.45) + 10.1 * (Math.pow(nx, -1.7) + Math.pow(ny, -1.7)));
            w *= corr;
        }
        return Distributions.chiSquaredSurvival(w, rank);
    }

    /**
     * @param sorted values, ascending
     * @return the interquartile range with numpy's linear interpolation of percentiles
     */
    public static double interquartileRange(double[] sorted) {
        return Histograms.quantile(sorted, 0.75) - Histograms.quantile(sorted, 0.25);
    }

    private static double[][] features(double[] values, double[] ts) {
        double[][] out = new double[2 * ts.length][values.length];
        for (int k = 0; k < ts.length; k++) {
            for (int i = 0; i < values.length; i++) {
                double arg = ts[k] * values[i];
                out[k][i] = Math.cos(arg);
                out[ts.length + k][i] = Math.sin(arg);
            }
        }
        return out;
    }

    private static double[] rowMeans(double[][] rows) {
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double sum = 0;
            for (double v : rows[r]) {
                sum += v;
            }
            out[r] = sum / rows[r].length;
        }
        return out;
    }

    private static double[][] biasedCovariance(double[][] rows, double[] means) {
        int p = rows.length;
        int n = rows[0].length;
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += (rows[i][k] - means[i]) * (rows[j][k] - means[j]);
                }
                out[i][j] = sum / (n - 1) * (n - 1) / n;
                out[j][i] = out[i][j];
            }
        }
        return out;
    }
}
