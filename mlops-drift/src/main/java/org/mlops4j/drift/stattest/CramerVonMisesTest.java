package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.CramerVonMises;

/**
 * {@code cramer_von_mises}: the two-sample Cramér-von Mises test, exact p-value up to 20 values per sample and
 * asymptotic beyond, as Evidently computes it. Numeric columns; drift when {@code p <= 0.1}.
 */
public final class CramerVonMisesTest extends StatTest {

    /** Creates the test. */
    public CramerVonMisesTest() {
        super("cramer_von_mises", "Cramer-von Mises two-sample test (p-value)", EnumSet.of(ColumnType.NUMERIC), 0.1,
                ScoreKind.P_VALUE, DriftRule.AT_OR_BELOW);
    }

    @Override
    public double score(DriftSamples samples) {
        if (samples.referenceSize() < 2 || samples.currentSize() < 2) {
            throw new DataException("The Cramer-von Mises test needs at least 2 values in each sample, found "
                    + samples.referenceSize() + " reference and " + samples.currentSize() + " current", null, 0,
                    samples.column(), null);
        }
        return CramerVonMises.pValue(samples.referenceSorted(), samples.currentSorted());
    }
}
