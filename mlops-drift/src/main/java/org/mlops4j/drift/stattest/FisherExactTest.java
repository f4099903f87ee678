package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.FisherExact;

/**
 * {@code fisher_exact}: Fisher's exact test, two-sided, on the 2×2 table of the two categories' counts in the current
 * and reference samples (scipy's {@code fisher_exact}). Binary categorical columns; drift when {@code p < 0.1}.
 *
 * <p>Evidently also demands samples of equal size; this test does not (the result is the same when they are).
 */
public final class FisherExactTest extends StatTest {

    /** Creates the test. */
    public FisherExactTest() {
        super("fisher_exact", "Fisher's exact test on a 2x2 table (p-value)", EnumSet.of(ColumnType.CATEGORICAL), 0.1,
                ScoreKind.P_VALUE, DriftRule.BELOW);
    }

    @Override
    public double score(DriftSamples samples) {
        int[] ref = samples.referenceCounts();
        int[] cur = samples.currentCounts();
        if (ref.length > 2) {
            throw new DataException("Fisher's exact test needs a binary column but found " + ref.length
                    + " distinct values " + samples.levels() + "; use chisquare or another categorical test", null,
                    0, samples.column(), null);
        }
        if (ref.length == 1) {
            return 1.0;
        }
        return FisherExact.twoSided(cur[1], cur[0], ref[1], ref[0]);
    }
}
