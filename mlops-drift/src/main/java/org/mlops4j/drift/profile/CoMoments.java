package org.mlops4j.drift.profile;

/**
 * Pairwise count, means, second moments and co-moment of two columns over the rows where both are finite; merges
 * exactly (Chan et al.), so that Pearson's r from merged partitions equals r over all rows.
 *
 * <p>Package-private: not part of the API. Not thread-safe.
 */
final class CoMoments {

    private long n;
    private double meanX;
    private double meanY;
    private double m2x;
    private double m2y;
    private double cxy;

    /** An empty accumulator. */
    public CoMoments() {
    }

    /**
     * @param n     pairs
     * @param meanX mean of x
     * @param meanY mean of y
     * @param m2x   sum of squared deviations of x
     * @param m2y   sum of squared deviations of y
     * @param cxy   sum of products of deviations
     * @return co-moments with these totals
     */
    public static CoMoments of(long n, double meanX, double meanY, double m2x, double m2y, double cxy) {
        CoMoments c = new CoMoments();
        c.n = n;
        c.meanX = meanX;
        c.meanY = meanY;
        c.m2x = m2x;
        c.m2y = m2y;
        c.cxy = cxy;
        return c;
    }

    /**
     * Adds the rows of two aligned arrays where both values are finite.
     *
     * @param x      values of the first column ({@code NaN} for missing)
     * @param y      values of the second column
     * @param offset first row
     * @param length number of rows
     */
    public void add(double[] x, double[] y, int offset, int length) {
        long count = 0;
        double sx = 0;
        double sy = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            double a = x[i];
            double b = y[i];
            if (a - a == 0.0 && b - b == 0.0) {
                count++;
                sx += a;
                sy += b;
            }
        }
        if (count == 0) {
            return;
        }
        double mx = sx / count;
        double my = sy / count;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = offset; i < end; i++) {
            double a = x[i];
            double b = y[i];
            if (a - a == 0.0 && b - b == 0.0) {
                double dx = a - mx;
                double dy = b - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        merge(of(count, mx, my, sxx, syy, sxy));
    }

    /** @param other co-moments to fold into these; not changed */
    public void merge(CoMoments other) {
        if (other.n == 0) {
            return;
        }
        if (n == 0) {
            n = other.n;
            meanX = other.meanX;
            meanY = other.meanY;
            m2x = other.m2x;
            m2y = other.m2y;
            cxy = other.cxy;
            return;
        }
        double na = n;
        double nb = other.n;
        double total = na + nb;
        double dx = other.meanX - meanX;
        double dy = other.meanY - meanY;
        double factor = na * nb / total;
        m2x += other.m2x + dx * dx * factor;
        m2y += other.m2y + dy * dy * factor;
        cxy += other.cxy + dx * dy * factor;
        meanX += dx * nb / total;
        meanY += dy * nb / total;
        n += other.n;
    }

    /** @return a copy that changes independently */
    public CoMoments copy() {
        return of(n, meanX, meanY, m2x, m2y, cxy);
    }

    /** @return Pearson's r, {@code NaN} with fewer than two pairs or a constant column */
    public double pearson() {
        if (n < 2 || m2x <= 0 || m2y <= 0) {
            return Double.NaN;
        }
        return Math.max(-1.0, Math.min(1.0, cxy / Math.sqrt(m2x * m2y)));
    }

    /** @return pairs counted */
    public long count() {
        return n;
    }

    /** @return mean of x */
    public double meanX() {
        return meanX;
    }

    /** @return mean of y */
    public double meanY() {
        return meanY;
    }

    /** @return sum of squared deviations of x */
    public double m2x() {
        return m2x;
    }

    /** @return sum of squared deviations of y */
    public double m2y() {
        return m2y;
    }

    /** @return sum of products of deviations */
    public double cxy() {
        return cxy;
    }
}
