package org.mlops4j.core.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.ColumnType;

/** How a drift test treats a column: numeric or categorical, written with Evidently's keys. */
class DriftTreatmentTest {

    @Test
    void writesAndReadsEvidentlysKeys() {
        assertEquals("num", DriftTreatment.key(ColumnType.NUMERIC));
        assertEquals("cat", DriftTreatment.key(ColumnType.CATEGORICAL));
        assertEquals(ColumnType.NUMERIC, DriftTreatment.fromKey("num"));
        assertEquals(ColumnType.NUMERIC, DriftTreatment.fromKey(" Numerical "));
        assertEquals(ColumnType.CATEGORICAL, DriftTreatment.fromKey("cat"));
        assertEquals(ColumnType.CATEGORICAL, DriftTreatment.fromKey("categorical"));
        assertThrows(IllegalArgumentException.class, () -> DriftTreatment.fromKey("text"));
    }

    @Test
    void refusesToTreatAColumnAsBooleanTextOrTimestamp() {
        for (ColumnType type : new ColumnType[] {ColumnType.BOOLEAN, ColumnType.TEXT, ColumnType.TIMESTAMP}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ColumnDeviation("flag", type, 0.1));
            assertTrue(e.getMessage().contains("'flag'") && e.getMessage().contains(type.key()), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> DriftTreatment.key(type));
        }
    }

    @Test
    void samplesTellTheirTreatmentInTheirDescription() {
        DriftSamples samples = DriftSamples.numeric("x", ColumnType.NUMERIC, new double[] {1, 2}, new double[] {3}, 0);

        assertEquals("DriftSamples[x, num, 2 reference, 1 current]", samples.toString());
        assertEquals("DriftSamples[x, cat, 2 reference, 1 current]",
                samples.withColumnType(ColumnType.CATEGORICAL).toString());
    }
}
