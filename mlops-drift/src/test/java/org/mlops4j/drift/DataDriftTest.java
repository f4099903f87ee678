package org.mlops4j.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.monitor.DriftSummary;
import org.mlops4j.core.monitor.DriftTreatment;

class DataDriftTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<JsonNode> referenceCases() throws Exception {
        try (InputStream in = DataDriftTest.class.getResourceAsStream("/reference/stattests.json")) {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(in).get("cases").forEach(out::add);
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void choosesTheDefaultTestEvidentlyChooses(JsonNode c) {
        String type = c.get("column_type").asText();
        Table reference = Table.of(column("x", type, c.get("reference")));
        Table current = Table.of(column("x", type, c.get("current")));

        DriftReport report = DataDrift.builder().columnType("x", DriftTreatment.fromKey(type)).build()
                .run(reference, current);

        assertEquals(c.get("default_stattest").asText(), report.columns().get(0).stattest());
        JsonNode expected = c.get("expected").get(c.get("default_stattest").asText());
        assertEquals(expected.get("score").asDouble(), report.columns().get(0).score(), 1e-6);
        assertEquals(expected.get("drifted").asBoolean(), report.columns().get(0).drifted());
    }

    @Test
    void choosesByTypeUniqueValuesAndReferenceSize() {
        Random random = new Random(1);
        Table small = Table.of(
                NumericColumn.of("many", gaussian(random, 500)),
                NumericColumn.of("few", cycle(500, 0.5, 1.5, 2.5)),
                CategoricalColumn.of("binary", labels(500, "a", "b")),
                CategoricalColumn.of("three", labels(500, "a", "b", "c")));
        Table large = Table.of(
                NumericColumn.of("many", gaussian(random, 1001)),
                NumericColumn.of("few", cycle(1001, 0.5, 1.5, 2.5)),
                CategoricalColumn.of("binary", labels(1001, "a", "b")),
                CategoricalColumn.of("three", labels(1001, "a", "b", "c")));

        DriftReport onSmall = DataDrift.builder().build().run(small, small);
        DriftReport onLarge = DataDrift.builder().build().run(large, small);

        assertEquals(List.of("ks", "chisquare", "z", "chisquare"), tests(onSmall));
        assertEquals(List.of("wasserstein", "jensenshannon", "jensenshannon", "jensenshannon"), tests(onLarge));
    }

    @Test
    void typesNumbersAsNumericHoweverFewValuesUnlessTold() {
        Table t = Table.of(NumericColumn.of("code", cycle(100, 1, 2, 3)), NumericColumn.of("ratio",
                cycle(100, 0.1, 0.2, 0.3)));

        assertEquals(ColumnType.NUMERIC, DataDrift.builder().build().run(t, t).columns().get(0).columnType());
        assertEquals(ColumnType.NUMERIC, DataDrift.builder().build().run(t, t).columns().get(1).columnType());
        assertEquals(ColumnType.CATEGORICAL, DataDrift.builder().columnType("code", ColumnType.CATEGORICAL).build()
                .run(t, t).columns().get(0).columnType());
    }

    @Test
    void appliesTestAndThresholdOverridesFromColumnToTypeToAll() {
        Random random = new Random(2);
        Table t = Table.of(NumericColumn.of("a", gaussian(random, 200)), NumericColumn.of("b", gaussian(random, 200)),
                CategoricalColumn.of("c", labels(200, "x", "y", "z")));

        DriftReport report = DataDrift.builder()
                .stattest("psi").stattestForType(ColumnType.NUMERIC, "wasserstein").stattestForColumn("b", "ed")
                .threshold(0.3).thresholdForType(ColumnType.NUMERIC, 0.2).thresholdForColumn("b", 0.7)
                .build().run(t, t);

        assertEquals(List.of("wasserstein", "ed", "psi"), tests(report));
        assertEquals(List.of(0.2, 0.7, 0.3), report.columns().stream().map(ColumnDrift::threshold).toList());
        DriftReport defaults = DataDrift.builder().stattest("psi").build().run(t, t);
        assertEquals(0.1, defaults.columns().get(0).threshold(), "the test's default threshold");
    }

    @Test
    void theVerdictIsTheColumnsAndAReportRefusesAnotherOne() {
        Random random = new Random(3);
        Table reference = Table.of(NumericColumn.of("x", gaussian(random, 500)),
                NumericColumn.of("y", gaussian(random, 500)));
        Table current = Table.of(NumericColumn.of("x", shift(gaussian(random, 500), 2)),
                NumericColumn.of("y", gaussian(random, 500)));

        DriftReport report = DataDrift.builder().build().run(reference, current);

        assertEquals(new DriftSummary(true, 0.5, 2, 1, 0.5, List.of("x")), report.summary());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DriftReport(
                new DriftSummary(false, 0.5, 2, 0, 0.0, List.of()), report.multipleTesting(), 500, 500,
                report.columns()));
        assertTrue(e.getMessage().contains("[x] drifted"), e.getMessage());
    }

    @Test
    void dropsMissingNanAndInfiniteValuesAndCountsThem() {
        Table reference = Table.of(NumericColumn.ofNullable("x", 1.0, 2.0, null, Double.NaN, 3.0,
                Double.POSITIVE_INFINITY, 4.0, 5.0, 6.0, 7.0));
        Table current = Table.of(NumericColumn.ofNullable("x", 1.5, Double.NEGATIVE_INFINITY, 2.5, 3.5, 4.5, 5.5,
                6.5, null));

        ColumnDrift x = DataDrift.builder().stattest("ks").build().run(reference, current).columns().get(0);

        assertEquals(3, x.referenceDropped());
        assertEquals(2, x.currentDropped());
        assertEquals(7, x.referenceSize());
        assertEquals(6, x.currentSize());
    }

    @Test
    void reportsEmptyAndConstantColumnsAsUntestedAndTestsTheOthers() throws Exception {
        Random random = new Random(5);
        Table reference = Table.of(NumericColumn.of("x", 1, 2, 3), NumericColumn.of("flag", 0, 0, 0),
                CategoricalColumn.of("empty", null, null, null), NumericColumn.of("shifted", gaussian(random, 3)));
        Table current = Table.of(NumericColumn.of("x", Double.NaN, Double.POSITIVE_INFINITY),
                NumericColumn.of("flag", 0, 0), CategoricalColumn.of("empty", null, null),
                NumericColumn.of("shifted", 100, 101));

        DriftReport report = DataDrift.builder().build().run(reference, current);

        assertEquals(List.of("shifted"), report.columns().stream().map(ColumnDrift::column).toList());
        assertEquals(List.of("x", "flag", "empty"), report.untestedColumns().stream().map(UntestedColumn::column)
                .toList());
        assertTrue(report.untestedColumn("x").orElseThrow().reason().startsWith("empty: no values in the current "
                + "window"), report.untestedColumn("x").toString());
        assertTrue(report.untestedColumn("flag").orElseThrow().reason().startsWith("constant: every value in both "
                + "windows is 0.0"), report.untestedColumn("flag").toString());
        assertTrue(report.untestedColumn("empty").orElseThrow().reason().contains("both windows"));
        assertTrue(report.summary().datasetDrift(), "the verdict is the tested column's");
        assertEquals(1, report.summary().numberOfColumns());
        JsonNode json = JSON.readTree(report.toJson());
        assertEquals("flag", json.get("untested_columns").get(1).get("column").asText());
        assertTrue(json.get("untested_columns").get(1).get("reason").asText().startsWith("constant"));
    }

    @Test
    void aColumnConstantInTheReferenceButNotInTheCurrentWindowIsTested() {
        Table reference = Table.of(NumericColumn.of("flag", cycle(50, 0)));
        Table current = Table.of(NumericColumn.of("flag", cycle(50, 0, 1)));

        DriftReport report = DataDrift.builder().build().run(reference, current);

        assertEquals(List.of(), report.untestedColumns());
        assertTrue(report.columns().get(0).drifted());
    }

    @Test
    void rejectsReferenceAndCurrentOfDifferentTypes() {
        Table reference = Table.of(NumericColumn.of("x", 1, 2, 3));
        Table current = Table.of(TextColumn.of("x", "1", "2", "3"));

        DataException e = assertThrows(DataException.class, () -> DataDrift.builder().build().run(reference, current));
        assertTrue(e.getMessage().contains("numeric reference column with a text current column"), e.getMessage());
    }

    @Test
    void rejectsUnknownTestsAndTestsThatDoNotFitTheColumnType() {
        assertThrows(ConfigurationException.class, () -> DataDrift.builder().stattest("nope").build());
        Table t = Table.of(CategoricalColumn.of("c", labels(50, "x", "y")));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> DataDrift.builder().stattest("ks").build().run(t, t));
        assertTrue(e.getMessage().contains("column 'c' is cat"), e.getMessage());
    }

    @Test
    void datasetDriftsWhenTheShareOfDriftedColumnsReachesDriftShare() {
        Random random = new Random(3);
        Table reference = Table.of(NumericColumn.of("a", gaussian(random, 300)),
                NumericColumn.of("b", gaussian(random, 300)), NumericColumn.of("c", gaussian(random, 300)),
                NumericColumn.of("d", gaussian(random, 300)));
        Table current = Table.of(NumericColumn.of("a", shift(gaussian(random, 300), 1)),
                NumericColumn.of("b", shift(gaussian(random, 300), 1)), NumericColumn.of("c", gaussian(random, 300)),
                NumericColumn.of("d", gaussian(random, 300)));

        DriftReport half = DataDrift.builder().stattest("ks").build().run(reference, current);
        DriftReport strict = DataDrift.builder().stattest("ks").driftShare(0.75).build().run(reference, current);

        assertEquals(List.of(true, true, false, false), half.columns().stream().map(ColumnDrift::drifted).toList());
        assertEquals(0.5, half.summary().shareOfDriftedColumns());
        assertTrue(half.summary().datasetDrift());
        assertFalse(strict.summary().datasetDrift());
    }

    @Test
    void adjustsPValuesWithBonferroniAndBenjaminiHochberg() {
        double[] p = {0.01, 0.04, 0.03, 0.005, Double.NaN};

        assertArrayEquals(new double[] {0.04, 0.16, 0.12, 0.02, Double.NaN}, MultipleTesting.BONFERRONI.adjust(p),
                1e-12);
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02, Double.NaN},
                MultipleTesting.BENJAMINI_HOCHBERG.adjust(p), 1e-12);
        assertArrayEquals(p, MultipleTesting.NONE.adjust(p), 0);
    }

    @Test
    void multipleTestingTurnsMarginalColumnsBackToNoDrift() {
        Random random = new Random(4);
        List<NumericColumn> ref = new ArrayList<>();
        List<NumericColumn> cur = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ref.add(NumericColumn.of("c" + i, gaussian(random, 300)));
            cur.add(NumericColumn.of("c" + i, shift(gaussian(random, 300), i == 0 ? 1.0 : i == 1 ? 0.2 : 0)));
        }
        Table reference = Table.of(ref);
        Table current = Table.of(cur);

        DriftReport none = DataDrift.builder().stattest("t_test").build().run(reference, current);
        DriftReport bonferroni = DataDrift.builder().stattest("t_test").multipleTesting(MultipleTesting.BONFERRONI)
                .build().run(reference, current);
        DriftReport bh = DataDrift.builder().stattest("t_test").multipleTesting(MultipleTesting.BENJAMINI_HOCHBERG)
                .build().run(reference, current);

        ColumnDrift marginal = none.column("c1").orElseThrow();
        assertTrue(marginal.drifted() && marginal.score() > 0.005, "c1 p = " + marginal.score());
        assertTrue(none.column("c0").orElseThrow().drifted());
        assertTrue(bonferroni.column("c0").orElseThrow().drifted());
        assertFalse(bonferroni.column("c1").orElseThrow().drifted());
        assertEquals(Math.min(1, marginal.score() * 10), bonferroni.column("c1").orElseThrow().adjustedScore(), 1e-12);
        assertEquals(marginal.score(), bonferroni.column("c1").orElseThrow().score(), "raw score kept");
        assertTrue(bh.column("c0").orElseThrow().drifted());
        assertTrue(bh.column("c1").orElseThrow().adjustedScore() >= marginal.score());
        assertTrue(none.columns().stream().allMatch(c -> c.adjusted().isEmpty()));
    }

    @Test
    void writesJsonInTheStableShape() throws Exception {
        Random random = new Random(5);
        Table reference = Table.of(NumericColumn.of("age", gaussian(random, 100)),
                CategoricalColumn.of("city", labels(100, "a", "b", "c")));
        Table current = Table.of(NumericColumn.of("age", shift(gaussian(random, 100), 2)),
                CategoricalColumn.of("city", labels(100, "a", "b", "c")));
        DriftReport report = DataDrift.builder().build().run(reference, current);

        JsonNode json = JSON.readTree(report.toJson());

        assertTrue(json.get("dataset_drift").isBoolean());
        assertEquals(0.5, json.get("drift_share").asDouble());
        assertTrue(json.get("number_of_columns").isInt());
        assertEquals(2, json.get("number_of_columns").asInt());
        assertEquals(1, json.get("number_of_drifted_columns").asInt());
        assertEquals(0.5, json.get("share_of_drifted_columns").asDouble());
        assertEquals(report.summary().datasetDrift(), json.get("dataset_drift").asBoolean());
        JsonNode age = json.get("columns").get(0);
        assertEquals("age", age.get("column").asText());
        assertEquals("num", age.get("column_type").asText());
        assertEquals("ks", age.get("stattest").asText());
        assertTrue(age.get("score").isNumber());
        assertEquals(report.columns().get(0).score(), age.get("score").asDouble());
        assertEquals(0.05, age.get("threshold").asDouble());
        assertTrue(age.get("drifted").asBoolean());
        JsonNode city = json.get("columns").get(1);
        assertEquals("cat", city.get("column_type").asText());
        assertEquals("chisquare", city.get("stattest").asText());
        assertFalse(city.get("drifted").asBoolean());
    }

    @Test
    void writesHtmlWithOneSvgPerColumnAndEscapedNames() {
        Table t = Table.of(NumericColumn.of("<b>&amount", cycle(60, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5)),
                CategoricalColumn.of("city\"'", labels(60, "<x>", "y")));

        String html = DataDrift.builder().build().run(t, t).toHtml();

        assertEquals(2, html.split("<svg ", -1).length - 1);
        assertFalse(html.contains("<b>&amount"));
        assertTrue(html.contains("&lt;b&gt;&amp;amount"));
        assertTrue(html.contains("city&quot;&#39;"));
        assertTrue(html.contains("&lt;x&gt;"));
        assertFalse(html.contains("<script"));
    }

    private static List<String> tests(DriftReport report) {
        return report.columns().stream().map(ColumnDrift::stattest).toList();
    }

    private static org.mlops4j.core.data.Column column(String name, String type, JsonNode values) {
        if (type.equals("num")) {
            double[] out = new double[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.get(i).asDouble();
            }
            return NumericColumn.of(name, out);
        }
        String[] out = new String[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asText();
        }
        return CategoricalColumn.of(name, out);
    }

    private static double[] gaussian(Random random, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }

    private static double[] shift(double[] values, double by) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += by;
        }
        return out;
    }

    private static double[] cycle(int n, double... values) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[i % values.length];
        }
        return out;
    }

    private static String[] labels(int n, String... values) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[i % values.length];
        }
        return out;
    }
}
