package org.mlops4j.drift.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

class ProfileMergeTest {

    static Table bigTable(int rows, long seed) {
        Random random = new Random(seed);
        NumericColumn.Builder amount = NumericColumn.builder("amount", rows);
        NumericColumn.Builder score = NumericColumn.builder("score", rows);
        CategoricalColumn.Builder user = CategoricalColumn.builder("user", rows);
        for (int i = 0; i < rows; i++) {
            double a = Math.exp(3 + random.nextGaussian());
            if (i % 97 == 0) {
                amount.addNull();
            } else {
                amount.add(a);
            }
            score.add(0.5 * Math.log(a) + random.nextGaussian());
            user.add("u" + random.nextInt(3000));
        }
        return Table.of(amount.build(), score.build(), user.build());
    }

    @Test
    void profilesOfPartitionsBuiltOnThreadsMergeToTheProfileOfAllRows() throws Exception {
        Table table = bigTable(200_000, 1);
        TableProfile whole = TableProfile.of(table);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<TableProfile>> parts = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int[] rows = IntStream.range(p * 50_000, (p + 1) * 50_000).toArray();
            parts.add(pool.submit(() -> TableProfile.of(table.take(rows))));
        }
        TableProfile merged = null;
        for (Future<TableProfile> part : parts) {
            merged = merged == null ? part.get() : merged.merge(part.get());
        }
        pool.shutdown();

        assertEquals(whole.rowCount(), merged.rowCount());
        NumericProfile a = whole.numeric("amount");
        NumericProfile b = merged.numeric("amount");
        assertEquals(a.finiteCount(), b.finiteCount());
        assertEquals(a.nullCount(), b.nullCount());
        assertEquals(a.min(), b.min());
        assertEquals(a.max(), b.max());
        assertEquals(a.mean(), b.mean(), Math.abs(a.mean()) * 1e-12);
        assertEquals(a.variance(), b.variance(), a.variance() * 1e-10);
        assertEquals(a.skewness(), b.skewness(), Math.abs(a.skewness()) * 1e-9);
        assertEquals(a.kurtosis(), b.kurtosis(), Math.abs(a.kurtosis()) * 1e-9);
        double[] sorted = table.numeric("amount").nonNullValues().sorted().toArray();
        for (double q : new double[] {0.01, 0.25, 0.5, 0.75, 0.99}) {
            double estimate = b.quantile(q);
            double trueRank = (double) lowerBound(sorted, estimate) / sorted.length;
            assertEquals(q, trueRank, 2 * b.normalizedRankError(), "rank of the merged " + q + "-quantile");
        }
        assertEquals(whole.correlation("amount", "score").orElseThrow(),
                merged.correlation("amount", "score").orElseThrow(), 1e-12);
        CategoricalProfile users = merged.categorical("user");
        assertFalse(users.exact());
        assertTrue(users.distinct().lowerBound() <= 3000 && 3000 <= users.distinct().upperBound());
        assertEquals(200_000, users.count());
        assertEquals(whole.duplicateRows().orElseThrow().duplicates(),
                merged.duplicateRows().orElseThrow().duplicates());
    }

    private static int lowerBound(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }

    @Test
    void exactCountsStayExactWhenTheMergedLevelsFitTheLimit() {
        TableProfile a = TableProfile.of(Table.of(CategoricalColumn.of("c", "x", "y", "x")));
        TableProfile b = TableProfile.of(Table.of(CategoricalColumn.of("c", "y", "z", null)));
        CategoricalProfile merged = a.merge(b).categorical("c");
        assertTrue(merged.exact());
        assertEquals(List.of(new ValueCount("x", 2, 2, 2), new ValueCount("y", 2, 2, 2), new ValueCount("z", 1, 1, 1)),
                merged.topValues(5));
        assertEquals(1, merged.nullCount());
        ProfileOptions tight = ProfileOptions.defaults().withCategoryExactLimit(2);
        CategoricalProfile overflowing = TableProfile.of(Table.of(CategoricalColumn.of("c", "x", "y", "x")), tight)
                .merge(TableProfile.of(Table.of(CategoricalColumn.of("c", "y", "z", null)), tight)).categorical("c");
        assertFalse(overflowing.exact());
        assertEquals(6, overflowing.rowCount());
        assertEquals(2, overflowing.frequency("x").count());
    }

    @Test
    void mergingAColumnOfAnotherTypeIsAnErrorNamingTheColumn() {
        TableProfile a = TableProfile.of(Table.of(NumericColumn.of("v", 1, 2)));
        TableProfile b = TableProfile.of(Table.of(CategoricalColumn.of("v", "1", "2")));
        MlopsException e = assertThrows(MlopsException.class, () -> a.merge(b));
        assertTrue(e.getMessage().contains("column 'v' is numeric in one and categorical in the other"),
                e.getMessage());
        MlopsException chunk = assertThrows(MlopsException.class, () -> ProfileBuilder.create()
                .add(Table.of(NumericColumn.of("v", 1))).add(Table.of(CategoricalColumn.of("v", "a"))));
        assertTrue(chunk.getMessage().contains("'v' was numeric and is now categorical"), chunk.getMessage());
    }

    @Test
    void buildTakesASnapshotAndTheBuilderGoesOn() {
        ProfileBuilder builder = ProfileBuilder.create();
        for (int i = 0; i < 3000; i++) {
            builder.addDouble("v", i);
        }
        TableProfile first = builder.build();
        builder.addDoubles("v", new double[] {1e9, 2e9});
        TableProfile second = builder.build();
        assertEquals(3000, first.numeric("v").finiteCount());
        assertEquals(2999.0, first.numeric("v").max());
        assertEquals(3002, second.numeric("v").finiteCount());
        assertEquals(2e9, second.numeric("v").max());
        assertEquals(3002, second.rowCount());
    }

    @Test
    void chunkedIngestionEqualsOneTableAndTheSavedSizeStopsGrowing() {
        Table table = bigTable(60_000, 2);
        ProfileBuilder chunked = ProfileBuilder.create();
        for (int from = 0; from < 60_000; from += 7_000) {
            int to = Math.min(60_000, from + 7_000);
            chunked.add(table.take(IntStream.range(from, to).toArray()));
        }
        TableProfile a = chunked.build();
        TableProfile b = TableProfile.of(table);
        assertEquals(b.numeric("score").mean(), a.numeric("score").mean(), 1e-12);
        assertEquals(b.categorical("user").count(), a.categorical("user").count());

        ProfileOptions noRows = ProfileOptions.defaults().withDuplicateRows(false);
        Random random = new Random(9);
        ProfileBuilder builder = ProfileBuilder.create(noRows);
        double[] chunk = new double[100_000];
        int[] sizes = new int[3];
        for (int step = 0; step < 30; step++) {
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = random.nextGaussian();
            }
            builder.addDoubles("v", chunk);
            if (step == 0 || step == 9 || step == 29) {
                sizes[step == 0 ? 0 : step == 9 ? 1 : 2] = builder.build().toJson().length();
            }
        }
        // a KLL sketch keeps O(k log(n/k)) items: from 1M to 3M values the saved profile grows by a few per cent
        assertTrue(sizes[2] < sizes[1] * 1.15, Arrays.toString(sizes));
        assertTrue(sizes[1] < sizes[0] * 1.5, Arrays.toString(sizes));
    }
}
