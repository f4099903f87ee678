package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.MannWhitney;

/**
 * {@code mannw}: the Mann-Whitney U test with Evidently's one-sided alternative {@code "less"} (it detects current
 * values shifted upwards, not downwards), as scipy's {@code mannwhitneyu} computes it: exact when a sample has at
 * most 8 values and there are no ties, otherwise the normal approximation with tie and continuity correction.
 * Numeric columns; drift when {@code p < 0.05}.
 */
public final class MannWhitneyTest extends StatTest {

    /** Creates the test. */
    public MannWhitneyTest() {
        super("mannw", "Mann-Whitney U test, one-sided 'less' as in Evidently (p-value)",
                EnumSet.of(ColumnType.NUMERIC), 0.05, ScoreKind.P_VALUE, DriftRule.BELOW);
    }

    @Override
    public double score(DriftSamples samples) {
        return MannWhitney.pValueLess(samples.referenceSorted(), samples.currentSorted());
    }
}
