package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftDetector;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.EmpiricalMmd;

/**
 * {@code empirical_mmd}: a permutation test on the maximum mean discrepancy with a Gaussian kernel whose width comes
 * from the reference (Evidently's definition, see {@link EmpiricalMmd}). The p-value is the share of random
 * relabellings of the pooled values with a discrepancy at least the observed one; the relabellings come from a
 * generator seeded with the samples' seed, so that a rerun gives the same p-value (Evidently's are unseeded).
 * Costs O((n+m)²) per permutation. Numeric columns; drift when {@code p < 0.1}.
 *
 * <p>Setting: {@code mlops.drift.empirical_mmd.permutations} (default 100, as Evidently).
 */
public final class EmpiricalMmdTest extends StatTest {

    /** The configuration key for the number of permutations. */
    public static final String PERMUTATIONS = "mlops.drift.empirical_mmd.permutations";

    private final int permutations;

    /** Creates the test with Evidently's 100 permutations. */
    public EmpiricalMmdTest() {
        this(100);
    }

    /**
     * @param permutations how many random relabellings to draw, at least 1
     */
    public EmpiricalMmdTest(int permutations) {
        super("empirical_mmd", "Maximum mean discrepancy, permutation test (p-value)",
                EnumSet.of(ColumnType.NUMERIC), 0.1, ScoreKind.P_VALUE, DriftRule.BELOW);
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
        }
        this.permutations = permutations;
    }

    @Override
    public DriftDetector create(MlopsConfig config) {
        int n = config.getInt(PERMUTATIONS, permutations);
        return n == permutations ? this : new EmpiricalMmdTest(n);
    }

    @Override
    public double score(DriftSamples samples) {
        if (samples.referenceSize() < 2 || samples.currentSize() < 2) {
            throw new DataException("The MMD test needs at least 2 values in each sample, found "
                    + samples.referenceSize() + " reference and " + samples.currentSize() + " current", null, 0,
                    samples.column(), null);
        }
        return new EmpiricalMmd(samples.referenceValues(), samples.currentValues())
                .pValue(permutations, samples.seed());
    }
}
