package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The case study's schema checks: {@code raw_data_schema_check} (the raw columns are exactly
 * {@code raw_data_schema}) and {@code model_input_schema_check} (the model input columns are exactly
 * {@code model_input_schema}), with the name lists read from the case study's {@code schemas.json}; and the typed
 * schemas of the same columns.
 */
class LeadScoringSchemaTest {

    private static List<String> rawNames;
    private static List<String> modelInputNames;

    @BeforeAll
    static void readCaseStudySchemas() throws IOException {
        try (InputStream in = LeadScoringSchemaTest.class.getResourceAsStream("/leadscoring/schemas.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            rawNames = names(root.get("raw_data_schema"));
            modelInputNames = names(root.get("model_input_schema"));
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Three raw leads as in the case study's test file: the interaction columns are all empty. */
    private static Table rawLeads(List<String> order) {
        Map<String, Column> byName = new java.util.HashMap<>();
        TimestampColumn.Builder created = TimestampColumn.builder("created_date", 3);
        created.add(LocalDateTime.of(2021, 11, 19, 15, 25, 38));
        created.add(LocalDateTime.of(2021, 8, 24, 15, 17, 20));
        created.add(LocalDateTime.of(2021, 7, 1, 9, 0, 0));
        byName.put("created_date", created.build());
        byName.put("city_mapped", CategoricalColumn.of("city_mapped", "ghazipur", "murbad", null));
        byName.put("first_platform_c", CategoricalColumn.of("first_platform_c", "Level3", "Level3", "Level0"));
        byName.put("first_utm_medium_c", CategoricalColumn.of("first_utm_medium_c", "Level0", "Level0", "Level2"));
        byName.put("first_utm_source_c", CategoricalColumn.of("first_utm_source_c", "Level0", "Level0", "Level2"));
        byName.put("total_leads_droppped", NumericColumn.of("total_leads_droppped", 1, 2, 15));
        byName.put("referred_lead", NumericColumn.ofNullable("referred_lead", 0.0, 0.0, null));
        byName.put("app_complete_flag", NumericColumn.of("app_complete_flag", 1, 1, 0));
        List<Column> columns = new ArrayList<>();
        for (String name : order) {
            columns.add(byName.getOrDefault(name, NumericColumn.ofNullable(name, null, null, null)));
        }
        return Table.of(columns);
    }

    private static Table modelInput(String... platforms) {
        int n = platforms.length;
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        String[] level0 = new String[n];
        java.util.Arrays.fill(level0, "Level0");
        return Table.of(
                NumericColumn.of("total_leads_droppped", ones),
                NumericColumn.of("city_tier", ones),
                NumericColumn.of("referred_lead", new double[n]),
                CategoricalColumn.of("first_platform_c", platforms),
                CategoricalColumn.of("first_utm_medium_c", level0),
                CategoricalColumn.of("first_utm_source_c", level0),
                NumericColumn.of("app_complete_flag", ones));
    }

    @Test
    void caseStudySchemasListTheirColumns() {
        assertEquals(45, rawNames.size());
        assertEquals("created_date", rawNames.get(0));
        assertEquals("app_complete_flag", rawNames.get(44));
        assertEquals(List.of("total_leads_droppped", "city_tier", "referred_lead", "first_platform_c",
                "first_utm_medium_c", "first_utm_source_c", "app_complete_flag"), modelInputNames);
    }

    @Test
    void rawDataSchemaCheckPassesWhenTheColumnsAreExactlyTheRawSchema() {
        Table raw = rawLeads(rawNames);

        ValidationReport report = Schema.ofNames(rawNames).validate(raw);

        assertTrue(report.valid(), report.summary());
        assertEquals(raw, report.validRows());
    }

    @Test
    void rawDataSchemaCheckFailsForAMissingColumn() {
        List<String> names = new ArrayList<>(rawNames);
        names.remove("referred_lead");

        ValidationReport report = Schema.ofNames(rawNames).validate(rawLeads(names));

        assertFalse(report.valid());
        assertEquals(List.of(ValidationRule.MISSING_COLUMN),
                report.tableProblems().stream().map(TableProblem::rule).toList());
        assertEquals("referred_lead", report.tableProblems().get(0).column());
        assertEquals(3, report.rejectedRowCount());
    }

    @Test
    void rawDataSchemaCheckFailsForTheFullFilesLeadingIndexColumn() {
        List<String> names = new ArrayList<>(rawNames);
        names.add(0, "index");

        ValidationReport report = Schema.ofNames(rawNames).validate(rawLeads(names));

        TableProblem problem = report.tableProblems().get(0);
        assertEquals(ValidationRule.EXTRA_COLUMN, problem.rule());
        assertEquals("index", problem.column());
        assertEquals(1, report.tableProblems().size(), "an extra column first does not break the order check");
    }

    @Test
    void rawDataSchemaCheckFailsForARenamedColumn() {
        Table raw = rawLeads(rawNames).rename("total_leads_droppped", "total_leads_dropped");

        ValidationReport report = Schema.ofNames(rawNames).validate(raw);

        assertEquals(List.of(ValidationRule.MISSING_COLUMN, ValidationRule.EXTRA_COLUMN),
                report.tableProblems().stream().map(TableProblem::rule).toList());
        assertEquals(List.of("total_leads_droppped", "total_leads_dropped"),
                report.tableProblems().stream().map(TableProblem::column).toList());
    }

    @Test
    void rawDataSchemaCheckFailsForSwappedColumnsButANamesOnlyCheckWithoutOrderPasses() {
        List<String> names = new ArrayList<>(rawNames);
        java.util.Collections.swap(names, 1, 2);
        Table swapped = rawLeads(names);

        ValidationReport strict = Schema.ofNames(rawNames).validate(swapped);
        ValidationReport anyOrder = Schema.ofNames(rawNames).toBuilder().strictOrder(false).build().validate(swapped);

        assertEquals(ValidationRule.COLUMN_ORDER, strict.tableProblems().get(0).rule());
        assertEquals("city_mapped", strict.tableProblems().get(0).column());
        assertTrue(anyOrder.valid());
        assertEquals(rawNames, anyOrder.validRows().columnNames(), "valid rows come back in the schema's order");
    }

    @Test
    void modelInputSchemaCheckPassesForTheSevenModelColumns() {
        assertTrue(Schema.ofNames(modelInputNames).validate(modelInput("Level0", "others")).valid());
    }

    @Test
    void modelInputSchemaCheckFailsWhenTheCityIsNotMappedToATier() {
        Table unmapped = modelInput("Level0").rename("city_tier", "city_mapped");

        ValidationReport report = Schema.ofNames(modelInputNames).validate(unmapped);

        assertFalse(report.valid());
        assertEquals(List.of("city_tier", "city_mapped"),
                report.tableProblems().stream().map(TableProblem::column).toList());
    }

    @Test
    void typedRawSchemaAcceptsTheRawLeads() {
        Schema raw = Schema.fromJson(SchemaJsonTest.resource("raw-data.schema.json"));

        ValidationReport report = raw.validate(rawLeads(rawNames));

        assertTrue(report.valid(), report.summary());
    }

    @Test
    void typedRawSchemaRejectsANegativeLeadCountAndAMissingTarget() {
        Schema raw = Schema.fromJson(SchemaJsonTest.resource("raw-data.schema.json"));
        Table leads = rawLeads(rawNames)
                .withColumn(NumericColumn.of("total_leads_droppped", 1, -2, 15))
                .withColumn(NumericColumn.ofNullable("app_complete_flag", 1.0, 1.0, null));

        ValidationReport report = raw.validate(leads, ValidationOptions.builder().source("leadscoring.csv")
                .firstRowNumber(2).build());

        assertEquals(1, report.validRowCount());
        assertEquals(List.of(3L, 4L), report.violations().stream().map(RowViolation::row).toList());
        assertEquals("leadscoring.csv, row 3, column 'total_leads_droppped': range: expected >= 0, found '-2.0'",
                report.violations().get(0).message());
        assertEquals(ValidationRule.NOT_NULL, report.violations().get(1).rule());
    }

    @Test
    void typedModelInputSchemaRejectsALevelThatWasNotMappedToOthers() {
        Schema modelInputSchema = Schema.fromJson(SchemaJsonTest.resource("model-input.schema.json"));

        ValidationReport report = modelInputSchema.validate(modelInput("Level0", "Level26", "others"));

        assertEquals(2, report.validRowCount());
        RowViolation violation = report.violations().get(0);
        assertEquals(2, violation.row());
        assertEquals("first_platform_c", violation.column());
        assertEquals("Level26", violation.found());
    }
}
