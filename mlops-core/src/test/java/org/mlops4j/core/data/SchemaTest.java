package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SchemaTest {

    @Test
    void builderDefaultsFailOnMissingAndExtraColumnsAndAcceptAnyOrder() {
        Schema schema = Schema.builder().column("age", ColumnType.NUMERIC).build();

        assertEquals(MissingColumnPolicy.FAIL, schema.missingColumns());
        assertEquals(ExtraColumnPolicy.FAIL, schema.extraColumns());
        assertFalse(schema.strictOrder());
        ColumnSpec age = schema.column("age").orElseThrow();
        assertTrue(age.nullable());
        assertEquals(Optional.of(ColumnType.NUMERIC), age.type());
        assertTrue(age.allowedValues().isEmpty());
        assertFalse(age.restrictsValues());
    }

    @Test
    void columnSpecBuilderKeepsEveryConstraint() {
        ColumnSpec tier = ColumnSpec.builder("city_tier").type(ColumnType.NUMERIC).nullable(false).range(1, 3).build();
        ColumnSpec platform = ColumnSpec.builder("platform").type(ColumnType.CATEGORICAL)
                .allowedValues("Level0", "others").build();

        assertFalse(tier.nullable());
        assertEquals(OptionalDouble.of(1), tier.min());
        assertEquals(OptionalDouble.of(3), tier.max());
        assertEquals("in [1, 3]", tier.describeRange());
        assertEquals(List.of("Level0", "others"), platform.allowedValues());
        assertTrue(platform.restrictsValues());
        assertEquals(tier, tier.toBuilder().build());
    }

    @Test
    void ofNamesMakesAStrictUntypedSchema() {
        Schema schema = Schema.ofNames("a", "b", "c");

        assertEquals(List.of("a", "b", "c"), schema.columnNames());
        assertTrue(schema.strictOrder());
        assertEquals(ExtraColumnPolicy.FAIL, schema.extraColumns());
        assertEquals(MissingColumnPolicy.FAIL, schema.missingColumns());
        for (ColumnSpec spec : schema.columns()) {
            assertTrue(spec.type().isEmpty());
            assertTrue(spec.nullable());
            for (ColumnType type : ColumnType.values()) {
                assertTrue(spec.acceptsType(type));
            }
        }
    }

    @Test
    void inferredSchemaHasTheTableTypesAndObservedNullability() {
        Table table = Table.of(
                NumericColumn.ofNullable("leads", 1.0, null, 3.0),
                NumericColumn.of("flag", 0, 1, 1),
                CategoricalColumn.of("platform", "Level0", "Level3", "Level0"),
                BooleanColumn.of("referred", true, false, null),
                TimestampColumn.of("created", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH),
                TextColumn.of("note", "x", null, "y"));

        Schema schema = Schema.of(table);

        assertEquals(table.columnNames(), schema.columnNames());
        assertEquals(List.of(ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.BOOLEAN,
                ColumnType.TIMESTAMP, ColumnType.TEXT),
                schema.columns().stream().map(c -> c.type().orElseThrow()).toList());
        assertEquals(List.of(true, false, false, true, false, true),
                schema.columns().stream().map(ColumnSpec::nullable).toList());
        assertTrue(schema.validate(table).valid());
    }

    @Test
    void inferredSchemaRejectsARowWithANullWhereTheSampleHadNone() {
        Schema schema = Schema.of(Table.of(NumericColumn.of("flag", 0, 1)));

        ValidationReport report = schema.validate(Table.of(NumericColumn.ofNullable("flag", 1.0, null)));

        assertFalse(report.valid());
        assertEquals(1, report.count("flag", ValidationRule.NOT_NULL));
    }

    @Test
    void toBuilderAndReplaceChangeOneColumnInPlace() {
        Schema schema = Schema.ofNames("a", "b");

        Schema typed = schema.toBuilder().replace(ColumnSpec.of("a", ColumnType.TEXT)).strictOrder(false).build();

        assertEquals(List.of("a", "b"), typed.columnNames());
        assertEquals(Optional.of(ColumnType.TEXT), typed.column("a").orElseThrow().type());
        assertFalse(typed.strictOrder());
        assertTrue(schema.strictOrder(), "the original is unchanged");
    }

    @Test
    void rejectsDuplicateColumnNamesNamingTheColumnAndPositions() {
        SchemaException e = assertThrows(SchemaException.class, () -> Schema.ofNames("a", "b", "a"));

        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        assertTrue(e.getMessage().contains("positions 1 and 3"), e.getMessage());
    }

    @Test
    void rejectsMinAboveMaxNamingTheColumn() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> ColumnSpec.builder("age").type(ColumnType.NUMERIC).range(10, 5).build());

        assertTrue(e.getMessage().contains("Column 'age'"), e.getMessage());
        assertTrue(e.getMessage().contains("min 10 is greater than max 5"), e.getMessage());
    }

    @Test
    void rejectsARangeOnANonNumericColumn() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> ColumnSpec.builder("city").type(ColumnType.CATEGORICAL).min(0).build());

        assertTrue(e.getMessage().contains("'city' is categorical"), e.getMessage());
    }

    @Test
    void rejectsAllowedValuesOnANumericColumn() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> ColumnSpec.builder("flag").type(ColumnType.NUMERIC).allowedValues("0", "1").build());

        assertTrue(e.getMessage().contains("'flag' is numeric"), e.getMessage());
    }

    @Test
    void rejectsARepeatedOrNullAllowedValue() {
        SchemaException repeated = assertThrows(SchemaException.class,
                () -> ColumnSpec.builder("c").allowedValues("x", "y", "x").build());
        SchemaException withNull = assertThrows(SchemaException.class,
                () -> ColumnSpec.builder("c").allowedValues(java.util.Arrays.asList("x", null)).build());

        assertTrue(repeated.getMessage().contains("'x' more than once"), repeated.getMessage());
        assertTrue(withNull.getMessage().contains("nullable"), withNull.getMessage());
    }

    @Test
    void rejectsABoundThatIsNotFinite() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> ColumnSpec.builder("x").type(ColumnType.NUMERIC).max(Double.NaN).build());

        assertTrue(e.getMessage().contains("'x': max is NaN"), e.getMessage());
    }

    @Test
    void rejectsABlankColumnNameAndAnEmptySchema() {
        assertThrows(SchemaException.class, () -> ColumnSpec.named(" "));
        SchemaException e = assertThrows(SchemaException.class, () -> Schema.builder().build());
        assertTrue(e.getMessage().contains("at least one column"), e.getMessage());
    }

    @Test
    void replacingAColumnThatIsNotThereNamesTheColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schema.ofNames("a").toBuilder().replace(ColumnSpec.named("b")));

        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("[a]"), e.getMessage());
    }

    @Test
    void schemasAreValuesAndColumnListsAreCopied() {
        List<ColumnSpec> specs = new java.util.ArrayList<>(List.of(ColumnSpec.named("a")));
        Schema schema = Schema.builder().columns(specs).build();
        specs.add(ColumnSpec.named("b"));

        assertEquals(List.of("a"), schema.columnNames());
        assertEquals(Schema.ofNames("a").toBuilder().strictOrder(false).build(), schema);
        assertThrows(UnsupportedOperationException.class, () -> schema.columns().add(ColumnSpec.named("c")));
    }
}
