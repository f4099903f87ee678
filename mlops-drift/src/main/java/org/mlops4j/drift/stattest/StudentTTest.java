package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.Distributions;

/**
 * {@code t_test}: Student's two-sample t-test with pooled variance, two-sided (scipy's {@code ttest_ind}; not
 * Welch's test, which commons-math3's {@code tTest} computes). Numeric columns; drift when {@code p < 0.05}.
 */
public final class StudentTTest extends StatTest {

    /** Creates the test. */
    public StudentTTest() {
        super("t_test", "Student's t-test with pooled variance (p-value)", EnumSet.of(ColumnType.NUMERIC), 0.05,
                ScoreKind.P_VALUE, DriftRule.BELOW);
    }

    @Override
    public double score(DriftSamples samples) {
        double[] a = samples.referenceValues();
        double[] b = samples.currentValues();
        double n1 = a.length;
        double n2 = b.length;
        double mean1 = mean(a);
        double mean2 = mean(b);
        double df = n1 + n2 - 2;
        double pooled = (sumOfSquares(a, mean1) + sumOfSquares(b, mean2)) / df;
        double t = (mean1 - mean2) / Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
        return Distributions.studentTwoSided(t, df);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sumOfSquares(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }
}
