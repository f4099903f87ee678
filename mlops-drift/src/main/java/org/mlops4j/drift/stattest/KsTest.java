package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.TwoSampleKolmogorovSmirnov;

/**
 * {@code ks}: the two-sample Kolmogorov-Smirnov test, two-sided p-value as scipy's {@code ks_2samp} computes it
 * (exact up to 10 000 values per sample, ties handled exactly). Numeric columns; drift when {@code p <= 0.05}.
 */
public final class KsTest extends StatTest {

    /** Creates the test. */
    public KsTest() {
        super("ks", "Kolmogorov-Smirnov two-sample test (p-value)", EnumSet.of(ColumnType.NUMERIC), 0.05,
                ScoreKind.P_VALUE, DriftRule.AT_OR_BELOW);
    }

    @Override
    public double score(DriftSamples samples) {
        return TwoSampleKolmogorovSmirnov.pValue(samples.referenceSorted(), samples.currentSorted());
    }
}
