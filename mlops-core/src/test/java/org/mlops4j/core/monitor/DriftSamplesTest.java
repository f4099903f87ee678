package org.mlops4j.core.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftSamplesTest {

    private static void assertLevelsMatchASortedSet(double[] ref, double[] cur) {
        DriftSamples samples = DriftSamples.numeric("x", DriftColumnType.NUM, ref, cur, 0);
        double[] union = java.util.stream.DoubleStream.concat(Arrays.stream(ref), Arrays.stream(cur)).distinct()
                .sorted().toArray();
        assertEquals(union.length, samples.distinctCount());
        assertArrayEquals(union, samples.numericLevels());
        assertEquals(union.length, samples.levelCount());
        int[] refCounts = new int[union.length];
        for (double v : ref) {
            refCounts[Arrays.binarySearch(union, v)]++;
        }
        assertArrayEquals(refCounts, samples.referenceCounts());
        for (int i = 0; i < cur.length; i++) {
            assertEquals(cur[i], union[samples.currentCodes()[i]]);
        }
        double[] sorted = ref.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, samples.referenceSorted());
    }

    @Test
    void levelsOfFewDistinctValuesAreFoundWithoutSorting() {
        Random r = new Random(3);
        double[] ref = new double[50_000];
        double[] cur = new double[30_000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = r.nextInt(32);
        }
        for (int i = 0; i < cur.length; i++) {
            cur[i] = r.nextInt(20) - 0.5;
        }
        assertLevelsMatchASortedSet(ref, cur);
        assertLevelsMatchASortedSet(new double[] {1, 1, 1}, new double[] {2, 1});
    }

    @Test
    void levelsOfManyDistinctValuesComeFromTheSortedSamples() {
        Random r = new Random(4);
        double[] ref = r.doubles(150_000).map(v -> Math.floor(v * 1000) / 10).toArray();
        double[] cur = r.doubles(90_000).map(v -> Math.floor(v * 2000) / 10 - 50).toArray();
        assertLevelsMatchASortedSet(ref, cur);
    }

    @Test
    void negativeZeroIsOneLevelWithZero() {
        DriftSamples samples = DriftSamples.numeric("x", DriftColumnType.CAT, new double[] {-0.0, 0.0, 1},
                new double[] {0.0}, 0);
        assertEquals(2, samples.distinctCount());
        assertArrayEquals(new int[] {2, 1}, samples.referenceCounts());
    }
}
