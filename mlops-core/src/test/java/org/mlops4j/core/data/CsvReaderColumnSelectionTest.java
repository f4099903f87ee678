package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.DataException;

/** {@link CsvReader.Builder#columns}: only the chosen columns are parsed and kept, as pandas' {@code usecols}. */
class CsvReaderColumnSelectionTest {

    private static final String WIDE = "id,city,score,flag,note\n"
            + "1,pune,0.5,true,\"a, b\"\n"
            + "2,agra,NA,false,\"two\nlines\"\n"
            + "3,pune,1.5,true,x\n";

    @TempDir
    Path folder;

    private static CsvReadResult read(CsvReader.Builder builder, String csv) {
        return builder.build().readWithReport(new StringReader(csv), "wide.csv");
    }

    @Test
    void keepsOnlyTheChosenColumnsInHeaderOrderWithTheSameValuesAsAFullRead() {
        Table all = read(CsvReader.builder(), WIDE).table();
        Table some = read(CsvReader.builder().columns("score", "city"), WIDE).table();
        assertEquals(List.of("city", "score"), some.columnNames());
        assertEquals(all.select("city", "score"), some);
    }

    @Test
    void doesNotParseTheOtherColumnsSoTheirValuesCannotFailTheRead() {
        String csv = "a,b\n1,x\n2,not-a-number\n";
        Table table = read(CsvReader.builder().columnType("b", ColumnType.NUMERIC).columns("a"), csv).table();
        assertEquals(List.of("a"), table.columnNames());
        assertEquals(2, table.rowCount());
    }

    @Test
    void stillRejectsARecordWithTheWrongNumberOfFields() {
        DataException e = assertThrows(DataException.class,
                () -> read(CsvReader.builder().columns("a"), "a,b\n1,2\n3\n"));
        assertEquals(3, e.line());
    }

    @Test
    void namesTheChosenColumnsTheHeaderLacks() {
        DataException e = assertThrows(DataException.class,
                () -> read(CsvReader.builder().columns("city", "nosuch"), WIDE));
        assertTrue(e.getMessage().contains("[nosuch]") && e.getMessage().contains("columns(...)"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void countsMissingValuesOfTheChosenColumnsOnly() {
        CsvReadReport report = read(CsvReader.builder().columns("score"), WIDE).report();
        assertEquals(List.of("score"), List.copyOf(report.missingValues().keySet()));
        assertEquals(1, report.missingValues("score").count());
    }

    @Test
    void streamsTheChosenColumnsOnly() {
        List<Table> chunks = new ArrayList<>();
        CsvReader.builder().columns("id", "note").build().stream(new StringReader(WIDE), "wide.csv", 2, chunks::add);
        assertEquals(List.of(2, 1), chunks.stream().map(Table::rowCount).toList());
        assertEquals(List.of("id", "note"), chunks.get(1).columnNames());
        assertEquals("two\nlines", chunks.get(0).column("note").get(1));
    }

    @Test
    void readsTheHeaderAloneWithTheNamesAReadGives() throws IOException {
        Path file = folder.resolve("sheet.csv");
        Files.writeString(file, ",a,,b,\n0,1,2,3,\n");
        CsvReader reader = CsvReader.builder().columns("a").build();
        assertEquals(List.of("a", "Unnamed: 2", "b", "Unnamed: 4"), reader.header(file));
    }
}
