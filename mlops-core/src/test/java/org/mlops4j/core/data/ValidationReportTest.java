package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.junit.jupiter.api.io.TempDir;

class ValidationReportTest {

    private static Table leads() {
        return Table.of(
                NumericColumn.ofNullable("city_tier", 1.0, 2.0, 3.0, 7.0, null),
                CategoricalColumn.of("platform", "Level0", null, "Level3", "Level0", "Level99"),
                TextColumn.of("note", "plain", "with, comma", "with \"quotes\"", "two\nlines", "e"));
    }

    private static Schema schema() {
        return Schema.builder()
                .column(ColumnSpec.builder("city_tier").type(ColumnType.NUMERIC).nullable(false).range(1, 3).build())
                .column(ColumnSpec.builder("platform").type(ColumnType.CATEGORICAL).nullable(false)
                        .allowedValues("Level0", "Level3", "others").build())
                .column(ColumnSpec.of("note", ColumnType.TEXT))
                .build();
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(file.toFile())) {
            return rows.readAll();
        }
    }

    @Test
    void quarantineFileHoldsTheOriginalColumnsRowNumbersAndReasons(@TempDir Path dir) throws IOException {
        ValidationReport report = schema().validate(leads(), ValidationOptions.builder().source("leads.csv").build());
        Path file = dir.resolve("quarantine/leads.rejected.csv");

        int written = report.writeQuarantine(file);

        assertEquals(3, written);
        List<List<String>> rows = readCsv(file);
        assertEquals(List.of("city_tier", "platform", "note", "_row", "_reason"), rows.get(0));
        assertEquals(4, rows.size());
        assertEquals(List.of("2.0", "", "with, comma", "2",
                "platform: not_null: expected a value (not nullable), found null"), rows.get(1));
        assertEquals(List.of("7.0", "Level0", "two\nlines", "4", "city_tier: range: expected in [1, 3], found '7.0'"),
                rows.get(2));
        assertEquals("5", rows.get(3).get(3));
        assertTrue(rows.get(3).get(4).contains("city_tier: not_null") && rows.get(3).get(4).contains("'Level99'"));
    }

    @Test
    void quarantineOfAValidTableIsAHeaderAlone(@TempDir Path dir) throws IOException {
        ValidationReport report = schema().validate(leads().head(1));
        Path file = dir.resolve("q.csv");

        assertEquals(0, report.writeQuarantine(file));

        assertEquals("city_tier,platform,note,_row,_reason\n", Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void quarantineReplacesAnOldFileAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("q.csv");
        Files.writeString(file, "old content that is longer than the new one, much longer, really much longer\n"
                .repeat(20));

        schema().validate(leads().head(1)).writeQuarantine(file);

        assertEquals(1, readCsv(file).size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void quarantineWithLineNumbersUsesTheSourceLines(@TempDir Path dir) throws IOException {
        Table input = leads().withColumn(NumericColumn.of("_line", 2, 3, 4, 6, 7));
        ValidationReport report = schema().validate(input, ValidationOptions.builder().lineColumn("_line").build());
        Path file = dir.resolve("q.csv");

        report.writeQuarantine(file);

        List<List<String>> rows = readCsv(file);
        assertEquals(List.of("3", "6", "7"), rows.subList(1, 4).stream().map(r -> r.get(3)).toList());
    }

    @Test
    void quarantineOfATableWithAProblemHoldsEveryRow(@TempDir Path dir) throws IOException {
        Table input = leads().drop("note");
        Path file = dir.resolve("q.csv");

        schema().validate(input).writeQuarantine(file);

        List<List<String>> rows = readCsv(file);
        assertEquals(1 + input.rowCount(), rows.size());
        rows.subList(1, rows.size()).forEach(row ->
                assertTrue(row.get(3).startsWith("table does not match the schema: missing_column 'note'"),
                        row.toString()));
    }

    @Test
    void reportJsonHoldsEverythingButTheTables() throws IOException {
        ValidationReport report = schema().validate(leads().drop("note"),
                ValidationOptions.builder().source("leads.csv").maxViolations(2).build());

        JsonNode json = new ObjectMapper().readTree(report.toJson());

        assertEquals(List.of("source", "valid", "rowCount", "validRowCount", "rejectedRowCount", "tableProblems",
                "violationCount", "violationsTruncated", "countsByRule", "countsByColumn", "violationCounts",
                "violations", "notes"), fieldNames(json));
        assertEquals("leads.csv", json.get("source").asText());
        assertFalse(json.get("valid").asBoolean());
        assertEquals(5, json.get("rowCount").asInt());
        assertEquals(0, json.get("validRowCount").asInt());
        assertEquals(5, json.get("rejectedRowCount").asInt());
        JsonNode problem = json.get("tableProblems").get(0);
        assertEquals("missing_column", problem.get("rule").asText());
        assertEquals("note", problem.get("column").asText());
        assertEquals(4, json.get("violationCount").asInt());
        assertTrue(json.get("violationsTruncated").asBoolean());
        assertEquals(2, json.get("countsByRule").get("not_null").asInt());
        assertEquals(1, json.get("countsByRule").get("range").asInt());
        assertEquals(1, json.get("countsByRule").get("allowed_values").asInt());
        assertEquals(2, json.get("countsByColumn").get("platform").asInt());
        assertEquals(2, json.get("violations").size());
        JsonNode first = json.get("violations").get(0);
        assertEquals(2, first.get("row").asInt());
        assertEquals("platform", first.get("column").asText());
        assertEquals("not_null", first.get("rule").asText());
        assertEquals("null", first.get("found").asText());
        assertEquals("leads.csv, row 2, column 'platform': not_null: expected a value (not nullable), found null",
                first.get("message").asText());
        assertFalse(json.has("validRows") || json.has("rejectedRows"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void reportJsonIsWrittenToAFile(@TempDir Path dir) throws IOException {
        ValidationReport report = schema().validate(leads());
        Path file = dir.resolve("reports/validation.json");

        report.writeJson(file);

        assertEquals(report.toJson(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void summaryShowsOutcomeProblemsCountsAndFirstViolations() {
        ValidationReport report = schema().toBuilder().extraColumns(ExtraColumnPolicy.DROP).build().validate(
                leads().withColumn(TextColumn.of("x", "1", "2", "3", "4", "5")),
                ValidationOptions.builder().source("leads.csv").build());

        String summary = report.summary();

        assertTrue(summary.startsWith("Validation of leads.csv: INVALID, 5 rows: 2 valid, 3 rejected\n"), summary);
        assertTrue(summary.contains("by rule: not_null=2 allowed_values=1 range=1"), summary);
        assertTrue(summary.contains("by column: city_tier=2 platform=2"), summary);
        assertTrue(summary.contains("  - leads.csv, row 2, column 'platform': not_null"), summary);
        assertTrue(summary.contains("Notes:\n  - leads.csv: extra column 'x' left out of the valid rows"), summary);
        assertEquals(summary, report.toString());
    }

    @Test
    void summaryOfAValidTableIsOneLine() {
        assertEquals("Validation: VALID, 1 rows: 1 valid, 0 rejected\n",
                schema().validate(leads().head(1)).summary());
    }

    @Test
    void summaryListsTableProblems() {
        String summary = schema().validate(leads().drop("platform")).summary();

        assertTrue(summary.contains("Table problems (1):\n  - the schema names column 'platform'"), summary);
    }

    @Test
    void requireValidPassesAValidReportThrough() {
        ValidationReport report = schema().validate(leads().head(1));

        assertEquals(report, report.requireValid());
    }

    @Test
    void requireValidThrowsWithTheSourceAndTheFirstViolation() {
        ValidationReport report = schema().validate(leads(), ValidationOptions.builder().source("leads.csv").build());

        DataException e = assertThrows(DataException.class, report::requireValid);

        assertEquals(java.util.Optional.of("leads.csv"), e.source());
        assertEquals(2, e.line());
        assertEquals(java.util.Optional.of("platform"), e.column());
        assertEquals(java.util.Optional.of("null"), e.value());
        assertTrue(e.getMessage().startsWith("Table does not match the schema (0 table problem(s), 3 of 5 rows"
                + " rejected, 4 violation(s)); first: not_null"), e.getMessage());
    }

    @Test
    void requireValidThrowsWithTheFirstTableProblem() {
        ValidationReport report = schema().validate(leads().drop("note"));

        DataException e = assertThrows(DataException.class, report::requireValid);

        assertEquals(java.util.Optional.of("note"), e.column());
        assertTrue(e.getMessage().contains("the schema names column 'note'"), e.getMessage());
    }
}
