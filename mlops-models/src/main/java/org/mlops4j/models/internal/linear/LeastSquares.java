package org.mlops4j.models.internal.linear;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Solves the centred, weighted (ridge) least-squares problem from its normal equations
 * {@code (G + alpha I) beta = r}, {@code G = Xc' W Xc} and {@code r = Xc' W yc} over centred columns, as scikit-learn's
 * {@code LinearRegression} ({@code alpha = 0}) and {@code Ridge(alpha)} do before they add the intercept back:
 * <ul>
 *   <li>Columns that are constant in the data (zero variance) get coefficient 0 and take no part.</li>
 *   <li>{@code alpha > 0}: a Cholesky decomposition of {@code G + alpha I}, as scikit-learn's {@code Ridge}
 *       (solver "cholesky"); a singular value decomposition if that is not positive definite in floating point.</li>
 *   <li>{@code alpha = 0}: a Cholesky decomposition of {@code G} scaled to unit diagonal (a correlation matrix) when
 *       every pivot {@code L_jj^2} is at least {@link #LEAST_PIVOT}, i.e. no column is explained by the earlier ones
 *       with an {@code R^2} above {@code 1 - 1e-8}; otherwise (collinear or duplicated columns, one-hot columns with
 *       every level) the minimum-norm solution {@code G^+ r} by a singular value decomposition of {@code G} (commons
 *       math), whose singular values below {@link #RELATIVE_CUTOFF} times the largest count as zero.</li>
 * </ul>
 * The minimum-norm solution is that of {@code numpy.linalg.lstsq} on the centred design for exactly rank-deficient
 * designs. The decomposition works on {@code G}, whose singular values are the squares of the design's, so
 * directions whose singular value is below {@code sqrt(1e-10) = 1e-5} of the largest are dropped, where an SVD of the
 * design itself (LAPACK {@code gelsd}) would keep them: near-collinear designs (condition number above about 1e5) that
 * are not exactly rank-deficient get a truncated solution there. Stateless.
 */
public final class LeastSquares {

    /** The least Cholesky pivot of the unit-diagonal Gram matrix for the Cholesky route when {@code alpha = 0}. */
    static final double LEAST_PIVOT = 1e-8;

    /** Singular values of {@code G} below this share of the largest are taken as zero. */
    static final double RELATIVE_CUTOFF = 1e-10;

    /** How the system was solved. */
    public enum Method {
        /** Cholesky decomposition of the (scaled or penalised) normal equations. */
        CHOLESKY,
        /** Minimum-norm solution through a singular value decomposition of the normal equations. */
        SVD
    }

    /**
     * @param beta   columns x outputs coefficients
     * @param method how the system was solved
     * @param rank   the number of independent directions used (the non-constant columns for Cholesky)
     */
    record Solution(double[][] beta, Method method, int rank) {
    }

    private LeastSquares() {
    }

    /**
     * @param gram     the full symmetric matrix {@code G} (columns x columns); not changed
     * @param rhs      {@code r}, columns x outputs; not changed
     * @param constant which columns are constant in the data
     * @param alpha    the L2 penalty, at least 0
     * @return the coefficients, 0 for constant columns
     */
    static Solution solve(double[][] gram, double[][] rhs, boolean[] constant, double alpha) {
        int d = gram.length;
        int outputs = d == 0 ? 0 : rhs[0].length;
        int[] active = active(constant);
        int k = active.length;
        double[][] a = new double[k][k];
        double[][] b = new double[k][];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = gram[active[i]][active[j]];
            }
            a[i][i] += alpha;
            b[i] = rhs[active[i]].clone();
        }
        double[][] x;
        Method method = Method.CHOLESKY;
        int rank = k;
        double[] scale = new double[k];
        for (int i = 0; i < k; i++) {
            scale[i] = alpha > 0 ? 1.0 : 1.0 / Math.sqrt(a[i][i]);
        }
        double[][] lower = cholesky(a, scale, alpha > 0 ? 0.0 : LEAST_PIVOT);
        if (lower != null) {
            x = new double[k][];
            for (int i = 0; i < k; i++) {
                x[i] = new double[outputs];
            }
            for (int o = 0; o < outputs; o++) {
                double[] z = new double[k];
                for (int i = 0; i < k; i++) {
                    z[i] = b[i][o] * scale[i];
                }
                substitute(lower, z);
                for (int i = 0; i < k; i++) {
                    x[i][o] = z[i] * scale[i];
                }
            }
        } else {
            method = Method.SVD;
            SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
            double[] singular = svd.getSingularValues();
            double cutoff = (singular.length == 0 ? 0 : singular[0]) * RELATIVE_CUTOFF;
            RealMatrix u = svd.getU();
            RealMatrix v = svd.getV();
            rank = 0;
            x = new double[k][outputs];
            for (int s = 0; s < singular.length; s++) {
                if (!(singular[s] > cutoff)) {
                    continue;
                }
                rank++;
                for (int o = 0; o < outputs; o++) {
                    double projection = 0;
                    for (int i = 0; i < k; i++) {
                        projection += u.getEntry(i, s) * b[i][o];
                    }
                    projection /= singular[s];
                    for (int i = 0; i < k; i++) {
                        x[i][o] += v.getEntry(i, s) * projection;
                    }
                }
            }
        }
        double[][] beta = new double[d][outputs];
        for (int i = 0; i < k; i++) {
            beta[active[i]] = x[i];
        }
        return new Solution(beta, method, rank);
    }

    private static int[] active(boolean[] constant) {
        int k = 0;
        for (boolean c : constant) {
            k += c ? 0 : 1;
        }
        int[] active = new int[k];
        int next = 0;
        for (int j = 0; j < constant.length; j++) {
            if (!constant[j]) {
                active[next++] = j;
            }
        }
        return active;
    }

    /**
     * The Cholesky factor of {@code S A S}, {@code S = diag(scale)}.
     *
     * @return the lower triangle, or null when a pivot {@code L_jj^2} is not above {@code leastPivot}
     */
    private static double[][] cholesky(double[][] a, double[] scale, double leastPivot) {
        int k = a.length;
        double[][] l = new double[k][k];
        for (int j = 0; j < k; j++) {
            double[] lj = l[j];
            for (int i = j; i < k; i++) {
                double sum = a[i][j] * scale[i] * scale[j];
                double[] li = l[i];
                for (int p = 0; p < j; p++) {
                    sum -= li[p] * lj[p];
                }
                if (i == j) {
                    if (!(sum > leastPivot) || Double.isInfinite(sum)) {
                        return null;
                    }
                    lj[j] = Math.sqrt(sum);
                } else {
                    li[j] = sum / lj[j];
                }
            }
        }
        return l;
    }

    /** Solves {@code L L' z = z} in place. */
    private static void substitute(double[][] l, double[] z) {
        int k = z.length;
        for (int i = 0; i < k; i++) {
            double sum = z[i];
            for (int p = 0; p < i; p++) {
                sum -= l[i][p] * z[p];
            }
            z[i] = sum / l[i][i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double sum = z[i];
            for (int p = i + 1; p < k; p++) {
                sum -= l[p][i] * z[p];
            }
            z[i] = sum / l[i][i];
        }
    }
}
