package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.AndersonDarlingKSample;

/**
 * {@code anderson}: the k-sample Anderson-Darling test for the two samples (scipy's {@code anderson_ksamp}, midrank
 * variant); its p-value is interpolated from a table and capped to [0.001, 0.25]. Numeric columns; drift when
 * {@code p < 0.1}.
 */
public final class AndersonDarlingTest extends StatTest {

    /** Creates the test. */
    public AndersonDarlingTest() {
        super("anderson", "Anderson-Darling k-sample test (p-value, capped to [0.001, 0.25])",
                EnumSet.of(ColumnType.NUMERIC), 0.1, ScoreKind.P_VALUE, DriftRule.BELOW);
    }

    @Override
    public double score(DriftSamples samples) {
        double[] a = samples.referenceSorted();
        double[] b = samples.currentSorted();
        if (a[0] == a[a.length - 1] && b[0] == b[b.length - 1] && a[0] == b[0]) {
            throw new DataException("The Anderson-Darling test needs more than one distinct value, but reference and "
                    + "current hold only " + a[0] + "; use a categorical test for constant columns", null, 0,
                    samples.column(), null);
        }
        return AndersonDarlingKSample.pValue(a, b);
    }
}
