package org.mlops4j.core.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;

class DriftSamplesTest {

    private static void assertLevelsMatchASortedSet(double[] ref, double[] cur) {
        DriftSamples samples = DriftSamples.numeric("x", ColumnType.NUMERIC, ref, cur, 0);
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
        DriftSamples samples = DriftSamples.numeric("x", ColumnType.CATEGORICAL, new double[] {-0.0, 0.0, 1},
                new double[] {0.0}, 0);
        assertEquals(2, samples.distinctCount());
        assertArrayEquals(new int[] {2, 1}, samples.referenceCounts());
    }

    /** A column with the given values, where {@code null} is a missing value. */
    private static NumericColumn column(Double... values) {
        return NumericColumn.ofNullable("x", values);
    }

    private static Double[] boxed(double[] values) {
        return Arrays.stream(values).boxed().toArray(Double[]::new);
    }

    /** The samples from columns must equal the samples from the finite values, whatever the values. */
    private static void assertColumnsGiveTheSameSamples(Double[] ref, Double[] cur) {
        DriftSamples fromColumns = DriftSamples.numeric(ColumnType.NUMERIC, column(ref), column(cur), 0);
        double[] r = Arrays.stream(ref).filter(v -> v != null && Double.isFinite(v)).mapToDouble(v -> v).toArray();
        double[] c = Arrays.stream(cur).filter(v -> v != null && Double.isFinite(v)).mapToDouble(v -> v).toArray();
        DriftSamples fromArrays = DriftSamples.numeric("x", ColumnType.NUMERIC, r, c, 0);
        assertArrayEquals(fromArrays.referenceValues(), fromColumns.referenceValues());
        assertArrayEquals(fromArrays.currentValues(), fromColumns.currentValues());
        assertArrayEquals(fromArrays.referenceSorted(), fromColumns.referenceSorted());
        assertArrayEquals(fromArrays.currentSorted(), fromColumns.currentSorted());
        assertEquals(fromArrays.distinctCount(), fromColumns.distinctCount());
        assertArrayEquals(fromArrays.numericLevels(), fromColumns.numericLevels());
        assertEquals(fromArrays.levels(), fromColumns.levels());
        assertArrayEquals(fromArrays.referenceCounts(), fromColumns.referenceCounts());
        assertArrayEquals(fromArrays.currentCounts(), fromColumns.currentCounts());
        assertArrayEquals(fromArrays.referenceCodes(), fromColumns.referenceCodes());
        assertArrayEquals(fromArrays.currentCodes(), fromColumns.currentCodes());
    }

    @Test
    void samplesFromColumnsLeaveOutMissingNanAndInfiniteValuesAndCountTheRest() {
        Double[] ref = {1.0, null, 0.0, 1.0, Double.NaN, 3.0, 1.0, Double.POSITIVE_INFINITY, 0.0, 2.0, -0.0};
        Double[] cur = {2.0, 2.0, Double.NEGATIVE_INFINITY, 5.0};
        DriftSamples samples = DriftSamples.numeric(ColumnType.CATEGORICAL, column(ref), column(cur), 0);
        assertArrayEquals(new double[] {1, 0, 1, 3, 1, 0, 2, 0}, samples.referenceValues());
        assertArrayEquals(new double[] {2, 2, 5}, samples.currentValues());
        assertArrayEquals(new double[] {0, 1, 2, 3, 5}, samples.numericLevels());
        assertArrayEquals(new int[] {3, 3, 1, 1, 0}, samples.referenceCounts());
        assertArrayEquals(new int[] {0, 0, 2, 0, 1}, samples.currentCounts());
        assertEquals(0L, Double.doubleToRawLongBits(samples.referenceValues()[7]), "-0.0 is stored as 0.0");
        assertColumnsGiveTheSameSamples(ref, cur);
    }

    @Test
    void samplesFromColumnsMatchSamplesFromArraysForFlagsCodesFractionsNegativesAndContinuousValues() {
        Random r = new Random(11);
        int[] sizes = {1, 3, 4, 5, 1001, 40_003};
        for (int size : sizes) {
            double[] flags = r.ints(size, 0, 2).asDoubleStream().toArray();
            double[] wide = r.ints(size, -5, 90).asDoubleStream().toArray();
            double[] halves = r.ints(size, 0, 12).asDoubleStream().map(v -> v / 2).toArray();
            double[] continuous = r.doubles(size).map(v -> v * 100 - 20).toArray();
            double[] big = r.ints(size, 0, 3).asDoubleStream().map(v -> v * 1e12).toArray();
            for (double[] values : new double[][] {flags, wide, halves, continuous, big}) {
                Double[] withGaps = boxed(values);
                for (int i = 0; i < withGaps.length; i += 7) {
                    withGaps[i] = i % 2 == 0 ? null : Double.NaN; // drops inside and across blocks of four
                }
                if (withGaps.length == 1) {
                    withGaps[0] = 1.0;
                }
                assertColumnsGiveTheSameSamples(boxed(values), boxed(flags));
                assertColumnsGiveTheSameSamples(withGaps, boxed(values));
            }
        }
    }

    @Test
    void samplesFromColumnsRejectAColumnWithNoFiniteValue() {
        DataException e = assertThrows(DataException.class, () -> DriftSamples.numeric(ColumnType.NUMERIC,
                column(1.0, 2.0), column(null, Double.NaN), 0));
        assertTrue(e.getMessage().contains("current sample is empty"), e.getMessage());
    }

    @Test
    void anotherColumnTypeSharesTheValuesAndWhatWasComputedFromThem() {
        DriftSamples samples = DriftSamples.numeric(ColumnType.NUMERIC, column(3.0, 1.0, 2.0), column(1.0), 0);
        double[] sorted = samples.referenceSorted();
        DriftSamples asCategories = samples.withColumnType(ColumnType.CATEGORICAL);
        assertEquals(ColumnType.CATEGORICAL, asCategories.columnType());
        assertSame(sorted, asCategories.referenceSorted());
        assertSame(samples.referenceValues(), asCategories.referenceValues());
        assertSame(samples, samples.withColumnType(ColumnType.NUMERIC));
        DriftSamples labels = DriftSamples.categorical("x", java.util.List.of("a"), java.util.List.of("b"), 0);
        assertThrows(IllegalArgumentException.class, () -> labels.withColumnType(ColumnType.NUMERIC));
    }

    @Test
    void tellsWhetherThereAreMoreDistinctValuesThanACount() {
        Random r = new Random(5);
        double[] continuous = r.doubles(10_000).toArray();
        double[] sixValues = r.ints(10_000, 0, 6).asDoubleStream().map(v -> v * 1000.5).toArray();
        for (boolean fromColumns : new boolean[] {false, true}) {
            DriftSamples many = fromColumns
                    ? DriftSamples.numeric(ColumnType.NUMERIC, column(boxed(continuous)), column(0.5), 0)
                    : DriftSamples.numeric("x", ColumnType.NUMERIC, continuous, new double[] {0.5}, 0);
            assertTrue(many.hasMoreDistinctValuesThan(10));
            assertTrue(many.hasMoreDistinctValuesThan(9_999));
            assertFalse(many.hasMoreDistinctValuesThan(10_001));
            DriftSamples six = fromColumns
                    ? DriftSamples.numeric(ColumnType.NUMERIC, column(boxed(sixValues)), column(0.0), 0)
                    : DriftSamples.numeric("x", ColumnType.NUMERIC, sixValues, new double[] {0.0}, 0);
            assertTrue(six.hasMoreDistinctValuesThan(5));
            assertFalse(six.hasMoreDistinctValuesThan(6));
            assertTrue(six.hasMoreDistinctValuesThan(0));
        }
    }
}
