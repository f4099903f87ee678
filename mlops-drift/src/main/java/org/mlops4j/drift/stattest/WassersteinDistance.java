package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.CdfDistances;

/**
 * {@code wasserstein}: the first Wasserstein (earth mover's) distance between the two samples, divided by the
 * reference's population standard deviation (at least 0.001), as Evidently normalises it. Numeric columns; drift when
 * {@code distance >= 0.1}.
 */
public final class WassersteinDistance extends StatTest {

    /** Creates the test. */
    public WassersteinDistance() {
        super("wasserstein", "Wasserstein distance normed by the reference standard deviation",
                EnumSet.of(ColumnType.NUMERIC), 0.1, ScoreKind.DISTANCE, DriftRule.AT_OR_ABOVE);
    }

    @Override
    public double score(DriftSamples samples) {
        double[] ref = samples.referenceValues();
        double mean = 0;
        for (double v : ref) {
            mean += v;
        }
        mean /= ref.length;
        double squares = 0;
        for (double v : ref) {
            squares += (v - mean) * (v - mean);
        }
        double norm = Math.max(Math.sqrt(squares / ref.length), 0.001);
        return CdfDistances.wasserstein(samples.referenceSorted(), samples.currentSorted()) / norm;
    }
}
