package org.mlops4j.drift.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;

class PreparedColumnTest {

    @Test
    void numbersAreNumericHoweverFewDistinctWholeNumbersTheyHold() {
        NumericColumn flags = NumericColumn.of("flags", 0, 1, 1, 0, Double.NaN);
        NumericColumn codes = NumericColumn.of("codes", 1, 2, 3, 4, 5, 6);

        assertEquals(ColumnType.NUMERIC, PreparedColumn.inferType(flags, flags));
        assertEquals(ColumnType.NUMERIC, PreparedColumn.inferred(codes, codes, 0).samples().columnType());
        assertEquals(2, PreparedColumn.inferred(flags, flags, 0).samples().levelCount());
        assertEquals(1, PreparedColumn.inferred(flags, flags, 0).referenceDropped());
    }

    @Test
    void labelsAndBooleansAreCategorical() {
        CategoricalColumn labels = CategoricalColumn.of("c", "a", "b", null);
        BooleanColumn flags = BooleanColumn.of("b", true, false);

        assertEquals(ColumnType.CATEGORICAL, PreparedColumn.inferred(labels, labels, 0).samples().columnType());
        assertEquals(ColumnType.CATEGORICAL, PreparedColumn.inferType(flags, flags));
    }
}
