package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.Distributions;

/**
 * {@code g_test}: the G-test (log-likelihood ratio) of the current category counts against the reference counts
 * scaled to the current size, as Evidently computes it with scipy's {@code power_divergence}. If both samples hold
 * one and the same value, p = 1 (Evidently: NaN). Categorical columns; drift when {@code p < 0.1}.
 */
public final class GTest extends StatTest {

    /** Creates the test. */
    public GTest() {
        super("g_test", "G-test against the reference frequencies (p-value)", EnumSet.of(ColumnType.CATEGORICAL), 0.1,
                ScoreKind.P_VALUE, DriftRule.BELOW);
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
            if (cur[i] > 0) {
                statistic += cur[i] * Math.log(cur[i] / expected);
            }
        }
        return Distributions.chiSquaredSurvival(2.0 * statistic, ref.length - 1);
    }
}
