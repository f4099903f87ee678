package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationTest {

    /** Five leads: row 2 has a null platform, row 4 a tier out of range, row 5 an unknown platform and a null tier. */
    private static Table leads() {
        return Table.of(
                NumericColumn.ofNullable("city_tier", 1.0, 2.0, 3.0, 7.0, null),
                CategoricalColumn.of("platform", "Level0", null, "Level3", "Level0", "Level99"),
                TextColumn.of("note", "a", "b", "c", "d", "e"));
    }

    private static Schema leadSchema() {
        return Schema.builder()
                .column(ColumnSpec.builder("city_tier").type(ColumnType.NUMERIC).nullable(false).range(1, 3).build())
                .column(ColumnSpec.builder("platform").type(ColumnType.CATEGORICAL).nullable(false)
                        .allowedValues("Level0", "Level3", "others").build())
                .column(ColumnSpec.of("note", ColumnType.TEXT))
                .build();
    }

    private static void assertNothingLost(Table input, ValidationReport report) {
        assertEquals(input.rowCount(), report.rowCount());
        assertEquals(report.rowCount(), report.validRowCount() + report.rejectedRowCount());
        assertEquals(report.validRowCount(), report.validRows().rowCount());
        assertEquals(report.rejectedRowCount(), report.rejectedRows().rowCount());
    }

    private static List<Double> rowNumbers(ValidationReport report) {
        NumericColumn rows = report.rejectedRows().numeric(report.rowColumn());
        return IntStream.range(0, rows.size()).mapToObj(rows::get).toList();
    }

    // ---- row-level rules ----------------------------------------------------------------------------------------

    @Test
    void validTableKeepsEveryRowAndHasNoViolations() {
        Table table = leads().head(1);

        ValidationReport report = leadSchema().validate(table);

        assertTrue(report.valid());
        assertNothingLost(table, report);
        assertEquals(table, report.validRows());
        assertEquals(0, report.violationCount());
        assertTrue(report.countsByRule().isEmpty());
        assertEquals(List.of("city_tier", "platform", "note", "_row", "_reason"),
                report.rejectedRows().columnNames());
    }

    @Test
    void splitsRowsIntoValidAndRejectedWithTheirOriginalNumbers() {
        Table input = leads();

        ValidationReport report = leadSchema().validate(input);

        assertFalse(report.valid());
        assertNothingLost(input, report);
        assertEquals(2, report.validRowCount());
        assertEquals(List.of("a", "c"), Arrays.asList(
                report.validRows().text("note").getString(0), report.validRows().text("note").getString(1)));
        assertEquals(List.of(2.0, 4.0, 5.0), rowNumbers(report));
        assertEquals("b", report.rejectedRows().text("note").getString(0));
    }

    @Test
    void notNullRuleCatchesNullsInANonNullableColumn() {
        ValidationReport report = leadSchema().validate(leads());

        assertEquals(1, report.count("platform", ValidationRule.NOT_NULL));
        assertEquals(1, report.count("city_tier", ValidationRule.NOT_NULL));
        RowViolation first = report.violations().get(0);
        assertEquals(2, first.row());
        assertEquals("platform", first.column());
        assertEquals(ValidationRule.NOT_NULL, first.rule());
        assertEquals("null", first.found());
        assertEquals("row 2, column 'platform': not_null: expected a value (not nullable), found null",
                first.message());
    }

    @Test
    void nullableColumnAcceptsNulls() {
        Schema schema = Schema.builder().column(ColumnSpec.builder("x").type(ColumnType.NUMERIC).range(0, 1).build())
                .build();

        ValidationReport report = schema.validate(Table.of(NumericColumn.ofNullable("x", null, 0.5, null)));

        assertTrue(report.valid());
        assertEquals(3, report.validRowCount());
    }

    @Test
    void allowedValuesRuleOnACategoricalColumnIgnoresNulls() {
        ValidationReport report = leadSchema().validate(leads());

        assertEquals(1, report.count("platform", ValidationRule.ALLOWED_VALUES));
        RowViolation violation = report.violations().stream()
                .filter(v -> v.rule() == ValidationRule.ALLOWED_VALUES).findFirst().orElseThrow();
        assertEquals(5, violation.row());
        assertEquals("Level99", violation.found());
        assertEquals("one of [Level0, Level3, others]", violation.expected());
    }

    @Test
    void allowedValuesRuleOnATextColumn() {
        Schema schema = Schema.builder()
                .column(ColumnSpec.builder("code").type(ColumnType.TEXT).allowedValues("x", "y").build()).build();

        ValidationReport report = schema.validate(Table.of(TextColumn.of("code", "x", "z", null, "y", "Y")));

        assertEquals(2, report.count("code", ValidationRule.ALLOWED_VALUES), "matching is case-sensitive");
        assertEquals(List.of(2.0, 5.0), rowNumbers(report));
    }

    @Test
    void longAllowedListsAreAbbreviatedInMessages() {
        List<String> levels = IntStream.range(0, 30).mapToObj(i -> "Level" + i).toList();
        Schema schema = Schema.builder()
                .column(ColumnSpec.builder("p").type(ColumnType.CATEGORICAL).allowedValues(levels).build()).build();

        RowViolation v = schema.validate(Table.of(CategoricalColumn.of("p", "Level99"))).violations().get(0);

        assertTrue(v.expected().startsWith("one of 30 values [Level0, Level1,"), v.expected());
        assertTrue(v.expected().endsWith("Level9, ...]"), v.expected());
    }

    @Test
    void rangeRuleIsInclusiveAtBothEnds() {
        Schema schema = Schema.builder()
                .column(ColumnSpec.builder("x").type(ColumnType.NUMERIC).range(1, 3).build()).build();

        ValidationReport report = schema.validate(Table.of(NumericColumn.of("x", 0.999, 1, 2, 3, 3.001)));

        assertEquals(List.of(1.0, 5.0), rowNumbers(report));
        assertEquals(2, report.count("x", ValidationRule.RANGE));
        assertEquals("in [1, 3]", report.violations().get(0).expected());
        assertEquals("0.999", report.violations().get(0).found());
    }

    @Test
    void rangeWithOnlyAMinimumOrOnlyAMaximum() {
        Schema schema = Schema.builder()
                .column(ColumnSpec.builder("low").type(ColumnType.NUMERIC).min(0).build())
                .column(ColumnSpec.builder("high").type(ColumnType.NUMERIC).max(89).build()).build();

        ValidationReport report = schema.validate(Table.of(
                NumericColumn.of("low", -1, 0, 1e9), NumericColumn.of("high", -1e9, 89, 90)));

        assertEquals(List.of(1.0, 3.0), rowNumbers(report));
        assertEquals(">= 0", report.violations().get(0).expected());
        assertEquals("<= 89", report.violations().get(1).expected());
    }

    @Test
    void nanIsOutsideEveryRangeButNotNull() {
        Schema schema = Schema.builder()
                .column(ColumnSpec.builder("x").type(ColumnType.NUMERIC).nullable(false).min(0).build()).build();

        ValidationReport report = schema.validate(Table.of(NumericColumn.of("x", Double.NaN, 1)));

        assertEquals(1, report.count("x", ValidationRule.RANGE));
        assertEquals(0, report.count("x", ValidationRule.NOT_NULL));
        assertEquals("NaN", report.violations().get(0).found());
    }

    @Test
    void aRowThatBreaksSeveralRulesIsRejectedOnceWithEveryReason() {
        ValidationReport report = leadSchema().validate(leads());

        Table rejected = report.rejectedRows();
        assertEquals(5.0, rejected.numeric("_row").getDouble(2));
        assertEquals("city_tier: not_null: expected a value (not nullable), found null; "
                        + "platform: allowed_values: expected one of [Level0, Level3, others], found 'Level99'",
                rejected.text("_reason").getString(2));
        assertEquals(4, report.violationCount());
    }

    @Test
    void countsByRuleAndColumnAreComplete() {
        ValidationReport report = leadSchema().validate(leads());

        assertEquals(Map.of(ValidationRule.NOT_NULL, 2L, ValidationRule.ALLOWED_VALUES, 1L, ValidationRule.RANGE, 1L),
                report.countsByRule());
        assertEquals(Map.of("city_tier", 2L, "platform", 2L), report.countsByColumn());
        assertEquals(List.of("city_tier", "platform"), List.copyOf(report.countsByColumn().keySet()),
                "columns in schema order");
    }

    @Test
    void detailIsCappedButCountsStayComplete() {
        int rows = 2500;
        NumericColumn.Builder x = NumericColumn.builder("x", rows);
        for (int i = 0; i < rows; i++) {
            x.add(i % 2 == 0 ? -1.0 : 1.0);
        }
        Table table = Table.of(x.build());
        Schema schema = Schema.builder().column(ColumnSpec.builder("x").type(ColumnType.NUMERIC).min(0).build())
                .build();

        ValidationReport byDefault = schema.validate(table);
        ValidationReport small = schema.validate(table, ValidationOptions.builder().maxViolations(3).build());

        assertEquals(1250, byDefault.violationCount());
        assertEquals(ValidationOptions.DEFAULT_MAX_VIOLATIONS, byDefault.violations().size());
        assertTrue(byDefault.violationsTruncated());
        assertEquals(1250, byDefault.rejectedRowCount(), "the cap limits detail, not rejection");
        assertEquals(List.of(1L, 3L, 5L), small.violations().stream().map(RowViolation::row).toList());
        assertEquals(Map.of(ValidationRule.RANGE, 1250L), small.countsByRule());
        assertNothingLost(table, small);
    }

    @Test
    void zeroDetailStillRejectsAndCounts() {
        ValidationReport report = leadSchema().validate(leads(), ValidationOptions.builder().maxViolations(0).build());

        assertTrue(report.violations().isEmpty());
        assertEquals(4, report.violationCount());
        assertEquals(3, report.rejectedRowCount());
    }

    // ---- table-level problems -----------------------------------------------------------------------------------

    @Test
    void missingColumnIsATableProblemThatRejectsEveryRow() {
        Table input = leads().drop("platform");

        ValidationReport report = leadSchema().validate(input);

        assertFalse(report.valid());
        assertNothingLost(input, report);
        assertEquals(0, report.validRowCount());
        TableProblem problem = report.tableProblems().get(0);
        assertEquals(ValidationRule.MISSING_COLUMN, problem.rule());
        assertEquals("platform", problem.column());
        assertTrue(problem.message().contains("the schema names column 'platform' but the table has no such column"),
                problem.message());
        assertTrue(problem.message().contains("[city_tier, note]"), problem.message());
        assertTrue(report.rejectedRows().text("_reason").getString(0)
                .startsWith("table does not match the schema: missing_column 'platform'"));
    }

    @Test
    void rowRulesAreStillCheckedWhenTheTableHasAProblem() {
        ValidationReport report = leadSchema().validate(leads().drop("platform"));

        assertEquals(2, report.count("city_tier", ValidationRule.NOT_NULL) + report.count("city_tier",
                ValidationRule.RANGE));
        assertTrue(report.rejectedRows().text("_reason").getString(3).contains("city_tier: range"),
                "row 4's own reason is kept next to the table's");
    }

    @Test
    void missingNullableColumnIsAddedAsNullsUnderAddNull() {
        Schema schema = leadSchema().toBuilder()
                .column(ColumnSpec.of("created", ColumnType.TIMESTAMP))
                .column(ColumnSpec.named("comment"))
                .missingColumns(MissingColumnPolicy.ADD_NULL).build();
        Table input = leads().head(1);

        ValidationReport report = schema.validate(input);

        assertTrue(report.valid(), report.summary());
        Table valid = report.validRows();
        assertEquals(List.of("city_tier", "platform", "note", "created", "comment"), valid.columnNames());
        assertEquals(ColumnType.TIMESTAMP, valid.column("created").type());
        assertEquals(ColumnType.TEXT, valid.column("comment").type(), "an untyped added column is text");
        assertEquals(1, valid.column("created").nullCount());
        assertEquals(2, report.notes().size());
        assertTrue(report.notes().get(0).contains("column 'created' is missing; added as timestamp nulls"));
    }

    @Test
    void missingNonNullableColumnFailsEvenUnderAddNull() {
        Schema schema = leadSchema().toBuilder().missingColumns(MissingColumnPolicy.ADD_NULL).build();

        ValidationReport report = schema.validate(leads().drop("city_tier"));

        assertEquals(ValidationRule.MISSING_COLUMN, report.tableProblems().get(0).rule());
        assertTrue(report.tableProblems().get(0).message().contains("it is not nullable, so it cannot be added"));
    }

    @Test
    void extraColumnFailsByDefault() {
        Table input = leads().head(1).withColumn(TextColumn.of("surprise", "x"));

        ValidationReport report = leadSchema().validate(input);

        TableProblem problem = report.tableProblems().get(0);
        assertEquals(ValidationRule.EXTRA_COLUMN, problem.rule());
        assertEquals("surprise", problem.column());
        assertEquals(1, report.rejectedRowCount());
        assertEquals(List.of("city_tier", "platform", "note", "surprise", "_row", "_reason"),
                report.rejectedRows().columnNames(), "rejected rows keep every original column");
    }

    @Test
    void extraColumnIsKeptUncheckedUnderIgnore() {
        Table input = Table.of(TextColumn.of("surprise", "x", null), NumericColumn.of("city_tier", 1, 2));
        Schema schema = Schema.builder().column("city_tier", ColumnType.NUMERIC)
                .extraColumns(ExtraColumnPolicy.IGNORE).build();

        ValidationReport report = schema.validate(input);

        assertTrue(report.valid());
        assertEquals(List.of("city_tier", "surprise"), report.validRows().columnNames(),
                "schema columns first, then extra columns");
        assertTrue(report.notes().get(0).contains("extra column 'surprise' kept unchecked"));
    }

    @Test
    void extraColumnIsLeftOutOfTheValidRowsUnderDrop() {
        Schema schema = leadSchema().toBuilder().extraColumns(ExtraColumnPolicy.DROP).build();
        Table input = leads().withColumn(TextColumn.of("surprise", "1", "2", "3", "4", "5"));

        ValidationReport report = schema.validate(input);

        assertTrue(report.tableProblems().isEmpty());
        assertEquals(List.of("city_tier", "platform", "note"), report.validRows().columnNames());
        assertTrue(report.rejectedRows().hasColumn("surprise"), "rejected rows keep the dropped column");
        assertTrue(report.notes().get(0).contains("extra column 'surprise' left out of the valid rows"));
    }

    @Test
    void strictOrderReportsTheFirstColumnOutOfPlace() {
        Schema schema = leadSchema().toBuilder().strictOrder(true).build();
        Table input = leads().select("city_tier", "note", "platform");

        ValidationReport report = schema.validate(input);

        TableProblem problem = report.tableProblems().get(0);
        assertEquals(ValidationRule.COLUMN_ORDER, problem.rule());
        assertEquals("platform", problem.column());
        assertEquals("'platform' at position 2", problem.expected());
        assertEquals("'note'", problem.found());
        assertEquals(5, report.rejectedRowCount());
    }

    @Test
    void strictOrderAllowsIgnoredExtraColumnsAnywhere() {
        Schema schema = Schema.ofNames("a", "b").toBuilder().extraColumns(ExtraColumnPolicy.IGNORE).build();
        Table input = Table.of(NumericColumn.of("x", 1), NumericColumn.of("a", 1), NumericColumn.of("y", 1),
                NumericColumn.of("b", 1));

        assertTrue(schema.validate(input).valid());
    }

    @Test
    void anyOrderIsAcceptedAndTheValidRowsFollowTheSchemaOrder() {
        Table input = leads().select("note", "platform", "city_tier");

        ValidationReport report = leadSchema().validate(input);

        assertTrue(report.tableProblems().isEmpty());
        assertEquals(List.of("city_tier", "platform", "note"), report.validRows().columnNames());
        assertEquals(List.of("note", "platform", "city_tier", "_row", "_reason"),
                report.rejectedRows().columnNames(), "rejected rows keep the input order");
    }

    @Test
    void typeMismatchNamesTheColumnTheExpectedAndTheFoundType() {
        Table input = Table.of(BooleanColumn.of("city_tier", true, false),
                CategoricalColumn.of("platform", "Level0", "x"), TextColumn.of("note", "a", "b"));

        ValidationReport report = leadSchema().validate(input, ValidationOptions.builder().source("leads.csv")
                .build());

        TableProblem problem = report.tableProblems().get(0);
        assertEquals(ValidationRule.COLUMN_TYPE, problem.rule());
        assertEquals("city_tier", problem.column());
        assertEquals("numeric", problem.expected());
        assertEquals("boolean", problem.found());
        assertEquals("leads.csv: column 'city_tier' is boolean but the schema says numeric; convert the column or"
                + " change its type in the schema", problem.message());
        assertEquals(1, report.count("platform", ValidationRule.ALLOWED_VALUES),
                "other columns are still checked");
        assertNothingLost(input, report);
    }

    @Test
    void textInANumericColumnRejectsOnlyTheRowsThatAreNotNumbers() {
        Table input = Table.of(TextColumn.of("city_tier", "1", "two", "3.0"),
                CategoricalColumn.of("platform", "Level0", "Level3", "others"), TextColumn.of("note", "a", "b", "c"));

        ValidationReport report = leadSchema().validate(input, ValidationOptions.builder().source("leads.csv")
                .firstRowNumber(2).build());

        assertTrue(report.tableProblems().isEmpty(), report.summary());
        assertEquals(2, report.validRowCount());
        assertEquals(ColumnType.NUMERIC, report.validRows().column("city_tier").type());
        assertEquals(3.0, report.validRows().numeric("city_tier").getDouble(1));
        RowViolation violation = report.violations().get(0);
        assertEquals(ValidationRule.VALUE_TYPE, violation.rule());
        assertEquals(3, violation.row(), "the second data row is line 3 of the file");
        assertEquals("city_tier", violation.column());
        assertEquals("two", violation.found());
        assertNothingLost(input, report);
    }

    @Test
    void textAndCategoricalAreConvertedToTheSchemaType() {
        Schema schema = Schema.builder().column("city", ColumnType.CATEGORICAL).column("level", ColumnType.TEXT)
                .build();
        Table input = Table.of(TextColumn.of("city", "pune", null), CategoricalColumn.of("level", "Level0", "Level1"));

        ValidationReport report = schema.validate(input);

        assertTrue(report.valid(), report.summary());
        assertEquals(ColumnType.CATEGORICAL, report.validRows().column("city").type());
        assertEquals(ColumnType.TEXT, report.validRows().column("level").type());
        assertEquals(List.of("pune"), report.validRows().categorical("city").levels());
        assertEquals(2, report.notes().size());
    }

    @Test
    void aColumnOfNullsTakesTheSchemaType() {
        Schema schema = Schema.builder().column("clicks", ColumnType.NUMERIC).build();

        ValidationReport report = schema.validate(Table.of(TextColumn.of("clicks", null, null)));

        assertTrue(report.valid());
        assertEquals(ColumnType.NUMERIC, report.validRows().column("clicks").type());
        assertEquals(2, report.validRows().column("clicks").nullCount());
    }

    @Test
    void allTableProblemsAreListedAndTheReasonIsAbbreviated() {
        Table input = Table.of(TextColumn.of("w", "1"), TextColumn.of("x", "1"), TextColumn.of("y", "1"),
                TextColumn.of("z", "1"));

        ValidationReport report = leadSchema().validate(input);

        assertEquals(7, report.tableProblems().size(), "3 missing + 4 extra");
        assertTrue(report.rejectedRows().text("_reason").getString(0).endsWith("(and 4 more table problems)"));
    }

    // ---- options ------------------------------------------------------------------------------------------------

    @Test
    void sourceNamePrefixesEveryMessage() {
        ValidationOptions options = ValidationOptions.builder().source(java.nio.file.Path.of("in", "leads.csv"))
                .build();
        String source = java.nio.file.Path.of("in", "leads.csv").toString();

        ValidationReport report = leadSchema().toBuilder().extraColumns(ExtraColumnPolicy.DROP).build()
                .validate(leads().withColumn(TextColumn.of("extra", "1", "2", "3", "4", "5")), options);

        assertEquals(source, report.source());
        report.violations().forEach(v -> assertTrue(v.message().startsWith(source + ", row "), v.message()));
        report.notes().forEach(n -> assertTrue(n.startsWith(source + ": "), n));
        assertTrue(report.summary().startsWith("Validation of " + source + ": INVALID"));
    }

    @Test
    void firstRowNumberShiftsRowNumbersToSourceLines() {
        ValidationReport report = leadSchema().validate(leads(),
                ValidationOptions.builder().firstRowNumber(2).build());

        assertEquals(List.of(3.0, 5.0, 6.0), rowNumbers(report));
        assertEquals(3, report.violations().get(0).row());
    }

    @Test
    void lineColumnGivesRowNumbersAndIsLeftOutOfBothTables() {
        Table input = leads().withColumn(NumericColumn.of("_line", 10, 12, 15, 16, 20));

        ValidationReport report = leadSchema().validate(input,
                ValidationOptions.builder().lineColumn("_line").build());

        assertEquals(List.of(12.0, 16.0, 20.0), rowNumbers(report));
        assertEquals(List.of("city_tier", "platform", "note"), report.validRows().columnNames());
        assertFalse(report.rejectedRows().hasColumn("_line"));
        assertTrue(report.tableProblems().isEmpty(), "the line column is not an extra column");
    }

    @Test
    void aValueThatIsNotANumberIsNamedWithItsLineAndShownEscaped() {
        Table input = Table.of(TextColumn.of("dropped", "1.0", "12abc", "2\u0000"), NumericColumn.of("_line", 2, 5, 9));
        Schema schema = Schema.builder().column("dropped", ColumnType.NUMERIC).build();

        ValidationReport report = schema.validate(input, ValidationOptions.builder().source("in.csv")
                .lineColumn("_line").build());

        assertEquals(List.of("in.csv, line 5, column 'dropped': value_type: expected a number, found '12abc'",
                "in.csv, line 9, column 'dropped': value_type: expected a number, found '2\\u0000'"),
                report.violations().stream().map(RowViolation::message).toList());
        assertEquals("2\u0000", report.violations().get(1).found(), "the violation keeps the value as read");
        assertTrue(report.rejectedRows().text("_reason").getString(1).endsWith("found '2\\u0000'"));
    }

    @Test
    void aLineColumnThatIsMissingOrNotNumericIsAnArgumentError() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> leadSchema()
                .validate(leads(), ValidationOptions.builder().lineColumn("_line").build()));
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> leadSchema()
                .validate(leads(), ValidationOptions.builder().lineColumn("note").build()));

        assertTrue(missing.getMessage().contains("'_line'"), missing.getMessage());
        assertTrue(text.getMessage().contains("'note' is text; it must be numeric"), text.getMessage());
    }

    @Test
    void optionsRejectNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> ValidationOptions.builder().maxViolations(-1).build());
        assertThrows(IllegalArgumentException.class, () -> ValidationOptions.builder().firstRowNumber(-1).build());
    }

    @Test
    void rowAndReasonColumnNamesStepAsideForExistingColumns() {
        Schema schema = Schema.ofNames("_row", "_reason").toBuilder()
                .replace(ColumnSpec.builder("_row").type(ColumnType.NUMERIC).max(0).build()).build();

        ValidationReport report = schema.validate(Table.of(NumericColumn.of("_row", 5), TextColumn.of("_reason", "r")));

        assertEquals(List.of("_row", "_reason", "__row", "__reason"), report.rejectedRows().columnNames());
        assertEquals("__row", report.rowColumn());
        assertEquals("__reason", report.reasonColumn());
        assertEquals(1.0, report.rejectedRows().numeric("__row").getDouble(0));
    }

    @Test
    void emptyTableIsValidAndEmpty() {
        Table input = leads().head(0);

        ValidationReport report = leadSchema().validate(input);

        assertTrue(report.valid());
        assertNothingLost(input, report);
        assertEquals(leadSchema().columnNames(), report.validRows().columnNames());
    }

    @Test
    void reportCountsMustAddUp() {
        Table one = leads().head(1);
        assertThrows(IllegalArgumentException.class, () -> new ValidationReport("", 2, 1, 0, List.of(), 0,
                List.of(), List.of(), List.of(), one, one.head(0)));
    }
}
