package org.mlops4j.drift.internal;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Tail probabilities computed from the regularized special functions, so that small p-values keep their precision
 * (rather than {@code 1 - cdf}).
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class Distributions {

    private Distributions() {
    }

    /**
     * @param x                the statistic
     * @param degreesOfFreedom the degrees of freedom, positive
     * @return {@code P(X >= x)} for a chi-squared variable; 0 for infinite {@code x}, NaN for NaN
     */
    public static double chiSquaredSurvival(double x, double degreesOfFreedom) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, x / 2.0);
    }

    /**
     * @param z a standard score
     * @return {@code P(Z <= z)} for a standard normal variable
     */
    public static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2.0));
    }

    /**
     * @param t                a t statistic
     * @param degreesOfFreedom the degrees of freedom, positive
     * @return the two-sided p-value {@code P(|T| >= |t|)} of Student's t distribution
     */
    public static double studentTwoSided(double t, double degreesOfFreedom) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return Beta.regularizedBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2.0, 0.5);
    }
}
