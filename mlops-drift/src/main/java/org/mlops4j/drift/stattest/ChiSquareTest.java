package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.Distributions;

/**
 * {@code chisquare}: Pearson's chi-squared goodness-of-fit test of the current category counts against the reference
 * counts scaled to the current size (Evidently's definition; a category missing from the reference but present in
 * the current sample gives p = 0). Categorical columns; drift when {@code p < 0.05}.
 *
 * <p>Where Evidently returns NaN (one category only, in both samples), this test returns 1: nothing differs.
 */
public final class ChiSquareTest extends StatTest {

    /** Creates the test. */
    public ChiSquareTest() {
        super("chisquare", "Chi-squared goodness-of-fit test against the reference frequencies (p-value)",
                EnumSet.of(ColumnType.CATEGORICAL), 0.05, ScoreKind.P_VALUE, DriftRule.BELOW);
    }

    @Override
    public double score(DriftSamples samples) {
        int[] ref = samples.referenceCounts();
        int[] cur = samples.currentCounts();
        if (ref.length < 2) {
            return 1.0;
        }
        double scale = (double) samples.currentSize() / samples.referenceSize();
        double statistic = 0;
        for (int i = 0; i < ref.length; i++) {
            double expected = ref[i] * scale;
            double diff = cur[i] - expected;
            statistic += diff * diff / expected;
        }
        return Distributions.chiSquaredSurvival(statistic, ref.length - 1);
    }
}
