package org.mlops4j.drift.internal;

/**
 * Distances between the empirical distribution functions U and V of two samples, integrated over the pooled values
 * (scipy's {@code _cdf_distance}): Wasserstein {@code ∫|U-V|} and energy {@code sqrt(2) * sqrt(∫(U-V)^2)}.
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class CdfDistances {

    private CdfDistances() {
    }

    /**
     * @param u a sample, sorted ascending, not empty
     * @param v a sample, sorted ascending, not empty
     * @return the first Wasserstein distance
     */
    public static double wasserstein(double[] u, double[] v) {
        return integrate(u, v, 1);
    }

    /**
     * @param u a sample, sorted ascending, not empty
     * @param v a sample, sorted ascending, not empty
     * @return the energy distance
     */
    public static double energy(double[] u, double[] v) {
        return Math.sqrt(2) * Math.sqrt(integrate(u, v, 2));
    }

    private static double integrate(double[] u, double[] v, int power) {
        int i = 0;
        int j = 0;
        double sum = 0;
        int n = u.length + v.length;
        double previous = 0;
        for (int k = 0; k < n; k++) {
            int before1 = i;
            int before2 = j;
            double value = j >= v.length || (i < u.length && u[i] <= v[j]) ? u[i++] : v[j++];
            if (k > 0) {
                double delta = value - previous;
                if (delta != 0) {
                    // every value popped before this one is <= previous < value: the ECDFs at previous
                    double diff = (double) before1 / u.length - (double) before2 / v.length;
                    sum += (power == 1 ? Math.abs(diff) : diff * diff) * delta;
                }
            }
            previous = value;
        }
        return sum;
    }
}
