package org.mlops4j.drift.profile;

/**
 * Count, mean and the second to fourth central moment sums of a stream of finite numbers, kept so that two sets of
 * moments merge exactly (Chan et al. for the variance, Pébay 2008 for the third and fourth moments).
 *
 * <p>Values arrive in chunks: a chunk's own moments are computed in two passes (mean first, then centred powers),
 * which keeps the sums accurate for data far from zero, and are then merged into the running totals.
 *
 * <p>Package-private: not part of the API. Not thread-safe.
 */
final class Moments {

    private long n;
    private double mean;
    private double m2;
    private double m3;
    private double m4;

    /** An empty accumulator. */
    public Moments() {
    }

    /**
     * @param n    the number of values
     * @param mean their mean
     * @param m2   the sum of squared deviations from the mean
     * @param m3   the sum of cubed deviations
     * @param m4   the sum of fourth powers of deviations
     * @return moments with these totals, as read back from a saved profile
     */
    public static Moments of(long n, double mean, double m2, double m3, double m4) {
        Moments moments = new Moments();
        moments.n = n;
        moments.mean = n == 0 ? 0.0 : mean;
        moments.m2 = m2;
        moments.m3 = m3;
        moments.m4 = m4;
        return moments;
    }

    /**
     * Adds the first {@code length} values of an array; every one of them must be finite.
     *
     * @param values finite values
     * @param length how many of them to add
     */
    public void addAll(double[] values, int length) {
        if (length == 0) {
            return;
        }
        double sum = 0.0;
        for (int i = 0; i < length; i++) {
            sum += values[i];
        }
        double chunkMean = sum / length;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        for (int i = 0; i < length; i++) {
            double d = values[i] - chunkMean;
            double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        merge(length, chunkMean, s2, s3, s4);
    }

    /** @param other moments to fold into these; {@code other} is not changed */
    public void merge(Moments other) {
        merge(other.n, other.mean, other.m2, other.m3, other.m4);
    }

    private void merge(long nb, double meanB, double m2b, double m3b, double m4b) {
        if (nb == 0) {
            return;
        }
        if (n == 0) {
            n = nb;
            mean = meanB;
            m2 = m2b;
            m3 = m3b;
            m4 = m4b;
            return;
        }
        double na = n;
        double nbD = nb;
        double total = na + nbD;
        double delta = meanB - mean;
        double deltaN = delta / total;
        double deltaN2 = deltaN * deltaN;
        double term1 = delta * deltaN * na * nbD;
        double newM4 = m4 + m4b + term1 * deltaN2 * (na * na - na * nbD + nbD * nbD)
                + 6.0 * deltaN2 * (na * na * m2b + nbD * nbD * m2) + 4.0 * deltaN * (na * m3b - nbD * m3);
        double newM3 = m3 + m3b + term1 * deltaN * (na - nbD) + 3.0 * deltaN * (na * m2b - nbD * m2);
        m2 = m2 + m2b + term1;
        m3 = newM3;
        m4 = newM4;
        mean = mean + deltaN * nbD;
        n += nb;
    }

    /** @return a copy that changes independently */
    public Moments copy() {
        return of(n, mean, m2, m3, m4);
    }

    /** @return the number of values */
    public long count() {
        return n;
    }

    /** @return the mean, {@code NaN} when there are no values */
    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** @return the sum of squared deviations from the mean */
    public double m2() {
        return m2;
    }

    /** @return the sum of cubed deviations from the mean */
    public double m3() {
        return m3;
    }

    /** @return the sum of fourth powers of deviations from the mean */
    public double m4() {
        return m4;
    }
}
