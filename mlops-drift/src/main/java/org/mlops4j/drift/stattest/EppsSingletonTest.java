package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.EppsSingleton;
import org.mlops4j.drift.internal.Histograms;

/**
 * {@code es}: the Epps-Singleton test on the empirical characteristic function (scipy's
 * {@code epps_singleton_2samp}). Needs at least 5 values per sample and a pooled interquartile range above 0.
 * Numeric columns; drift when {@code p < 0.05}.
 */
public final class EppsSingletonTest extends StatTest {

    /** Creates the test. */
    public EppsSingletonTest() {
        super("es", "Epps-Singleton two-sample test (p-value)", EnumSet.of(ColumnType.NUMERIC), 0.05,
                ScoreKind.P_VALUE, DriftRule.BELOW);
    }

    @Override
    public double score(DriftSamples samples) {
        if (samples.referenceSize() < 5 || samples.currentSize() < 5) {
            throw new DataException("The Epps-Singleton test needs at least 5 values in each sample, found "
                    + samples.referenceSize() + " reference and " + samples.currentSize() + " current", null, 0,
                    samples.column(), null);
        }
        double[] a = samples.referenceSorted();
        double[] b = samples.currentSorted();
        double[] pooled = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        for (int k = 0; k < pooled.length; k++) {
            pooled[k] = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
        }
        double iqr = EppsSingleton.interquartileRange(pooled);
        if (iqr == 0) {
            throw new DataException("The Epps-Singleton test needs variability: the interquartile range of the "
                    + "pooled values is 0 (" + pooled[Histograms.lowerBound(pooled, pooled[pooled.length / 2])]
                    + " fills the middle half); use a categorical test or ks", null, 0, samples.column(), null);
        }
        return EppsSingleton.pValue(samples.referenceValues(), samples.currentValues(), iqr);
    }
}
