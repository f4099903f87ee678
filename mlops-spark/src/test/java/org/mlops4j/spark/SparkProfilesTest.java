package org.mlops4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.data.TimestampColumn;
import org.mlops4j.drift.profile.CategoricalProfile;
import org.mlops4j.drift.profile.ColumnProfile;
import org.mlops4j.drift.profile.NumericProfile;
import org.mlops4j.drift.profile.TableProfile;

class SparkProfilesTest {

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.session();
    }

    static Table leads() throws URISyntaxException {
        Path file = Path.of(SparkProfilesTest.class.getResource("/leadscoring/leadscoring_test.csv").toURI());
        Table table = CsvReader.builder().build().read(file);
        for (String name : table.columnNames()) { // Spark strings are categories: read text columns as such
            if (table.column(name) instanceof TextColumn text) {
                String[] values = new String[text.size()];
                Arrays.setAll(values, text::getString);
                table = table.withColumn(CategoricalColumn.of(name, values));
            }
        }
        return table;
    }

    /** Numbers with nulls, NaN and infinities, categories with nulls, booleans and timestamps. */
    static Table messy(int rows, long seed, String levelPrefix) {
        Random random = new Random(seed);
        NumericColumn.Builder amount = NumericColumn.builder("amount", rows);
        NumericColumn.Builder visits = NumericColumn.builder("visits", rows);
        CategoricalColumn.Builder city = CategoricalColumn.builder("city", rows);
        BooleanColumn.Builder paid = BooleanColumn.builder("paid");
        TimestampColumn.Builder seen = TimestampColumn.builder("seen", rows);
        for (int i = 0; i < rows; i++) {
            int kind = random.nextInt(50);
            if (kind == 0) {
                amount.addNull();
            } else if (kind == 1) {
                amount.add(Double.NaN);
            } else if (kind == 2) {
                amount.add(Double.POSITIVE_INFINITY);
            } else {
                amount.add(Math.exp(3 + random.nextGaussian()));
            }
            visits.add((double) random.nextInt(7));
            city.add(kind == 3 ? null : levelPrefix + random.nextInt(kind < 25 ? 5 : 40));
            if (kind == 4) {
                paid.addNull();
            } else {
                paid.add(random.nextBoolean());
            }
            if (kind == 5) {
                seen.addNull();
            } else {
                seen.add(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(86_400 * 30)));
            }
        }
        return Table.of(amount.build(), visits.build(), city.build(), paid.build(), seen.build());
    }

    @Test
    void profileOfTheLeadDataOnThreePartitionsEqualsTheSingleJvmProfile() throws Exception {
        Table leads = leads();
        TableProfile expected = TableProfile.of(leads);

        TableProfile actual = SparkProfiles.profile(LocalSpark.dataset(spark, leads, 3));

        assertSameProfile(expected, actual, leads);
    }

    @Test
    void profileOfDataWithNullsNanAndInfinitiesEqualsTheSingleJvmProfileWithinTheSketchBounds() {
        Table messy = messy(30_000, 7, "c");
        TableProfile expected = TableProfile.of(messy);

        TableProfile actual = SparkProfiles.profile(LocalSpark.dataset(spark, messy, 4));

        assertSameProfile(expected, actual, messy);
        assertTrue(expected.numeric("amount").nanCount() > 0 && expected.numeric("amount").nullCount() > 0);
        assertTrue(!actual.numeric("amount").quantilesExact(), "30,000 values exceed one KLL sketch's exact range");
    }

    @Test
    void sparkProfileRoundTripsThroughJsonAndMergesWithASingleJvmProfileOfOtherCategories() {
        Table first = messy(5_000, 1, "c");
        Table second = messy(5_000, 2, "unseen");
        TableProfile onSpark = TableProfile.fromJson(SparkProfiles.profile(LocalSpark.dataset(spark, first, 2)).toJson());

        TableProfile merged = onSpark.merge(TableProfile.of(second));

        TableProfile whole = TableProfile.of(first.concat(second));
        assertEquals(10_000, merged.rowCount());
        assertEquals(whole.categorical("city").allValues(), merged.categorical("city").allValues());
        assertEquals(whole.numeric("amount").nanCount(), merged.numeric("amount").nanCount());
        assertEquals(whole.numeric("amount").nullCount(), merged.numeric("amount").nullCount());
        assertEquals(whole.duplicateRows().orElseThrow(), merged.duplicateRows().orElseThrow());
    }

    @Test
    void profileOfAnEmptyDatasetHasItsColumnsAndNoRows() {
        Table messy = messy(10, 3, "c");
        TableProfile profile = SparkProfiles.profile(LocalSpark.dataset(spark, messy, 2).limit(0));

        assertEquals(0, profile.rowCount());
        assertEquals(messy.columnNames(), profile.columnNames());
    }

    static void assertSameProfile(TableProfile expected, TableProfile actual, Table data) {
        assertEquals(expected.rowCount(), actual.rowCount());
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.missingCells(), actual.missingCells());
        assertEquals(expected.duplicateRows(), actual.duplicateRows());
        for (ColumnProfile column : expected.columns()) {
            ColumnProfile other = actual.column(column.name());
            assertEquals(column.type(), other.type(), column.name());
            assertEquals(column.rowCount(), other.rowCount(), column.name());
            if (column instanceof NumericProfile numeric) {
                assertSameNumbers(numeric, (NumericProfile) other, data);
            } else {
                CategoricalProfile categories = (CategoricalProfile) column;
                CategoricalProfile others = (CategoricalProfile) other;
                assertEquals(categories.count(), others.count(), column.name());
                assertEquals(categories.nullCount(), others.nullCount(), column.name());
                assertEquals(categories.exact(), others.exact(), column.name());
                assertEquals(categories.allValues(), others.allValues(), column.name());
                assertEquals(categories.distinct(), others.distinct(), column.name());
            }
        }
        for (var correlation : expected.correlations()) {
            assertEquals(correlation.pearson(), actual.correlation(correlation.first(), correlation.second())
                    .orElseThrow(), 1e-9, correlation.toString());
        }
    }

    private static void assertSameNumbers(NumericProfile expected, NumericProfile actual, Table data) {
        String name = expected.name();
        assertEquals(expected.count(), actual.count(), name);
        assertEquals(expected.finiteCount(), actual.finiteCount(), name);
        assertEquals(expected.nullCount(), actual.nullCount(), name);
        assertEquals(expected.nanCount(), actual.nanCount(), name);
        assertEquals(expected.infiniteCount(), actual.infiniteCount(), name);
        assertEquals(expected.zeroCount(), actual.zeroCount(), name);
        assertEquals(expected.negativeCount(), actual.negativeCount(), name);
        assertEquals(expected.min(), actual.min(), name);
        assertEquals(expected.max(), actual.max(), name);
        assertClose(expected.mean(), actual.mean(), 1e-12, name);
        assertClose(expected.variance(), actual.variance(), 1e-10, name);
        assertEquals(expected.distinct().exact(), actual.distinct().exact(), name);
        if (expected.distinct().exact()) {
            assertEquals(expected.distinct(), actual.distinct(), name);
        }
        if (expected.finiteCount() == 0) {
            return;
        }
        double[] sorted = finiteSorted(data, name);
        for (double q : new double[] {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
            if (expected.quantilesExact() && actual.quantilesExact()) {
                assertEquals(expected.quantile(q), actual.quantile(q), name + " " + q);
            } else {
                double rank = (double) lowerBound(sorted, actual.quantile(q)) / sorted.length;
                assertEquals(q, rank, 2 * actual.normalizedRankError(), name + " rank of the " + q + "-quantile");
            }
        }
    }

    /** Equal up to a relative tolerance (sums merged in another order), or both the same non-finite value. */
    private static void assertClose(double expected, double actual, double relative, String name) {
        if (!Double.isFinite(expected)) {
            assertEquals(expected, actual, name);
        } else {
            assertEquals(expected, actual, Math.abs(expected) * relative + Double.MIN_NORMAL, name);
        }
    }

    private static double[] finiteSorted(Table data, String name) {
        if (data.column(name).type() == ColumnType.TIMESTAMP) {
            TimestampColumn times = data.timestamp(name);
            return java.util.stream.IntStream.range(0, times.size()).filter(i -> !times.isNull(i))
                    .mapToDouble(times::getEpochMillis).sorted().toArray();
        }
        return data.numeric(name).nonNullValues().filter(Double::isFinite).sorted().toArray();
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
