package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;

class TableTest {

    private static Table leads() {
        return Table.of(
                CategoricalColumn.of("city", "pune", "delhi", null, "pune", "goa"),
                NumericColumn.ofNullable("dropped", 1.0, null, 3.0, 2.0, 1.0),
                BooleanColumn.of("referred", true, false, null, false, true),
                TimestampColumn.of("created", Instant.parse("2021-07-01T10:00:00Z"), null,
                        Instant.parse("2021-08-01T10:00:00Z"), Instant.parse("2021-07-02T10:00:00Z"),
                        Instant.parse("2021-07-03T10:00:00Z")),
                TextColumn.of("note", "a", "b,c", "\"q\"", null, "e"));
    }

    @Test
    void reportsShapeNamesAndTypedValues() {
        Table t = leads();
        assertEquals(5, t.rowCount());
        assertEquals(List.of("city", "dropped", "referred", "created", "note"), t.columnNames());
        assertEquals("delhi", t.categorical("city").getString(1));
        assertTrue(t.numeric("dropped").isNull(1));
        assertTrue(Double.isNaN(t.numeric("dropped").getDouble(1)));
        assertEquals(3.0, t.numeric("dropped").getDouble(2));
        assertNull(t.bool("referred").get(2));
        assertEquals(1, t.column("note").nullCount());
    }

    @Test
    void rejectsColumnsOfDifferentLengthsAndDuplicateNames() {
        MlopsException lengths = assertThrows(MlopsException.class,
                () -> Table.of(NumericColumn.of("a", 1, 2), NumericColumn.of("b", 1)));
        assertTrue(lengths.getMessage().contains("'b' has 1 rows"), lengths.getMessage());
        MlopsException dup = assertThrows(MlopsException.class,
                () -> Table.of(NumericColumn.of("a", 1), NumericColumn.of("a", 2)));
        assertTrue(dup.getMessage().contains("Duplicate column name 'a'"));
    }

    @Test
    void unknownColumnErrorListsTheColumns() {
        MlopsException e = assertThrows(MlopsException.class, () -> leads().column("town"));
        assertTrue(e.getMessage().contains("No column 'town'"));
        assertTrue(e.getMessage().contains("city"));
    }

    @Test
    void wrongTypeAccessNamesBothTypes() {
        MlopsException e = assertThrows(MlopsException.class, () -> leads().bool("city"));
        assertEquals("Column 'city' is categorical, not boolean (column 'city')", e.getMessage());
    }

    @Test
    void askingNumbersOfATextColumnNamesTheFirstValueThatIsNotANumberAndItsRow() {
        Table table = Table.of(TextColumn.of("dropped", "1.0", null, " 2 ", "12abc", "x\u0000y"));

        DataException e = assertThrows(DataException.class, () -> table.numeric("dropped"));

        assertEquals("Column 'dropped' is text, not numeric: this value is not a number; fix it, or drop its row "
                + "(row 4, column 'dropped', value '12abc')", e.getMessage());
        assertEquals(4, e.line());
        assertEquals("12abc", e.value().orElseThrow());
        DataException nul = assertThrows(DataException.class,
                () -> Table.of(CategoricalColumn.of("n", "1", "x\u0000y")).numeric("n"));
        assertTrue(nul.getMessage().endsWith("(row 2, column 'n', value 'x\\u0000y')"), nul.getMessage());
        assertFalse(nul.getMessage().contains("\u0000"), "no raw NUL in the message");
    }

    @Test
    void selectDropRenameShareColumnStorage() {
        Table t = leads();
        Table selected = t.select("note", "city");
        assertEquals(List.of("note", "city"), selected.columnNames());
        assertSame(t.column("city"), selected.column("city"));
        assertEquals(List.of("city", "referred", "created", "note"), t.drop("dropped").columnNames());
        Table renamed = t.rename(Map.of("city", "city_mapped"));
        assertEquals("city_mapped", renamed.columnNames().get(0));
        assertEquals("goa", renamed.categorical("city_mapped").getString(4));
        assertThrows(MlopsException.class, () -> t.drop("missing"));
    }

    @Test
    void withColumnAppendsOrReplacesInPlace() {
        Table t = leads();
        Table appended = t.withColumn(NumericColumn.of("score", 1, 2, 3, 4, 5));
        assertEquals("score", appended.columnNames().get(5));
        Table replaced = t.withColumn(NumericColumn.of("dropped", 9, 9, 9, 9, 9));
        assertEquals(1, replaced.columnNames().indexOf("dropped"));
        assertEquals(9.0, replaced.numeric("dropped").getDouble(1));
        assertThrows(MlopsException.class, () -> t.withColumn(NumericColumn.of("x", 1)));
    }

    @Test
    void filterKeepsRowsInOrderAcrossAllTypes() {
        Table t = leads();
        NumericColumn dropped = t.numeric("dropped");
        Table kept = t.filter(i -> !dropped.isNull(i) && dropped.getDouble(i) >= 2);
        assertEquals(2, kept.rowCount());
        assertNull(kept.categorical("city").getString(0));
        assertEquals("pune", kept.categorical("city").getString(1));
        assertEquals(Instant.parse("2021-07-02T10:00:00Z"), kept.timestamp("created").get(1));
        assertEquals("\"q\"", kept.text("note").getString(0));
        Table byRow = t.filterRows(row -> "pune".equals(row.getString("city")));
        assertEquals(2, byRow.rowCount());
    }

    @Test
    void mapLevelsCallsTheFunctionPerLevelAndMergesLevels() {
        CategoricalColumn city = leads().categorical("city");
        int[] calls = {0};
        CategoricalColumn grouped = city.mapLevels(level -> {
            calls[0]++;
            return "pune".equals(level) ? level : "others";
        });
        assertEquals(4, calls[0], "three levels and null");
        assertEquals(List.of("pune", "others"), grouped.levels());
        assertEquals("others", grouped.getString(2), "null becomes a level when the function says so");
        assertArrayEquals(new int[] {2, 3}, grouped.codeCounts());
    }

    @Test
    void mapToNumericTurnsLevelsAndNullIntoNumbers() {
        Map<String, Double> tier = Map.of("pune", 2.0, "delhi", 1.0);
        NumericColumn tiers = leads().categorical("city").mapToNumeric("city_tier",
                level -> level == null ? 3.0 : tier.getOrDefault(level, 3.0));
        assertArrayEquals(new double[] {2, 1, 3, 2, 3}, tiers.toArray());
        assertEquals("city_tier", tiers.name());
    }

    @Test
    void numericMapAndFillKeepNullsApart() {
        NumericColumn dropped = leads().numeric("dropped");
        NumericColumn doubled = dropped.map(v -> v * 2);
        assertTrue(doubled.isNull(1));
        assertEquals(6.0, doubled.getDouble(2));
        NumericColumn filled = dropped.fillNulls(0);
        assertEquals(0, filled.nullCount());
        assertEquals(0.0, filled.getDouble(1));
        assertEquals(7.0, dropped.sum());
    }

    @Test
    void sortIsStableWithNullsLastAndDescendingKeys() {
        Table t = leads();
        Table byDropped = t.sortBy("dropped");
        assertArrayEquals(new double[] {1, 1, 2, 3, Double.NaN}, byDropped.numeric("dropped").toArray());
        assertEquals(List.of("pune", "goa"), List.of(byDropped.categorical("city").getString(0),
                byDropped.categorical("city").getString(1)), "ties keep their order");
        Table desc = t.sortBy(SortKey.desc("created"));
        assertTrue(desc.timestamp("created").isNull(0), "null first when descending");
        assertEquals(Instant.parse("2021-08-01T10:00:00Z"), desc.timestamp("created").get(1));
        Table byCity = t.sortBy(SortKey.asc("city"), SortKey.desc("dropped"));
        assertEquals("delhi", byCity.categorical("city").getString(0));
        assertEquals(2.0, byCity.numeric("dropped").getDouble(2));
    }

    @Test
    void concatMergesDictionariesAndNullMasks() {
        Table a = Table.of(CategoricalColumn.of("c", "x", null), NumericColumn.ofNullable("n", 1.0, null));
        Table b = Table.of(CategoricalColumn.of("c", "y", "x"), NumericColumn.ofNullable("n", null, 4.0));
        Table both = a.concat(b);
        assertEquals(4, both.rowCount());
        assertEquals(List.of("x", "y"), both.categorical("c").levels());
        assertEquals("y", both.categorical("c").getString(2));
        assertTrue(both.categorical("c").isNull(1));
        assertTrue(both.numeric("n").isNull(2));
        assertEquals(4.0, both.numeric("n").getDouble(3));
        MlopsException e = assertThrows(MlopsException.class,
                () -> a.concat(Table.of(CategoricalColumn.of("d", "x", "y"), NumericColumn.of("n", 1, 2))));
        assertTrue(e.getMessage().contains("different columns"));
    }

    @Test
    void groupBySumsPerKeyAndKeepsNullKeysAsAGroup() {
        Table t = Table.of(
                CategoricalColumn.of("k", "a", "b", "a", null, null),
                NumericColumn.of("tier", 1, 2, 1, 3, 3),
                NumericColumn.ofNullable("clicks", 1.0, 2.0, null, 4.0, 5.0));
        Table sums = t.groupBy("k", "tier").sum("clicks");
        assertEquals(List.of("k", "tier", "clicks"), sums.columnNames());
        assertEquals(3, sums.rowCount());
        assertEquals("a", sums.categorical("k").getString(0));
        assertEquals(1.0, sums.numeric("clicks").getDouble(0), "null values are skipped");
        assertTrue(sums.categorical("k").isNull(2));
        assertEquals(9.0, sums.numeric("clicks").getDouble(2));
        assertEquals(t.rowCount(), (int) t.groupBy("k").count().numeric("count").sum(), "no row is lost");
    }

    @Test
    void valueCountsAreSortedByFrequencyAndCountNull() {
        Table counts = leads().valueCounts("city");
        assertEquals("pune", counts.categorical("city").getString(0));
        assertEquals(2.0, counts.numeric("count").getDouble(0));
        assertEquals(4, counts.rowCount(), "three levels and null");
        assertEquals(5.0, counts.numeric("count").sum());
    }

    @Test
    void headAndSampleAreDeterministic() {
        Table t = leads();
        assertEquals(2, t.head(2).rowCount());
        assertSame(t, t.head(10));
        Table s1 = t.sample(3, 42);
        Table s2 = t.sample(3, 42);
        assertEquals(s1, s2);
        assertEquals(3, s1.rowCount());
        assertFalse(t.sample(3, 42).equals(t.sample(3, 7)) && t.sample(3, 7).equals(t.sample(3, 8))
                && t.sample(3, 8).equals(t.sample(3, 9)), "different seeds pick different rows");
    }

    @Test
    void slicesTailsAndSplitsByRowRange() {
        Table t = leads();
        assertEquals(List.of("delhi", "pune"), cities(t.slice(1, 4).filter(i -> i != 1)));
        assertEquals(List.of("pune", "goa"), cities(t.tail(2)));
        assertSame(t, t.tail(9));
        assertEquals(0, t.tail(0).rowCount());
        TableSplit split = t.splitAt(2);
        assertEquals(List.of("pune", "delhi"), cities(split.first()));
        assertEquals(3, split.second().rowCount());
        assertEquals(t, Table.concat(List.of(split.first(), split.second())));
        IndexOutOfBoundsException outside = assertThrows(IndexOutOfBoundsException.class, () -> t.slice(3, 6));
        assertEquals("Rows 3 to 6 (exclusive) are not a range of this table of 5 rows; give 0 <= from <= to <= 5",
                outside.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> t.splitAt(-1));
    }

    @Test
    void randomSplitKeepsEveryRowOnceInOrderAndDependsOnTheSeed() {
        Table t = Table.of(NumericColumn.of("i", java.util.stream.IntStream.range(0, 100).asDoubleStream()
                .toArray()));
        TableSplit split = t.randomSplit(0.7, 42);
        assertEquals(70, split.first().rowCount());
        assertEquals(30, split.second().rowCount());
        double[] first = split.first().numeric("i").toArray();
        double[] second = split.second().numeric("i").toArray();
        assertTrue(isSorted(first) && isSorted(second), "each part keeps the table's order");
        java.util.Set<Double> all = new java.util.TreeSet<>();
        for (double v : first) {
            all.add(v);
        }
        for (double v : second) {
            all.add(v);
        }
        assertEquals(100, all.size(), "every row is in exactly one part");
        assertEquals(t.sample(70, 42), split.first(), "the first part is the seed's sample");
        assertEquals(split, t.randomSplit(0.7, 42));
        assertFalse(split.equals(t.randomSplit(0.7, 43)));
        assertThrows(IllegalArgumentException.class, () -> t.randomSplit(1.5, 1));
    }

    private static boolean isSorted(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static List<String> cities(Table t) {
        return java.util.stream.IntStream.range(0, t.rowCount()).mapToObj(i -> t.categorical("city").getString(i))
                .toList();
    }

    @Test
    void requireRowsNamesTheTableAndItsColumnsWhenItIsEmpty() {
        Table t = leads();
        assertSame(t, t.requireRows("The leads"));
        DataException e = assertThrows(DataException.class, () -> t.head(0).requireRows("The leads"));
        assertTrue(e.getMessage().startsWith("The leads has 0 rows (columns [city, dropped, referred, created, "
                + "note]); check what made it"), e.getMessage());
    }

    @Test
    void countsDuplicateRows() {
        Table t = Table.of(NumericColumn.of("a", 1, 1, 2, 1), CategoricalColumn.of("b", "x", "x", "x", "y"));
        assertEquals(1, t.duplicateRowCount());
    }

    @Test
    void estimatedBytesIsCloseToPrimitiveSizeForNumbers() {
        double[] values = new double[100_000];
        Table t = Table.of(NumericColumn.of("v", values));
        long bytes = t.estimatedBytes();
        assertTrue(bytes >= 800_000 && bytes < 830_000, "bytes " + bytes);
    }

    @Test
    void formatsValuesAsCsvWouldWriteThem() {
        Table t = leads();
        assertEquals("1.0", t.column("dropped").format(0));
        assertEquals("", t.column("dropped").format(1));
        assertEquals("2021-07-01 10:00:00", t.column("created").format(0));
        assertEquals("true", t.column("referred").format(0));
    }
}
