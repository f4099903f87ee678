package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.BinnedShares;

/**
 * {@code jensenshannon}: the Jensen-Shannon distance (square root of the divergence, natural logarithm, at most
 * {@code sqrt(ln 2)} ≈ 0.833) between the binned shares of the two samples, bins as Evidently makes them (see
 * {@link BinnedShares}; no zero filling). Numeric and categorical columns; drift when {@code distance >= 0.1}.
 */
public final class JensenShannonDistance extends StatTest {

    /** Creates the test. */
    public JensenShannonDistance() {
        super("jensenshannon", "Jensen-Shannon distance (natural log)",
                EnumSet.of(ColumnType.CATEGORICAL, ColumnType.NUMERIC), 0.1, ScoreKind.DISTANCE,
                DriftRule.AT_OR_ABOVE);
    }

    @Override
    public double score(DriftSamples samples) {
        BinnedShares shares = BinnedShares.of(samples, false);
        double[] p = normalised(shares.reference());
        double[] q = normalised(shares.current());
        double left = 0;
        double right = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2.0;
            left += relativeEntropy(p[i], m);
            right += relativeEntropy(q[i], m);
        }
        return Math.sqrt((left + right) / 2.0);
    }

    static double[] normalised(double[] shares) {
        double sum = 0;
        for (double s : shares) {
            sum += s;
        }
        double[] out = new double[shares.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = shares[i] / sum;
        }
        return out;
    }

    static double relativeEntropy(double x, double y) {
        if (x > 0 && y > 0) {
            return x * Math.log(x / y);
        }
        if (x == 0 && y >= 0) {
            return 0;
        }
        return Double.POSITIVE_INFINITY;
    }
}
