package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.DataException;

class CsvReaderTest {

    @TempDir
    Path folder;

    private static Table read(String csv) {
        return CsvReader.builder().build().read(new StringReader(csv), "test.csv");
    }

    private Path file(String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void infersNumericBooleanTimestampCategoricalAndTextColumns() {
        Table table = read("n,b,t,c,x\n"
                + "1,true,2021-11-19 15:25:38,red,alpha\n"
                + "2.5,False,2021-11-20,red,beta\n"
                + "-3e5,TRUE,2021-11-21T00:00:01Z,blue,gamma\n"
                + "inf,false,2021-11-22 10:00:00,red,delta\n");
        assertEquals(List.of(ColumnType.NUMERIC, ColumnType.BOOLEAN, ColumnType.TIMESTAMP, ColumnType.CATEGORICAL,
                ColumnType.TEXT), table.columns().stream().map(Column::type).toList());
        assertEquals(-300000.0, table.numeric("n").getDouble(2));
        assertEquals(Double.POSITIVE_INFINITY, table.numeric("n").getDouble(3));
        assertEquals(List.of(true, false, true, false), List.of(table.bool("b").get(0), table.bool("b").get(1),
                table.bool("b").get(2), table.bool("b").get(3)));
        assertEquals(Instant.parse("2021-11-19T15:25:38Z"), table.timestamp("t").get(0));
        assertEquals(Instant.parse("2021-11-20T00:00:00Z"), table.timestamp("t").get(1));
        assertEquals(List.of("red", "blue"), table.categorical("c").levels());
        assertEquals("gamma", table.text("x").get(2));
    }

    @Test
    void readsPandasNullTokensAsNullAndKeepsOtherText() {
        Table table = read("a,b\n,x\nNA,NA\nN/A,y\nNaN,null\nnull,NULL\nNULL,nan\nnan,x\n7,y\n");
        assertEquals(7, table.numeric("a").nullCount());
        assertEquals(7.0, table.numeric("a").getDouble(7));
        assertEquals(4, table.column("b").nullCount());
    }

    @Test
    void readsOnlyTheChosenNullTokensWhenTheyAreReplaced() {
        Table table = CsvReader.builder().nullTokens("", "-").build()
                .read(new StringReader("a,b\nNA,-\nNA,1\n"), "test.csv");
        assertEquals(ColumnType.CATEGORICAL, table.column("a").type());
        assertEquals("NA", table.categorical("a").getString(0));
        assertTrue(table.numeric("b").isNull(0));
    }

    @Test
    void makesAColumnWithoutValuesNumericAndAllNull() {
        Table table = read("a,b\n1,\n2,\n");
        assertEquals(ColumnType.NUMERIC, table.column("b").type());
        assertEquals(2, table.column("b").nullCount());
    }

    @Test
    void lineColumnHoldsTheLineWhereEachRowStartsAcrossLineBreaksAndSkippedLines() {
        CsvReader reader = CsvReader.builder().lineColumn("_line").onRaggedRow(CsvReader.BadRowAction.QUARANTINE)
                .quarantineFile(folder.resolve("q.csv")).build();

        Table table = reader.read(new StringReader("id,note\n1,a\n\n2,\"two\nlines\"\n3,x,extra\n4,d\n"), "t.csv");

        assertEquals(List.of("id", "note", "_line"), table.columnNames());
        assertEquals(List.of(2.0, 4.0, 7.0), List.of(table.numeric("_line").getDouble(0),
                table.numeric("_line").getDouble(1), table.numeric("_line").getDouble(2)));
        List<Double> streamed = new java.util.ArrayList<>();
        reader.stream(new StringReader("id,note\n1,a\n\n2,\"two\nlines\"\n3,x,extra\n4,d\n"), "t.csv", 2,
                chunk -> chunk.numeric("_line").nonNullValues().forEach(streamed::add));
        assertEquals(List.of(2.0, 4.0, 7.0), streamed);
    }

    @Test
    void aLineColumnNamedLikeAHeaderColumnIsAnError() {
        DataException e = assertThrows(DataException.class, () -> CsvReader.builder().lineColumn("note").build()
                .read(new StringReader("id,note\n1,a\n"), "t.csv"));

        assertTrue(e.getMessage().contains("t.csv, line 1, column 'note'"), e.getMessage());
    }

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() {
        Table table = read("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"crlf\r\nkept\"\n");
        assertEquals(4, table.rowCount());
        assertEquals("a, b", table.column("note").get(0));
        assertEquals("say \"hi\"", table.column("note").get(1));
        assertEquals("two\nlines", table.column("note").get(2));
        assertEquals("crlf\r\nkept", table.column("note").get(3));
    }

    @Test
    void readsCrlfAndLfFilesAlikeAndSkipsAByteOrderMark() throws IOException {
        Path lf = file("lf.csv", "x,y\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8));
        Path crlf = file("crlf.csv", "\uFEFFx,y\r\n1,a\r\n2,b\r\n".getBytes(StandardCharsets.UTF_8));
        CsvReader reader = CsvReader.builder().build();
        Table fromLf = reader.read(lf);
        Table fromCrlf = reader.read(crlf);
        assertEquals(List.of("x", "y"), fromCrlf.columnNames());
        assertEquals(fromLf, fromCrlf);
    }

    @Test
    void skipsAByteOrderMarkAtTheStartOfAReader() {
        Table table = read("\uFEFFname\nann\n");
        assertEquals(List.of("name"), table.columnNames());
    }

    @Test
    void dropsALeadingUnnamedIndexColumnAsPandasWritesIt() {
        CsvReadResult result = CsvReader.builder().build()
                .readWithReport(new StringReader(",a,b\n0,x,1\n1,y,2\n"), "test.csv");
        assertEquals(List.of("a", "b"), result.table().columnNames());
        assertTrue(result.report().indexColumnDropped());
    }

    @Test
    void keepsTheIndexColumnUnderAChosenName() {
        Table kept = CsvReader.builder().keepIndexColumn().build()
                .read(new StringReader(",a\n0,x\n1,y\n"), "test.csv");
        assertEquals(List.of("index", "a"), kept.columnNames());
        assertEquals(1.0, kept.numeric("index").getDouble(1));
        Table named = CsvReader.builder().keepIndexColumnAs("row").build()
                .read(new StringReader(",a\n0,x\n"), "test.csv");
        assertEquals(List.of("row", "a"), named.columnNames());
    }

    @Test
    void parsesDeclaredTypesInsteadOfInferringThem() {
        Table table = CsvReader.builder()
                .columnType("code", ColumnType.TEXT)
                .columnType("flag", ColumnType.BOOLEAN)
                .columnType("level", ColumnType.CATEGORICAL)
                .build()
                .read(new StringReader("code,flag,level,n\n007,1,a,1\n008,no,b,2\n"), "test.csv");
        assertEquals("007", table.text("code").get(0));
        assertEquals(true, table.bool("flag").get(0));
        assertEquals(false, table.bool("flag").get(1));
        assertEquals(List.of("a", "b"), table.categorical("level").levels());
        assertEquals(ColumnType.NUMERIC, table.column("n").type());
    }

    @Test
    void appliesTheDefaultTypeToEveryColumnWithoutADeclaredType() {
        Table table = CsvReader.builder().defaultType(ColumnType.TEXT).columnType("n", ColumnType.NUMERIC).build()
                .read(new StringReader("a,b,n\n1,true,3\n"), "test.csv");
        assertEquals(ColumnType.TEXT, table.column("a").type());
        assertEquals(ColumnType.TEXT, table.column("b").type());
        assertEquals(ColumnType.NUMERIC, table.column("n").type());
    }

    @Test
    void keepsTheTextOfAColumnThatMixesNumbersAndTextExactlyAsWritten() {
        StringBuilder csv = new StringBuilder("zip,n\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(i % 7 == 0 ? "00" + i % 50 : Integer.toString(i % 50)).append(',').append(i).append('\n');
        }
        csv.append("A1B,3000\n");
        Table table = read(csv.toString());
        assertEquals(ColumnType.CATEGORICAL, table.column("zip").type());
        assertEquals("000", table.categorical("zip").getString(0));
        assertEquals("1", table.categorical("zip").getString(1));
        assertEquals("A1B", table.categorical("zip").getString(3000));
        assertEquals(ColumnType.NUMERIC, table.column("n").type());
        assertEquals(3001, table.rowCount());
    }

    @Test
    void readsAFileAgainToKeepTheTextOfAColumnThatTurnsOutToMixNumbersAndText() throws IOException {
        StringBuilder csv = new StringBuilder("code,n\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i % 2 == 0 ? "1.50" : "2").append(',').append(i).append('\n');
        }
        csv.append("n/a-code,5000\n");
        Path file = file("mixed.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        Table table = CsvReader.builder().build().read(file);
        assertEquals(ColumnType.CATEGORICAL, table.column("code").type());
        assertEquals(List.of("1.50", "2", "n/a-code"), table.categorical("code").levels());
        assertEquals(5001, table.rowCount());
        assertEquals(ColumnType.NUMERIC, table.column("n").type());
    }

    @Test
    void makesStringsCategoricalOnlyWhenValuesRepeatEnough() {
        assertEquals(ColumnType.TEXT, read("s\na\nb\nc\na\n").column("s").type());
        assertEquals(ColumnType.CATEGORICAL, read("s\na\nb\na\nb\n").column("s").type());
        Table strict = CsvReader.builder().categoricalRatio(0.1).build()
                .read(new StringReader("s\na\nb\na\nb\n"), "test.csv");
        assertEquals(ColumnType.TEXT, strict.column("s").type());
    }

    @Test
    void readsOtherSeparators() {
        Table table = CsvReader.builder().separator(';').build()
                .read(new StringReader("a;b\n1,5;x\n2,5;y\n"), "test.csv");
        assertEquals(ColumnType.TEXT, table.column("a").type());
        assertEquals("1,5", table.column("a").get(0));
        Table tabs = CsvReader.builder().separator('\t').build().read(new StringReader("a\tb\n1\t2\n"), "t.tsv");
        assertEquals(2.0, tabs.numeric("b").getDouble(0));
    }

    @Test
    void stopsAfterMaxRowsAndReportsIt() {
        CsvReadResult result = CsvReader.builder().maxRows(2).build()
                .readWithReport(new StringReader("a\n1\n2\n3\n"), "test.csv");
        assertEquals(2, result.table().rowCount());
        assertTrue(result.report().stoppedAtMaxRows());
        CsvReadResult exact = CsvReader.builder().maxRows(3).build()
                .readWithReport(new StringReader("a\n1\n2\n3\n"), "test.csv");
        assertFalse(exact.report().stoppedAtMaxRows());
    }

    @Test
    void readsAHeaderOnlyFileAsZeroRowsWithItsColumns() throws IOException {
        Path file = file("header.csv", "a,b\r\n".getBytes(StandardCharsets.UTF_8));
        Table table = CsvReader.builder().columnType("b", ColumnType.TEXT).build().read(file);
        assertEquals(0, table.rowCount());
        assertEquals(List.of("a", "b"), table.columnNames());
        assertEquals(ColumnType.TEXT, table.column("b").type());
    }

    @Test
    void skipsEmptyLinesAndCountsThemInLineNumbers() {
        Table table = read("a,b\n\n1,2\n\n\n3,4\n");
        assertEquals(2, table.rowCount());
        org.mlops4j.core.DataException e = assertThrows(org.mlops4j.core.DataException.class,
                () -> read("a,b\n\n1,2\r\n\n\r\n3\n"));
        assertEquals(6, e.line());
    }

    @Test
    void readsAnEmptyLineInAOneColumnFileAsNull() {
        Table table = read("\nname\nann\n\nbob\n");
        assertEquals(3, table.rowCount());
        assertTrue(table.column("name").isNull(1));
    }

    @Test
    void trimsSpacesAroundUnquotedValuesOnlyWhenAsked() {
        Table untrimmed = read("a,b\n 1,2 \n 1,2 \n");
        assertEquals(ColumnType.CATEGORICAL, untrimmed.column("a").type());
        assertEquals(" 1", untrimmed.column("a").get(0));
        assertEquals("2 ", untrimmed.column("b").get(0));
        Table trimmed = CsvReader.builder().trimSpaces(true).build()
                .read(new StringReader("a\n 1\n2 \n"), "test.csv");
        assertEquals(3.0, trimmed.numeric("a").sum());
    }

    @Test
    void readsUnicodeTextFromAFile() throws IOException {
        Path file = file("u.csv", "name,city\nZoë,München\n李,東京\n🙂,\"Zürich, CH\"\n"
                .getBytes(StandardCharsets.UTF_8));
        Table table = CsvReader.builder().build().read(file);
        assertEquals("東京", table.column("city").get(1));
        assertEquals("🙂", table.column("name").get(2));
        assertEquals("Zürich, CH", table.column("city").get(2));
    }

    @Test
    void reportsRowsAndColumnTypes() {
        CsvReadReport report = CsvReader.builder().build()
                .readWithReport(new StringReader("a,b\n1,x\n2,x\n"), "test.csv").report();
        assertEquals(2, report.rowsRead());
        assertEquals(0, report.rowsQuarantined());
        assertEquals(Map.of("a", ColumnType.NUMERIC, "b", ColumnType.CATEGORICAL), report.columnTypes());
        assertEquals("test.csv", report.source());
        assertTrue(report.quarantineFile().isEmpty());
    }

    @Test
    void refusesToQuarantineWithoutAQuarantineFile() {
        assertThrows(IllegalStateException.class,
                () -> CsvReader.builder().onRaggedRow(CsvReader.BadRowAction.QUARANTINE).build());
    }

    @Test
    void canBeSharedByThreadsReadingAtOnce() throws Exception {
        CsvReader reader = CsvReader.builder().build();
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(",L").append(i % 10).append('\n');
        }
        Table expected = reader.read(new StringReader(csv.toString()), "t");
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Table> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> results.add(reader.read(new StringReader(csv.toString()), "t")));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4, results.size());
        results.forEach(table -> assertEquals(expected, table));
    }
}
