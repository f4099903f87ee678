package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Header lines with nameless columns, as spreadsheets export them, read as pandas reads them. */
class CsvReaderUnnamedColumnsTest {

    private static CsvReadResult read(String csv) {
        return CsvReader.builder().build().readWithReport(new StringReader(csv), "sheet.csv");
    }

    @Test
    void dropsANamelessColumnThatIsEmptyInEveryRowWhenTheHeaderEndsWithTheSeparator() {
        CsvReadResult result = read("a,b,\n1,x,\n2,y,\n");
        assertEquals(List.of("a", "b"), result.table().columnNames());
        assertEquals(2, result.table().rowCount());
        assertEquals(List.of("Unnamed: 2"), result.report().unnamedColumnsDropped());
        assertEquals(List.of(), result.report().unnamedColumnsKept());
    }

    @Test
    void namesANamelessColumnWithValuesAsPandasDoesByItsZeroBasedPosition() {
        CsvReadResult result = read("a,,c\n1,x,3\n2,,4\n");
        assertEquals(List.of("a", "Unnamed: 1", "c"), result.table().columnNames());
        assertEquals("x", result.table().text("Unnamed: 1").get(0));
        assertEquals(1, result.table().column("Unnamed: 1").nullCount());
        assertEquals(List.of("Unnamed: 1"), result.report().unnamedColumnsKept());
        assertEquals(List.of(), result.report().unnamedColumnsDropped());
    }

    @Test
    void countsPositionsFromTheDroppedLeadingIndexColumnToo() {
        CsvReadResult result = read(",a,  \n0,1,2\n1,3,\n");
        assertTrue(result.report().indexColumnDropped());
        assertEquals(List.of("a", "Unnamed: 2"), result.table().columnNames());
        assertEquals(2.0, result.table().numeric("Unnamed: 2").getDouble(0));
    }

    @Test
    void keepsAHeaderOnlyInputsNamelessColumnOutSinceItHasNoValue() {
        CsvReadResult result = read("a,b,\n");
        assertEquals(List.of("a", "b"), result.table().columnNames());
        assertEquals(List.of("Unnamed: 2"), result.report().unnamedColumnsDropped());
    }

    @Test
    void readsTheXEducationLeadsExportWhoseHeaderEndsWithAComma() throws URISyntaxException {
        Path file = Path.of(Objects.requireNonNull(getClass().getResource("/spreadsheet/leads-spreadsheet-export.csv"))
                .toURI());
        CsvReadResult result = CsvReader.builder().build().readWithReport(file);
        Table table = result.table();
        // pandas 1.5.3 reads this file as 5 rows x 38 columns, the last one 'Unnamed: 37' and all NaN
        assertEquals(5, table.rowCount());
        assertEquals(37, table.columnCount());
        assertEquals("Last Notable Activity", table.columnNames().get(36));
        assertFalse(table.hasColumn("Unnamed: 37"));
        assertEquals(List.of("Unnamed: 37"), result.report().unnamedColumnsDropped());
        assertEquals(1532.0, table.numeric("Total Time Spent on Website").getDouble(2));
    }

    @Test
    void aStreamDecidesFromItsFirstChunkAndGivesEveryChunkTheSameColumns() {
        StringBuilder csv = new StringBuilder("a,,\n");
        for (int i = 0; i < 25; i++) {
            csv.append(i).append(',').append(i % 2 == 0 ? "v" + i : "").append(",\n");
        }
        List<Table> chunks = new ArrayList<>();
        CsvReadReport report = CsvReader.builder().build().stream(new StringReader(csv.toString()), "sheet.csv", 10,
                chunks::add);
        assertEquals(3, chunks.size());
        for (Table chunk : chunks) {
            assertEquals(List.of("a", "Unnamed: 1"), chunk.columnNames());
        }
        assertEquals(List.of("Unnamed: 1"), report.unnamedColumnsKept());
        assertEquals(List.of("Unnamed: 2"), report.unnamedColumnsDropped());
        assertEquals(read(csv.toString()).table(), Table.concat(chunks));
    }
}
