package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.CdfDistances;

/**
 * {@code ed}: the energy distance {@code sqrt(2 E|X-Y| - E|X-X'| - E|Y-Y'|)} between the two samples (scipy's
 * {@code energy_distance}). Numeric columns; drift when {@code distance > 0.1}.
 */
public final class EnergyDistance extends StatTest {

    /** Creates the test. */
    public EnergyDistance() {
        super("ed", "Energy distance", EnumSet.of(ColumnType.NUMERIC), 0.1, ScoreKind.DISTANCE, DriftRule.ABOVE);
    }

    @Override
    public double score(DriftSamples samples) {
        return CdfDistances.energy(samples.referenceSorted(), samples.currentSorted());
    }
}
