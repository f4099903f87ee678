package org.mlops4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.Table;
import org.mlops4j.drift.ColumnDrift;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.MultipleTesting;

class SparkDriftTest {

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.session();
    }

    @Test
    void driftOfTheLeadDataEqualsTheSingleJvmReport() throws Exception {
        Table leads = SparkProfilesTest.leads();
        Table first = leads.take(IntStream.range(0, 60).toArray());
        Table rest = leads.take(IntStream.range(60, leads.rowCount()).toArray());
        List<String> testable = leads.columnNames().stream() // DataDrift refuses a side without values
                .filter(name -> hasValues(first.column(name)) && hasValues(rest.column(name))).toList();
        Table reference = first.select(testable);
        Table current = rest.select(testable);
        assertTrue(testable.size() >= 6, "testable lead columns: " + testable);
        DataDrift drift = DataDrift.builder().build();

        DriftReport expected = drift.run(reference, current);
        DriftReport actual = SparkDrift.of(drift).run(LocalSpark.dataset(spark, reference, 3),
                LocalSpark.dataset(spark, current, 2));

        assertSameReport(expected, actual);
    }

    @Test
    void driftWithNullsNanAndUnseenCategoriesEqualsTheSingleJvmReportOnSmallAndLargeReferences() {
        for (int rows : new int[] {800, 3_000}) { // ks and chi-square up to 1,000 reference rows, Wasserstein and JS above
            Table reference = SparkProfilesTest.messy(rows, 11, "c");
            Table current = SparkProfilesTest.messy(rows / 2, 12, "c").concat(SparkProfilesTest.messy(60, 13, "unseen"));
            DataDrift drift = DataDrift.builder().multipleTesting(MultipleTesting.BENJAMINI_HOCHBERG).build();

            DriftReport expected = drift.run(reference, current);
            DriftReport actual = SparkDrift.of(drift).run(LocalSpark.dataset(spark, reference, 3),
                    LocalSpark.dataset(spark, current, 2));

            assertSameReport(expected, actual);
            assertTrue(actual.column("amount").orElseThrow().referenceDropped() > 0, "nulls, NaN and infinities dropped");
        }
    }

    @Test
    void refusesMoreRowsThanItTestsExactlyAndNamesTheProfileRoute() {
        Table reference = SparkProfilesTest.messy(50, 1, "c");
        SparkDrift drift = SparkDrift.of(DataDrift.builder().build()).withMaxRows(40);

        DataException error = assertThrows(DataException.class, () -> drift.run(
                LocalSpark.dataset(spark, reference, 2), LocalSpark.dataset(spark, reference, 2)));

        assertTrue(error.getMessage().contains("50 rows") && error.getMessage().contains("ProfileDrift.compare"),
                error.getMessage());
    }

    private static boolean hasValues(Column column) {
        return column.nullCount() < column.size();
    }

    private static void assertSameReport(DriftReport expected, DriftReport actual) {
        assertEquals(expected.referenceRows(), actual.referenceRows());
        assertEquals(expected.currentRows(), actual.currentRows());
        assertEquals(expected.summary(), actual.summary());
        assertEquals(expected.columns().size(), actual.columns().size());
        for (int i = 0; i < expected.columns().size(); i++) {
            ColumnDrift e = expected.columns().get(i);
            ColumnDrift a = actual.columns().get(i);
            String where = e.column() + " (" + e.stattest() + ")";
            assertEquals(e.column(), a.column());
            assertEquals(e.columnType(), a.columnType(), where);
            assertEquals(e.stattest(), a.stattest(), where);
            assertEquals(e.score(), a.score(), 1e-9, where);
            assertEquals(e.adjusted().orElse(-1), a.adjusted().orElse(-1), 1e-9, where);
            assertEquals(e.drifted(), a.drifted(), where);
            assertEquals(e.referenceSize(), a.referenceSize(), where);
            assertEquals(e.currentSize(), a.currentSize(), where);
            assertEquals(e.referenceDropped(), a.referenceDropped(), where);
            assertEquals(e.currentDropped(), a.currentDropped(), where);
        }
        assertEquals(expected.toJson(), actual.toJson());
    }
}
