package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.DataException;

/** Every kind of bad input gives a {@link DataException} that says where, or goes to the quarantine when asked. */
class CsvReaderBadInputTest {

    @TempDir
    Path folder;

    private Path file(String content) throws IOException {
        return bytes(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path bytes(byte[] content) throws IOException {
        Path file = folder.resolve("input.csv");
        Files.write(file, content);
        return file;
    }

    private static DataException failure(CsvReader reader, Path file) {
        return assertThrows(DataException.class, () -> reader.read(file));
    }

    private static DataException failure(Path file) {
        return failure(CsvReader.builder().build(), file);
    }

    private static void assertLocation(DataException e, Path file, long line, String column, String value) {
        assertEquals(Optional.of(file.toString()), e.source(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(Optional.ofNullable(column), e.column(), e.getMessage());
        assertEquals(Optional.ofNullable(value), e.value(), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        if (line > 0) {
            assertTrue(e.getMessage().contains("line " + line), e.getMessage());
        }
        if (column != null) {
            assertTrue(e.getMessage().contains("column '" + column + "'"), e.getMessage());
        }
        if (value != null) {
            assertTrue(e.getMessage().contains("value '" + value + "'"), e.getMessage());
        }
    }

    @Test
    void rejectsARecordWithTooFewFieldsNamingItsLine() throws IOException {
        Path file = file("a,b,c\n1,2,3\n4,5\n");
        DataException e = failure(file);
        assertLocation(e, file, 3, null, "4,5");
        assertTrue(e.getMessage().contains("Expected 3 fields"), e.getMessage());
        assertTrue(e.getMessage().contains("found 2 (too few)"), e.getMessage());
    }

    @Test
    void rejectsARecordWithTooManyFieldsNamingItsLine() throws IOException {
        Path file = file("a,b\r\n1,2\r\n3,4\r\n5,6,7\r\n");
        DataException e = failure(file);
        assertLocation(e, file, 4, null, "5,6,7");
        assertTrue(e.getMessage().contains("too many"), e.getMessage());
    }

    @Test
    void reportsTheLineWhereARaggedRecordStartsWhenAQuotedValueSpansLines() throws IOException {
        Path file = file("a,b\n1,\"two\nlines\"\n\"three\nmore\nlines\",x,extra\n");
        DataException e = failure(file);
        assertEquals(4, e.line(), e.getMessage());
    }

    @Test
    void quarantinesRaggedRecordsWithLineAndReasonAndKeepsTheRest() throws IOException {
        Path file = file("a,b\n1,x\n2\n3,y\n4,z,extra\n5,w\n");
        Path quarantine = folder.resolve("rejected.csv");
        CsvReadResult result = CsvReader.builder().onRaggedRow(CsvReader.BadRowAction.QUARANTINE)
                .quarantineFile(quarantine).build().readWithReport(file);
        assertEquals(3, result.table().rowCount());
        assertEquals(List.of(1.0, 3.0, 5.0), List.of(result.table().numeric("a").get(0),
                result.table().numeric("a").get(1), result.table().numeric("a").get(2)));
        assertEquals(2, result.report().rowsQuarantined());
        assertEquals(Optional.of(quarantine), result.report().quarantineFile());
        Table rejected = CsvReader.builder().defaultType(ColumnType.TEXT).build().read(quarantine);
        assertEquals(List.of("line", "reason", "column", "value", "record"), rejected.columnNames());
        assertEquals(List.of("3", "5"), List.of(rejected.column("line").get(0), rejected.column("line").get(1)));
        assertEquals("2", rejected.column("record").get(0));
        assertEquals("4,z,extra", rejected.column("record").get(1));
        assertTrue(rejected.column("reason").get(0).toString().contains("too few"));
    }

    @Test
    void writesAnEmptyQuarantineFileWhenNothingIsRejectedSoThatNoStaleFileRemains() throws IOException {
        Path quarantine = folder.resolve("rejected.csv");
        Files.writeString(quarantine, "line,reason,column,value,record\n9,old,,,x\n");
        CsvReadResult result = CsvReader.builder().onRaggedRow(CsvReader.BadRowAction.QUARANTINE)
                .quarantineFile(quarantine).build().readWithReport(file("a\n1\n"));
        assertEquals(0, result.report().rowsQuarantined());
        assertEquals("line,reason,column,value,record\n", Files.readString(quarantine));
    }

    @Test
    void rejectsTextInAColumnDeclaredNumeric() throws IOException {
        Path file = file("id,referred_lead\n1,0.0\n2,yes\n");
        DataException e = failure(CsvReader.builder().columnType("referred_lead", ColumnType.NUMERIC).build(), file);
        assertLocation(e, file, 3, "referred_lead", "yes");
        assertTrue(e.getMessage().contains("Expected a number"), e.getMessage());
    }

    @Test
    void quarantinesRecordsWithValuesThatDoNotFitADeclaredType() throws IOException {
        Path file = file("id,n\n1,1.5\n2,oops\n3,2.5\n");
        Path quarantine = folder.resolve("bad-values.csv");
        CsvReadResult result = CsvReader.builder().columnType("n", ColumnType.NUMERIC)
                .onBadValue(CsvReader.BadRowAction.QUARANTINE).quarantineFile(quarantine).build()
                .readWithReport(file);
        assertEquals(2, result.table().rowCount());
        assertEquals(List.of(1.0, 3.0), List.of(result.table().numeric("id").get(0),
                result.table().numeric("id").get(1)));
        Table rejected = CsvReader.builder().defaultType(ColumnType.TEXT).build().read(quarantine);
        assertEquals("3", rejected.column("line").get(0));
        assertEquals("n", rejected.column("column").get(0));
        assertEquals("oops", rejected.column("value").get(0));
        assertEquals("2,oops", rejected.column("record").get(0));
    }

    @Test
    void rejectsAValueThatIsNotATimestampInAColumnDeclaredTimestamp() throws IOException {
        Path file = file("created_date,x\n2021-11-19 15:25:38,1\n19/11/2021 15:25,2\n");
        DataException e = failure(CsvReader.builder().columnType("created_date", ColumnType.TIMESTAMP).build(), file);
        assertLocation(e, file, 3, "created_date", "19/11/2021 15:25");
        assertTrue(e.getMessage().contains("timestamp"), e.getMessage());
    }

    @Test
    void rejectsAValueThatIsNotABooleanInAColumnDeclaredBoolean() throws IOException {
        Path file = file("flag\ntrue\nmaybe\n");
        DataException e = failure(CsvReader.builder().columnType("flag", ColumnType.BOOLEAN).build(), file);
        assertLocation(e, file, 3, "flag", "maybe");
    }

    @Test
    void rejectsInvalidUtf8NamingTheLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("city,n\r\nghazipur,1\r\nmurbad,2\r\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {'M', (byte) 0xFC, 'n', 'c', 'h', 'e', 'n', ',', '3', '\r', '\n'});
        out.writeBytes("pune,4\r\n".getBytes(StandardCharsets.UTF_8));
        Path file = bytes(out.toByteArray());
        DataException e = failure(file);
        assertLocation(e, file, 4, null, null);
        assertTrue(e.getMessage().contains("Invalid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("0xFC"), e.getMessage());
    }

    @Test
    void namesThePhysicalLineOfInvalidUtf8InTheHeaderInsideQuotesAndAfterLoneCarriageReturns() throws IOException {
        byte[] bad = {(byte) 0xFF};
        assertEquals(1, failure(bytes(concat("ci".getBytes(StandardCharsets.UTF_8), bad,
                ",n\n1,2\n".getBytes(StandardCharsets.UTF_8)))).line());
        assertEquals(4, failure(bytes(concat("a,b\n1,\"x\r\ny\r\nz".getBytes(StandardCharsets.UTF_8), bad,
                "\"\n".getBytes(StandardCharsets.UTF_8)))).line());
        assertEquals(3, failure(bytes(concat("a,b\r1,2\r".getBytes(StandardCharsets.UTF_8), bad,
                ",3\r".getBytes(StandardCharsets.UTF_8)))).line());
        assertEquals(2, failure(bytes(concat("a,b\r\n".getBytes(StandardCharsets.UTF_8), bad,
                ",3\r\n".getBytes(StandardCharsets.UTF_8)))).line());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void rejectsInvalidUtf8FarIntoALargeFileNamingTheRightLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("a,b\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 20_000; i++) {
            out.writeBytes(("row" + i + ",\"q\nq\"\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(new byte[] {'x', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        Path file = bytes(out.toByteArray());
        DataException e = failure(file);
        assertEquals(2 + 2 * 20_000, e.line(), e.getMessage());
    }

    @Test
    void rejectsDuplicateHeaderNames() throws IOException {
        Path file = file("id,city,score,city\n1,a,2,b\n");
        DataException e = failure(file);
        assertLocation(e, file, 1, "city", null);
        assertTrue(e.getMessage().contains("positions 2 and 4"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = bytes(new byte[0]);
        DataException e = failure(file);
        assertLocation(e, file, 0, null, null);
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void rejectsAFileOfOnlyAByteOrderMarkAndEmptyLinesAsEmpty() throws IOException {
        Path file = bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n', '\n'});
        assertTrue(failure(file).getMessage().contains("empty"));
    }

    @Test
    void acceptsAHeaderOnlyFileAsZeroRows() throws IOException {
        Table table = CsvReader.builder().build().read(file("a,b,c"));
        assertEquals(0, table.rowCount());
        assertEquals(3, table.columnCount());
    }

    @Test
    void rejectsAQuoteThatIsNeverClosedNamingTheLineWhereTheRecordStarts() throws IOException {
        Path file = file("id,note\n1,fine\n2,\"never closed\n3,more\n4,text\n");
        DataException e = failure(file);
        assertLocation(e, file, 3, null, null);
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void rejectsATypeDeclaredForAColumnTheHeaderLacks() throws IOException {
        Path file = file("referred_lead,city\n1,a\n");
        DataException e = failure(CsvReader.builder().columnType("referred_leads", ColumnType.NUMERIC).build(), file);
        assertLocation(e, file, 1, "referred_leads", null);
        assertTrue(e.getMessage().contains("[referred_lead, city]"), e.getMessage());
    }

    @Test
    void namesTheReaderSourceForTextInput() {
        DataException e = assertThrows(DataException.class, () -> CsvReader.builder().build()
                .read(new StringReader("a,b\n1\n"), "upload #7"));
        assertEquals(Optional.of("upload #7"), e.source());
        assertEquals(2, e.line());
    }

    @Test
    void rejectsAValueInALaterChunkThatDoesNotFitTheTypeTheFirstChunkDecided() throws IOException {
        StringBuilder csv = new StringBuilder("id,score\n");
        for (int i = 1; i <= 10; i++) {
            csv.append(i).append(',').append(i * 0.5).append('\n');
        }
        csv.append("11,high\n");
        Path file = file(csv.toString());
        List<Table> chunks = new ArrayList<>();
        DataException e = assertThrows(DataException.class,
                () -> CsvReader.builder().build().stream(file, 4, chunks::add));
        assertLocation(e, file, 12, "score", "high");
        assertTrue(e.getMessage().contains("first 4 rows"), e.getMessage());
        assertTrue(e.getMessage().contains("columnType(\"score\""), e.getMessage());
        assertEquals(2, chunks.size());
    }

    @Test
    void reportsAMissingFileAsAnInputOutputProblem() {
        Path missing = folder.resolve("missing.csv");
        assertThrows(java.io.UncheckedIOException.class, () -> CsvReader.builder().build().read(missing));
    }
}
