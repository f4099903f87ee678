package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnBuildingTest {

    @Test
    void numericBuilderKeepsValuesAndNullsAcrossGrowth() {
        Random random = new Random(5);
        int rows = 5_000;
        double[] values = new double[rows];
        boolean[] nulls = new boolean[rows];
        NumericColumn.Builder builder = NumericColumn.builder("x", 0);
        for (int i = 0; i < rows; i++) {
            nulls[i] = random.nextInt(3) == 0;
            values[i] = random.nextInt(5) == 0 ? 0.0 : random.nextGaussian();
            if (nulls[i]) {
                builder.addNull();
            } else {
                builder.add(values[i]);
            }
        }
        NumericColumn column = builder.build();
        assertEquals(rows, column.size());
        int nullCount = 0;
        for (int i = 0; i < rows; i++) {
            assertEquals(nulls[i], column.isNull(i), "row " + i);
            if (nulls[i]) {
                nullCount++;
                assertTrue(Double.isNaN(column.getDouble(i)));
            } else {
                assertEquals(values[i], column.getDouble(i), "row " + i);
            }
        }
        assertEquals(nullCount, column.nullCount());
    }

    @Test
    void numericBuilderAppendsRunsOfNullsLikeSingleNulls() {
        Random random = new Random(8);
        for (int round = 0; round < 200; round++) {
            NumericColumn.Builder runs = NumericColumn.builder("x", random.nextInt(100));
            NumericColumn.Builder singles = NumericColumn.builder("x", 16);
            for (int step = 0; step < 20; step++) {
                if (random.nextBoolean()) {
                    double value = random.nextGaussian();
                    runs.add(value);
                    singles.add(value);
                } else {
                    int count = random.nextInt(4) == 0 ? 0 : random.nextInt(300);
                    runs.addNulls(count);
                    for (int i = 0; i < count; i++) {
                        singles.addNull();
                    }
                }
            }
            NumericColumn expected = singles.build();
            NumericColumn actual = runs.build();
            assertEquals(expected, actual, "round " + round);
            assertEquals(expected.nullCount(), actual.nullCount(), "round " + round);
        }
        assertThrows(IllegalArgumentException.class, () -> NumericColumn.builder("x", 1).addNulls(-1));
    }

    @Test
    void categoricalColumnFromCodesEqualsTheBuiltOne() {
        CategoricalColumn fromCodes = CategoricalColumn.ofCodes("c", new int[] {0, 1, -1, 0, 2},
                List.of("red", "blue", "green"));
        assertEquals(CategoricalColumn.of("c", "red", "blue", null, "red", "green"), fromCodes);
        assertEquals(1, fromCodes.nullCount());
    }

    @Test
    void categoricalColumnFromCodesRejectsCodesOutOfRangeAndRepeatedLevels() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> CategoricalColumn.ofCodes("c", new int[] {0, 2}, List.of("a", "b")));
        assertTrue(range.getMessage().contains("Row 1"), range.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CategoricalColumn.ofCodes("c", new int[] {-2}, List.of("a")));
        assertThrows(IllegalArgumentException.class,
                () -> CategoricalColumn.ofCodes("c", new int[] {0}, List.of("a", "a")));
    }
}
