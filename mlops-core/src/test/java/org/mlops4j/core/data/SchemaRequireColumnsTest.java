package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;

/** The check a table passes before a model scores it: every input column present, each of the schema's type. */
class SchemaRequireColumnsTest {

    private static final Schema INPUTS = Schema.builder().column("visits", ColumnType.NUMERIC)
            .column("member", ColumnType.BOOLEAN).column("city", ColumnType.CATEGORICAL)
            .column("note", ColumnType.TEXT).build();

    private static Table table(Column visits) {
        return Table.of(visits, BooleanColumn.of("member", true), CategoricalColumn.of("city", "paris"),
                TextColumn.of("note", "hot lead"));
    }

    @Test
    void acceptsMatchingTypesExtraColumnsAndCategoricalAndTextForEachOther() {
        INPUTS.requireColumns(table(NumericColumn.of("visits", 3)).withColumn(NumericColumn.of("extra", 1)),
                "The model", null);
        INPUTS.requireColumns(Table.of(NumericColumn.of("visits", 3), BooleanColumn.of("member", true),
                TextColumn.of("city", "paris"), CategoricalColumn.of("note", "hot lead")), "The model", null);
    }

    @Test
    void acceptsAColumnOfNullsOnlyWhateverItsType() {
        INPUTS.requireColumns(table(TextColumn.of("visits", (String) null)), "The model", null);
    }

    @Test
    void rejectsAColumnOfAnotherTypeNamingTheColumnTheExpectedAndTheFoundType() {
        DataException e = assertThrows(DataException.class, () -> INPUTS.requireColumns(
                table(BooleanColumn.of("visits", true)), "Model lead-scoring version 3", "batch.db#model_input"));

        assertEquals("visits", e.column().orElseThrow());
        assertEquals("Model lead-scoring version 3 expects column 'visits' to be numeric but the table's column is "
                + "boolean; convert the column to numeric before scoring (batch.db#model_input, column 'visits')",
                e.getMessage());
    }

    @Test
    void rejectsNumbersForACategoricalColumnExpectingCategoricalOrText() {
        DataException e = assertThrows(DataException.class, () -> INPUTS.requireColumns(Table.of(
                NumericColumn.of("visits", 3), BooleanColumn.of("member", true), NumericColumn.of("city", 2),
                TextColumn.of("note", "x")), "The model", null));

        assertEquals("The model expects column 'city' to be categorical or text but the table's column is numeric; "
                + "convert the column to categorical or text before scoring (column 'city')", e.getMessage());
    }

    @Test
    void namesEveryMissingColumnBeforeAnyTypeProblem() {
        DataException e = assertThrows(DataException.class, () -> INPUTS.requireColumns(
                Table.of(BooleanColumn.of("visits", true), TextColumn.of("note", "x")), "The model", null));

        assertEquals("member", e.column().orElseThrow());
        assertEquals("The model expects the input columns [member, city], which the table lacks (its columns are "
                + "[visits, note]); add them before scoring (column 'member')", e.getMessage());
    }
}
