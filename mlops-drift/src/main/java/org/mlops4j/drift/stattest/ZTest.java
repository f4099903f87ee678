package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.Distributions;

/**
 * {@code z}: the pooled two-proportion z-test, two-sided, on the share of values other than the smallest category
 * (Evidently's definition, meant for binary columns). If both samples hold one and the same value, p = 1.
 * Categorical columns; drift when {@code p < 0.05}.
 */
public final class ZTest extends StatTest {

    /** Creates the test. */
    public ZTest() {
        super("z", "Two-proportion z-test (p-value)", EnumSet.of(ColumnType.CATEGORICAL), 0.05, ScoreKind.P_VALUE,
                DriftRule.BELOW);
    }

    @Override
    public double score(DriftSamples samples) {
        int[] ref = samples.referenceCounts();
        int[] cur = samples.currentCounts();
        if (ref.length == 1) {
            return 1.0;
        }
        double n1 = samples.referenceSize();
        double n2 = samples.currentSize();
        double p1 = (n1 - ref[0]) / n1;
        double p2 = (n2 - cur[0]) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return 2 * (1 - Distributions.normalCdf(Math.abs(z)));
    }
}
