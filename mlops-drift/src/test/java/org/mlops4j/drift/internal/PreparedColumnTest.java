package org.mlops4j.drift.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;

class PreparedColumnTest {

    private static void assertInferredLikeTheColumnRule(Column ref, Column cur) {
        PreparedColumn inferred = PreparedColumn.inferred(ref, cur, 0);
        ColumnType expected = PreparedColumn.inferType(ref, cur);
        assertEquals(expected, inferred.samples().columnType(), ref.name());
        PreparedColumn typed = PreparedColumn.of(ref, cur, expected, 0);
        assertEquals(typed.referenceDropped(), inferred.referenceDropped());
        assertEquals(typed.currentDropped(), inferred.currentDropped());
        assertArrayEquals(typed.samples().referenceCounts(), inferred.samples().referenceCounts());
        assertArrayEquals(typed.samples().currentCounts(), inferred.samples().currentCounts());
    }

    @Test
    void inferringTheTypeWhilePreparingAgreesWithTheRuleOnTheColumns() {
        Random r = new Random(2);
        NumericColumn.Builder flags = NumericColumn.builder("flags", 0);
        NumericColumn.Builder tenCodes = NumericColumn.builder("ten", 0);
        NumericColumn.Builder elevenCodes = NumericColumn.builder("eleven", 0);
        NumericColumn.Builder fractions = NumericColumn.builder("fractions", 0);
        for (int i = 0; i < 5000; i++) {
            flags.add(i % 97 == 0 ? Double.NaN : r.nextInt(2));
            tenCodes.add(r.nextInt(10) + 100.0);
            elevenCodes.add(i % 50 == 0 ? null : (Double) (double) r.nextInt(11));
            fractions.add(r.nextInt(3) + 0.5);
        }
        NumericColumn current = NumericColumn.of("current", 1, 0, 10, 0.5, Double.POSITIVE_INFINITY);
        for (NumericColumn.Builder b : new NumericColumn.Builder[] {flags, tenCodes, elevenCodes, fractions}) {
            NumericColumn ref = b.build();
            assertInferredLikeTheColumnRule(ref, ref);
            assertInferredLikeTheColumnRule(ref, current.rename(ref.name()));
        }
        assertInferredLikeTheColumnRule(CategoricalColumn.of("c", "a", "b", null), CategoricalColumn.of("c", "b"));
    }
}
