package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StringSinkTest {

    private static String[] distinct(int count, int copies) {
        String[] values = new String[count * copies];
        for (int i = 0; i < values.length; i++) {
            values[i] = "v" + (i % count);
        }
        return values;
    }

    @Test
    void upToTwentyDistinctValuesAreAlwaysCategorical() {
        assertEquals(ColumnType.CATEGORICAL, StringSink.chooseType(distinct(20, 1), 20));
        assertEquals(ColumnType.TEXT, StringSink.chooseType(distinct(21, 1), 21));
    }

    @Test
    void moreLevelsAreCategoricalWhileAtMostHalfTheValuesAreDistinct() {
        assertEquals(ColumnType.CATEGORICAL, StringSink.chooseType(distinct(1400, 2), 2800));
        String[] values = distinct(1400, 2);
        values[0] = "one more";
        assertEquals(ColumnType.TEXT, StringSink.chooseType(values, values.length));
    }

    @Test
    void nullsCountNeitherAsValuesNorAsLevels() {
        String[] values = new String[100];
        for (int i = 0; i < 30; i++) {
            values[i] = "free text " + i;
        }
        assertEquals(ColumnType.TEXT, StringSink.chooseType(values, values.length));
    }
}
