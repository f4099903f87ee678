package org.mlops4j.examples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReadResult;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.NumericColumn;

/** The benchmark's input is shaped like the lead data, and both readers the benchmark compares agree on it. */
class LeadCsvGeneratorTest {

    @TempDir
    Path folder;

    @Test
    void writesTheSameFileForTheSameSeed() throws IOException {
        Path a = folder.resolve("a.csv");
        Path b = folder.resolve("b.csv");
        LeadCsvGenerator.write(a, 500, 7);
        LeadCsvGenerator.write(b, 500, 7);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void writesLeadShapedDataWithALeadingIndexColumn() {
        Path file = folder.resolve("leads.csv");
        LeadCsvGenerator.write(file, 5000, 42);
        CsvReadResult result = CsvReader.builder().build().readWithReport(file);
        assertTrue(result.report().indexColumnDropped());
        assertEquals(LeadCsvGenerator.COLUMNS, result.table().columnNames());
        assertEquals(5000, result.table().rowCount());
        assertEquals(ColumnType.TIMESTAMP, result.table().column("created_date").type());
        assertEquals(ColumnType.CATEGORICAL, result.table().column("first_platform_c").type());
        double cityNullShare = result.table().column("city_mapped").nullCount() / 5000.0;
        assertTrue(cityNullShare > 0.02 && cityNullShare < 0.06, "about 4% of cities are null: " + cityNullShare);
        assertTrue(result.table().column("whatsapp_chat_click").nullCount() > 4950, "interactions are almost all null");
        double positives = result.table().numeric("app_complete_flag").sum() / 5000.0;
        assertTrue(positives > 0.3 && positives < 0.7, "the target is roughly balanced: " + positives);
    }

    @Test
    void givesTheSameNumbersToTheNaiveBaselineAndToCsvReader() {
        Path file = folder.resolve("leads.csv");
        LeadCsvGenerator.write(file, 3000, 1);
        var table = CsvReader.builder().build().read(file);
        NaiveCsvColumns naive = NaiveCsvColumns.read(file, CsvReadBenchmark.TEXT_COLUMNS);
        assertEquals(3000, naive.rows());
        for (int c = 1; c < naive.header().length; c++) {
            Column column = table.column(naive.header()[c]);
            if (naive.numbers()[c] == null) {
                continue;
            }
            NumericColumn numbers = column.asNumeric();
            for (int row = 0; row < naive.rows(); row++) {
                assertEquals(naive.numbers()[c][row], numbers.getDouble(row), column.name() + " row " + row);
            }
        }
    }
}
