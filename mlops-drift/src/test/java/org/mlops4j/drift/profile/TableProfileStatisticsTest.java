package org.mlops4j.drift.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.data.TimestampColumn;

class TableProfileStatisticsTest {

    private static final JsonNode REFERENCE = ReferenceData.read("profile-reference.json");
    private static final JsonNode EXPECTED = REFERENCE.get("expected");

    static Table mixedTable() {
        JsonNode columns = REFERENCE.get("columns");
        return Table.of(ReferenceData.numeric("x", columns.get("x")), ReferenceData.numeric("y", columns.get("y")),
                ReferenceData.numeric("small", columns.get("small")),
                ReferenceData.categorical("city", columns.get("city")));
    }

    private static void close(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, Math.abs(expected) * relative + 1e-12, what);
    }

    @Test
    void numericCountsAndMomentsMatchPandasOnTheFiniteValues() {
        NumericProfile x = TableProfile.of(mixedTable()).numeric("x");
        JsonNode e = EXPECTED.get("x");
        assertEquals(e.get("finite").asLong(), x.finiteCount());
        assertEquals(e.get("nulls").asLong(), x.nullCount());
        assertEquals(e.get("nan").asLong(), x.nanCount());
        assertEquals(e.get("infinite").asLong(), x.infiniteCount());
        assertEquals(e.get("zeros").asLong(), x.zeroCount());
        assertEquals(e.get("negatives").asLong(), x.negativeCount());
        assertEquals(500, x.rowCount());
        assertEquals(x.nullCount() + x.nanCount(), x.missingCount());
        assertEquals(e.get("min").asDouble(), x.min());
        assertEquals(e.get("max").asDouble(), x.max());
        close(e.get("mean").asDouble(), x.mean(), 1e-12, "mean");
        close(e.get("sum").asDouble(), x.sum(), 1e-12, "sum");
        close(e.get("std").asDouble(), x.standardDeviation(), 1e-12, "std");
        close(e.get("skew").asDouble(), x.skewness(), 1e-10, "skew");
        close(e.get("kurt").asDouble(), x.kurtosis(), 1e-10, "kurtosis");
    }

    @Test
    void quantilesInterpolateLikeNumpyWhileExact() {
        NumericProfile x = TableProfile.of(mixedTable()).numeric("x");
        assertTrue(x.quantilesExact());
        EXPECTED.get("x").get("quantiles").properties().forEach(q ->
                close(q.getValue().asDouble(), x.quantile(Double.parseDouble(q.getKey())), 1e-12, "q" + q.getKey()));
        NumericProfile small = TableProfile.of(mixedTable()).numeric("small");
        EXPECTED.get("small").get("quantiles").properties().forEach(q ->
                close(q.getValue().asDouble(), small.quantile(Double.parseDouble(q.getKey())), 1e-12,
                        "small q" + q.getKey()));
        close(EXPECTED.get("small").get("skew").asDouble(), small.skewness(), 1e-10, "small skew");
        close(EXPECTED.get("small").get("kurt").asDouble(), small.kurtosis(), 1e-10, "small kurtosis");
    }

    @Test
    void distinctCountIsExactUnderTheLimitAndAnEstimateWithBoundsAbove() {
        long expected = EXPECTED.get("x").get("distinct").asLong();
        DistinctCount exact = TableProfile.of(mixedTable(), ProfileOptions.defaults().withExactDistinctLimit(1000))
                .numeric("x").distinct();
        assertTrue(exact.exact());
        assertEquals(expected, exact.rounded());

        DistinctCount estimate = TableProfile.of(mixedTable(), ProfileOptions.defaults().withExactDistinctLimit(50))
                .numeric("x").distinct();
        assertFalse(estimate.exact());
        assertTrue(estimate.lowerBound() <= expected && expected <= estimate.upperBound(), estimate.toString());
        assertEquals(EXPECTED.get("small").get("distinct").asLong(),
                TableProfile.of(mixedTable()).numeric("small").distinct().rounded());
    }

    @Test
    void commonValuesAreExactCountsMostFrequentFirst() {
        NumericProfile small = TableProfile.of(mixedTable()).numeric("small");
        List<NumericValueCount> common = small.commonValues(10);
        assertEquals(6, common.size());
        double[] values = ReferenceData.doubles(REFERENCE.get("columns").get("small"));
        for (NumericValueCount c : common) {
            long count = java.util.Arrays.stream(values).filter(v -> v == c.value()).count();
            assertEquals(count, c.count(), "count of " + c.value());
        }
        for (int i = 1; i < common.size(); i++) {
            assertTrue(common.get(i - 1).count() >= common.get(i).count());
        }
        assertEquals(List.of(), TableProfile.of(mixedTable(), ProfileOptions.defaults().withExactDistinctLimit(3))
                .numeric("small").commonValues(10));
    }

    @Test
    void categoricalCountsMatchValueCounts() {
        CategoricalProfile city = TableProfile.of(mixedTable()).categorical("city");
        Map<String, Long> expected = toCounts(EXPECTED.get("city_counts"));
        Map<String, Long> actual = city.allValues().stream()
                .collect(Collectors.toMap(ValueCount::value, ValueCount::count));
        assertEquals(expected, actual);
        assertTrue(city.exact());
        assertEquals("Mumbai", city.topValues(1).get(0).value());
        assertEquals(java.util.stream.StreamSupport.stream(REFERENCE.get("columns").get("city").spliterator(), false)
                .filter(JsonNode::isNull).count(), city.nullCount());
        assertEquals(5, city.distinct().rounded());
        assertEquals(0, city.frequency("Nowhere").count());
    }

    private static Map<String, Long> toCounts(JsonNode node) {
        Map<String, Long> out = new java.util.HashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    @Test
    void correlationIsPearsonOverPairwiseCompleteRows() {
        TableProfile profile = TableProfile.of(mixedTable());
        Correlation xy = profile.correlations().stream()
                .filter(c -> c.first().equals("x") && c.second().equals("y")).findFirst().orElseThrow();
        close(EXPECTED.get("pearson_x_y").asDouble(), xy.pearson(), 1e-12, "pearson");
        assertEquals(EXPECTED.get("pairs_x_y").asLong(), xy.pairs());
        assertEquals(xy.pearson(), profile.correlation("y", "x").orElseThrow());
        assertEquals(3, profile.correlations().size());
    }

    @Test
    void duplicateRowsAreExactAndMatchTheTable() {
        Table table = mixedTable();
        DuplicateRows duplicates = TableProfile.of(table).duplicateRows().orElseThrow();
        assertTrue(duplicates.exact());
        assertEquals(EXPECTED.get("duplicate_rows").asLong(), (long) duplicates.duplicates());
        assertEquals(table.duplicateRowCount(), (long) duplicates.duplicates());
        assertEquals(500, duplicates.rows());
    }

    @Test
    void duplicateRowsBeyondTheExactLimitAreEstimatedWithBoundsThatHoldTheTruth() {
        int rows = 200_000;
        NumericColumn.Builder id = NumericColumn.builder("id", rows);
        for (int i = 0; i < rows; i++) {
            id.add(i % 150_000);
        }
        Table table = Table.of(id.build());
        DuplicateRows duplicates = TableProfile.of(table, ProfileOptions.defaults().withDuplicateRowsExactLimit(1000))
                .duplicateRows().orElseThrow();
        assertFalse(duplicates.exact());
        assertTrue(duplicates.lowerBound() <= 50_000 && 50_000 <= duplicates.upperBound(), duplicates.toString());
        assertEquals(50_000, duplicates.duplicates(), 150_000 * 0.03);
    }

    @Test
    void profilesEveryColumnTypeAndCountsMissingCells() {
        Table table = Table.of(
                NumericColumn.ofNullable("n", 1.0, null, 3.0),
                BooleanColumn.of("b", true, null, true),
                TextColumn.of("t", "a", "b", null),
                TimestampColumn.of("ts", java.time.Instant.ofEpochMilli(1000), null,
                        java.time.Instant.ofEpochMilli(3000)));
        TableProfile profile = TableProfile.of(table);
        assertEquals(List.of("n", "b", "t", "ts"), profile.columnNames());
        assertEquals(ColumnType.BOOLEAN, profile.column("b").type());
        assertEquals(2, profile.categorical("b").frequency("true").count());
        assertEquals(ColumnType.TIMESTAMP, profile.numeric("ts").type());
        assertEquals(2000.0, profile.numeric("ts").mean());
        assertEquals(4, profile.missingCells());
        assertEquals(3, profile.rowCount());
    }

    @Test
    void histogramBinsLikeNumpyAndCountsEveryFiniteValue() {
        NumericProfile x = TableProfile.of(mixedTable()).numeric("x");
        List<HistogramBin> bins = x.histogram(10);
        assertEquals(10, bins.size());
        assertEquals(x.min(), bins.get(0).lower());
        assertEquals(x.max(), bins.get(9).upper());
        assertEquals(x.finiteCount(), bins.stream().mapToDouble(HistogramBin::count).sum(), 1e-9);
        double[] finite = mixedTable().numeric("x").nonNullValues().filter(Double::isFinite).toArray();
        for (int i = 0; i < 10; i++) {
            HistogramBin bin = bins.get(i);
            boolean last = i == 9;
            long count = java.util.Arrays.stream(finite)
                    .filter(v -> v >= bin.lower() && (v < bin.upper() || last && v == bin.upper())).count();
            assertEquals(count, bin.count(), 1e-9, "bin " + i);
        }
    }

    @Test
    void emptyProfileReportsNothingRatherThanFailing() {
        TableProfile profile = ProfileBuilder.create().addDoubles("x", new double[0]).addNull("x").build();
        assertEquals(1, profile.rowCount());
        NumericProfile x = profile.numeric("x");
        assertTrue(Double.isNaN(x.mean()));
        assertTrue(Double.isNaN(x.quantile(0.5)));
        assertEquals(List.of(), x.histogram(5));
    }
}
