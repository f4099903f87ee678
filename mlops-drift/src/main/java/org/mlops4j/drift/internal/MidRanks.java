package org.mlops4j.drift.internal;

/**
 * Ranks in the pooled sample of two sorted samples, ties getting the mean of the ranks they span (scipy's
 * {@code rankdata(method="average")}).
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class MidRanks {

    private MidRanks() {
    }

    /**
     * @param of    a sorted sample whose ranks are wanted
     * @param other the other sorted sample
     * @return the 1-based midrank of each value of {@code of} in the pooled sample, in order
     */
    public static double[] ranks(double[] of, double[] other) {
        double[] out = new double[of.length];
        int i = 0;
        while (i < of.length) {
            double v = of[i];
            int end = Histograms.upperBound(of, v);
            int lessOther = Histograms.lowerBound(other, v);
            int equalOther = Histograms.upperBound(other, v) - lessOther;
            int less = i + lessOther;
            int equal = (end - i) + equalOther;
            double rank = less + (equal + 1) / 2.0;
            for (int k = i; k < end; k++) {
                out[k] = rank;
            }
            i = end;
        }
        return out;
    }

    /**
     * @param a a sorted sample
     * @param b the other sorted sample
     * @return {@code sum(t^3 - t)} over the groups of tied values in the pooled sample
     */
    public static double tieTerm(double[] a, double[] b) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            double v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            int i2 = Histograms.upperBound(a, v);
            int j2 = Histograms.upperBound(b, v);
            double t = (i2 - i) + (j2 - j);
            sum += t * t * t - t;
            i = i2;
            j = j2;
        }
        return sum;
    }
}
