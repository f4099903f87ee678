package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.BinnedShares;

/**
 * {@code psi}: the population stability index {@code Σ (ref - cur) ln(ref / cur)} over the binned shares with
 * zeroes filled as Evidently does (see {@link BinnedShares}). Numeric and categorical columns; drift when
 * {@code psi >= 0.1}.
 */
public final class PopulationStabilityIndex extends StatTest {

    /** Creates the test. */
    public PopulationStabilityIndex() {
        super("psi", "Population stability index", EnumSet.of(ColumnType.CATEGORICAL, ColumnType.NUMERIC), 0.1,
                ScoreKind.DISTANCE, DriftRule.AT_OR_ABOVE);
    }

    @Override
    public double score(DriftSamples samples) {
        BinnedShares shares = BinnedShares.of(samples, true);
        double[] ref = shares.reference();
        double[] cur = shares.current();
        double sum = 0;
        for (int i = 0; i < ref.length; i++) {
            sum += (ref[i] - cur[i]) * Math.log(ref[i] / cur[i]);
        }
        return sum;
    }
}
