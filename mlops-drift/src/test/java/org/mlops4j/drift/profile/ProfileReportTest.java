package org.mlops4j.drift.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

class ProfileReportTest {

    private static Table alertingTable() {
        Random random = new Random(1);
        int rows = 1000;
        NumericColumn.Builder constant = NumericColumn.builder("constant", rows);
        NumericColumn.Builder zeros = NumericColumn.builder("mostly_zeros", rows);
        NumericColumn.Builder skewed = NumericColumn.builder("skewed", rows);
        NumericColumn.Builder missing = NumericColumn.builder("mostly_missing", rows);
        NumericColumn.Builder twin = NumericColumn.builder("twin", rows);
        CategoricalColumn.Builder ids = CategoricalColumn.builder("customer", rows);
        for (int i = 0; i < rows; i++) {
            constant.add(7.0);
            zeros.add(i % 10 == 0 ? random.nextDouble() : 0.0);
            skewed.add(i == 0 ? 1e6 : random.nextDouble());
            if (i % 3 == 0) {
                missing.add(random.nextGaussian());
            } else {
                missing.addNull();
            }
            twin.add(i % 3 == 0 ? 0 : i);
            ids.add("c" + i);
        }
        NumericColumn missingColumn = missing.build();
        return Table.of(constant.build(), zeros.build(), skewed.build(), missingColumn, twin.build(), ids.build(),
                missingColumn.map(v -> 2 * v + 1).rename("mostly_missing_doubled"));
    }

    private static Set<String> alerts(ProfileReport report, String column) {
        return report.alerts().stream().filter(a -> a.columns().contains(column)).map(a -> a.type().name())
                .collect(Collectors.toSet());
    }

    @Test
    void alertsFollowYdataProfilingRules() {
        ProfileReport report = ProfileReport.of(TableProfile.of(alertingTable()), "alerts");
        assertTrue(alerts(report, "constant").contains("CONSTANT"));
        assertTrue(alerts(report, "mostly_zeros").contains("ZEROS"));
        assertTrue(alerts(report, "skewed").contains("SKEWED"));
        assertTrue(alerts(report, "mostly_missing").contains("MISSING"));
        assertTrue(alerts(report, "customer").containsAll(List.of("HIGH_CARDINALITY", "UNIQUE")));
        assertTrue(alerts(report, "mostly_missing_doubled").contains("HIGH_CORRELATION"));
        assertFalse(alerts(report, "skewed").contains("MISSING"));
        Alert missing = report.alerts().stream().filter(a -> a.type() == AlertType.MISSING).findFirst().orElseThrow();
        assertEquals(666.0 / 1000, missing.value(), 1e-12);
        assertTrue(missing.message().contains("666 (66.6%) missing"), missing.message());
    }

    @Test
    void aBinaryTargetIsNotFlaggedForItsZeros() {
        org.mlops4j.core.data.NumericColumn.Builder target = org.mlops4j.core.data.NumericColumn.builder("converted",
                100);
        for (int i = 0; i < 100; i++) {
            target.add(i < 70 ? 0 : 1);
        }
        ProfileReport report = ProfileReport.of(TableProfile.of(Table.of(target.build())), "binary");

        assertFalse(alerts(report, "converted").contains("ZEROS"), "a 0/1 column's zeros are one of its two values");
    }

    @Test
    void thePageShowsItsTimeReadablyAndLabelsTheHistogramAxes() {
        ProfileReport report = ProfileReport.of(TableProfile.of(alertingTable()), "alerts");
        String page = report.toHtml();

        assertTrue(page.matches("(?s).*Profile report, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC.*"),
                page.substring(0, 400));
        assertTrue(page.contains("<p class=\"axes\">x: skewed ("), "the histogram's axes say what they count");
        assertTrue(page.contains("y: rows per bin, up to "));
        java.util.regex.Matcher heatmap = java.util.regex.Pattern.compile(
                "<table class=\"heatmap\" id=\"correlation-heatmap\">(.*?)</table>", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertTrue(heatmap.find(), "a correlation heatmap");
        long numeric = report.correlations().stream().flatMap(c -> java.util.stream.Stream.of(c.first(), c.second()))
                .distinct().count();
        assertEquals(numeric * numeric, heatmap.group(1).split("<td").length - 1, "a cell per pair of columns");
    }

    @Test
    void overviewCountsRowsColumnsMissingCellsAndDuplicates() {
        Table table = TableProfileStatisticsTest.mixedTable();
        ProfileReport report = ProfileReport.of(TableProfile.of(table), "mixed");
        ReportOverview overview = report.overview();
        assertEquals(500, overview.rows());
        assertEquals(4, overview.columns());
        long missing = 0;
        for (var column : table.columns()) {
            for (int i = 0; i < table.rowCount(); i++) {
                Object value = column.get(i);
                if (value == null || value instanceof Double d && d.isNaN()) {
                    missing++;
                }
            }
        }
        assertEquals(missing, overview.missingCells());
        assertEquals((double) missing / 2000, overview.missingCellsFraction(), 1e-15);
        assertEquals(table.duplicateRowCount(), (long) overview.duplicateRows().orElseThrow().duplicates());
        assertEquals(java.util.Map.of("numeric", 3, "categorical", 1), overview.columnsByType());
        ColumnSummary x = report.columns().get(0);
        assertEquals(50, x.histogram().size());
        assertEquals(x.numeric().orElseThrow().quantiles().get("50%"),
                TableProfile.of(table).numeric("x").quantile(0.5));
        assertTrue(report.alerts().stream().anyMatch(a -> a.type() == AlertType.DUPLICATES));
    }

    @Test
    void jsonHoldsTheSameNumbersAsTheRecords() throws Exception {
        ProfileReport report = ProfileReport.of(TableProfile.of(TableProfileStatisticsTest.mixedTable()), "mixed");
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals("mlops4j-profile-report", json.get("format").asText());
        assertEquals(500, json.get("overview").get("rows").asLong());
        JsonNode x = json.get("columns").get(0);
        assertEquals("x", x.get("name").asText());
        assertEquals(report.columns().get(0).numeric().orElseThrow().mean(),
                x.get("statistics").get("mean").asDouble());
        assertEquals(report.alerts().size(), json.get("alerts").size());
        assertEquals(report.correlations().get(0).pearson(), json.get("correlations").get(0).get("pearson")
                .asDouble());
        JsonNode city = json.get("columns").get(3);
        assertEquals("Mumbai", city.get("topValues").get(0).get("value").asText());
    }

    @Test
    void htmlHasAChartPerColumnAndEscapesUserText(@TempDir Path dir) throws Exception {
        Table table = Table.of(NumericColumn.of("<script>", 1, 2, 3, 4),
                CategoricalColumn.of("city \"&\" <b>", "<img src=x onerror=alert(1)>", "Pune", "Pune", null),
                NumericColumn.of("plain", 5, 6, 7, 7));
        ProfileReport report = ProfileReport.of(TableProfile.of(table), "<Leads & more>");
        Path file = dir.resolve("report.html");
        report.writeHtml(file);
        String html = Files.readString(file);
        assertEquals(3, count(html, "<svg "));
        assertFalse(html.contains("<script>"), "raw column name must not appear");
        assertFalse(html.contains("<img"), "raw level must not appear");
        assertFalse(html.contains("<b>"), "raw markup must not appear");
        assertTrue(html.contains("&lt;script&gt;"));
        assertTrue(html.contains("city &quot;&amp;&quot; &lt;b&gt;"));
        assertTrue(html.contains("<title>&lt;Leads &amp; more&gt;</title>"));
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), "the page runs no script");
        assertTrue(html.contains("Number of observations"));
        report.writeJson(dir.resolve("report.json"));
        assertEquals("<script>", new ObjectMapper().readTree(dir.resolve("report.json").toFile())
                .get("columns").get(0).get("name").asText());
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void reportOfAnEmptyTableSaysSoWithoutFailing() {
        ProfileReport report = ProfileReport.of(TableProfile.of(Table.of(NumericColumn.of("v"))), "empty");
        assertTrue(report.alerts().stream().anyMatch(a -> a.type() == AlertType.EMPTY));
        assertTrue(report.toHtml().contains("no finite values"));
        assertTrue(report.toJson().contains("\"mean\" : null"));
    }
}
