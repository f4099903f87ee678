package org.mlops4j.drift.stattest;

import java.util.EnumSet;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftDetector;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.monitor.ScoreKind;
import org.mlops4j.drift.internal.LegacyNumpyRandom;

/**
 * {@code tvd} (Evidently's {@code TVD}): a permutation test on the total variation distance
 * {@code 0.5 Σ |p_ref - p_cur|} between the category shares. The pooled rows (reference then current, in row order)
 * are split at random 1000 times; the p-value is the share of splits whose distance is at least the observed one.
 * The permutations are drawn exactly as Evidently draws them (numpy's legacy generator seeded with the samples' seed,
 * 0 by default), so the p-value equals Evidently's. Categorical columns; drift when {@code p < 0.1}.
 *
 * <p>Setting: {@code mlops.drift.tvd.permutations} (default 1000).
 */
public final class TotalVariationTest extends StatTest {

    /** The configuration key for the number of permutations. */
    public static final String PERMUTATIONS = "mlops.drift.tvd.permutations";

    private final int permutations;

    /** Creates the test with Evidently's 1000 permutations. */
    public TotalVariationTest() {
        this(1000);
    }

    /**
     * @param permutations how many random splits to draw, at least 1
     */
    public TotalVariationTest(int permutations) {
        super("tvd", "Total variation distance, permutation test (p-value)", EnumSet.of(ColumnType.CATEGORICAL), 0.1,
                ScoreKind.P_VALUE, DriftRule.BELOW);
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
        }
        this.permutations = permutations;
    }

    @Override
    public DriftDetector create(MlopsConfig config) {
        int n = config.getInt(PERMUTATIONS, permutations);
        return n == permutations ? this : new TotalVariationTest(n);
    }

    /** @return the number of random splits */
    public int permutations() {
        return permutations;
    }

    @Override
    public double score(DriftSamples samples) {
        int[] ref = samples.referenceCodes();
        int[] cur = samples.currentCodes();
        int levels = samples.levelCount();
        double observed = distance(samples.referenceCounts(), samples.currentCounts(), ref.length, cur.length);
        int[] pooled = new int[ref.length + cur.length];
        System.arraycopy(ref, 0, pooled, 0, ref.length);
        System.arraycopy(cur, 0, pooled, ref.length, cur.length);
        int[] total = new int[levels];
        for (int code : pooled) {
            total[code]++;
        }
        LegacyNumpyRandom random = new LegacyNumpyRandom(samples.seed());
        int[] refCounts = new int[levels];
        int[] curCounts = new int[levels];
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            int[] order = random.permutation(pooled.length);
            java.util.Arrays.fill(refCounts, 0);
            for (int i = 0; i < ref.length; i++) {
                refCounts[pooled[order[i]]]++;
            }
            for (int k = 0; k < levels; k++) {
                curCounts[k] = total[k] - refCounts[k];
            }
            if (observed <= Math.abs(distance(refCounts, curCounts, ref.length, cur.length))) {
                atLeast++;
            }
        }
        return (double) atLeast / permutations;
    }

    private static double distance(int[] ref, int[] cur, int n1, int n2) {
        double sum = 0;
        for (int k = 0; k < ref.length; k++) {
            if (ref[k] != 0 || cur[k] != 0) {
                sum += Math.abs((double) ref[k] / n1 - (double) cur[k] / n2);
            }
        }
        return 0.5 * sum;
    }
}
