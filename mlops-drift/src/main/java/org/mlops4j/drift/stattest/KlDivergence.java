package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.BinnedShares;

/**
 * {@code kl_div}: the Kullback-Leibler divergence KL(reference ‖ current), natural logarithm, between the binned
 * shares with zeroes filled as Evidently does (see {@link BinnedShares}), each distribution renormalised as scipy's
 * {@code entropy} does. Numeric and categorical columns; drift when {@code divergence >= 0.1}.
 */
public final class KlDivergence extends StatTest {

    /** Creates the test. */
    public KlDivergence() {
        super("kl_div", "Kullback-Leibler divergence of reference from current (natural log)",
                EnumSet.of(ColumnType.CATEGORICAL, ColumnType.NUMERIC), 0.1, ScoreKind.DISTANCE,
                DriftRule.AT_OR_ABOVE);
    }

    @Override
    public double score(DriftSamples samples) {
        BinnedShares shares = BinnedShares.of(samples, true);
        double[] p = JensenShannonDistance.normalised(shares.reference());
        double[] q = JensenShannonDistance.normalised(shares.current());
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += JensenShannonDistance.relativeEntropy(p[i], q[i]);
        }
        return sum;
    }
}
