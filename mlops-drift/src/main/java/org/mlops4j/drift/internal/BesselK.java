package org.mlops4j.drift.internal;

/**
 * The modified Bessel function of the second kind of order 1/4, from its integral representation
 * {@code K_ν(x) = ∫_0^∞ exp(-x cosh t) cosh(ν t) dt}, summed with the trapezoidal rule (which converges
 * exponentially fast for this smooth, rapidly decaying integrand).
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class BesselK {

    private static final double STEP = 1.0 / 64;

    private BesselK() {
    }

    /**
     * @param x a positive argument
     * @return {@code K_{1/4}(x)}
     */
    public static double quarter(double x) {
        if (x > 700) {
            return 0.0;
        }
        double sum = 0.5 * Math.exp(-x);
        for (int i = 1; ; i++) {
            double t = i * STEP;
            double term = Math.exp(-x * Math.cosh(t)) * Math.cosh(0.25 * t);
            sum += term;
            if (term < 1e-18 * sum) {
                return sum * STEP;
            }
        }
    }
}
