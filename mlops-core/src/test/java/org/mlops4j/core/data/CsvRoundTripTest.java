package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link CsvWriter} writes, {@link CsvReader} reads back as an equal table. */
class CsvRoundTripTest {

    @TempDir
    Path folder;

    private static Table awkwardTable() {
        return Table.of(
                NumericColumn.ofNullable("score", 1.0, -2.5, null, 1e-7, 3.0e20, Double.POSITIVE_INFINITY, -0.0,
                        0.1 + 0.2),
                CategoricalColumn.of("level", "Level0", "Level0", null, "a,b", "a,b", "Level0", "say \"hi\"",
                        "say \"hi\""),
                TextColumn.of("note", "plain", "comma, inside", "quote \" inside", "two\nlines", "crlf\r\nend",
                        "ünïcödé 東京 🙂", null, "  spaces kept  "),
                BooleanColumn.of("flag", true, false, null, true, true, false, false, true),
                TimestampColumn.of("created_date", Instant.parse("2021-11-19T15:25:38Z"),
                        Instant.parse("2021-07-01T00:00:00.123Z"), null, Instant.parse("1999-12-31T23:59:59Z"),
                        Instant.parse("2022-02-14T08:00:00Z"), Instant.parse("1970-01-01T00:00:00Z"),
                        Instant.parse("2021-11-19T15:25:38.5Z"), Instant.parse("2000-02-29T12:00:00Z")));
    }

    @Test
    void quotesOnlyTheFieldsThatNeedIt() {
        Table table = Table.of(TextColumn.of("a b", "plain", " lead", "trail\t", "x,y", "say \"hi\"", "two\nlines",
                "cr\rend", "in side", ""));
        StringWriter out = new StringWriter();
        CsvWriter.builder().build().write(table, out);
        assertEquals("a b\nplain\n\" lead\"\n\"trail\t\"\n\"x,y\"\n\"say \"\"hi\"\"\"\n\"two\nlines\"\n\"cr\rend\"\n"
                + "in side\n\n", out.toString());
    }

    @Test
    void readsBackAWrittenFileAsAnEqualTable() throws IOException {
        Table table = awkwardTable();
        Path file = folder.resolve("out/table.csv");
        CsvWriter.builder().build().write(table, file);
        Table back = CsvReader.builder().build().read(file);
        assertEquals(table, back, () -> table + "\n---\n" + back);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void readsBackWrittenTextWithAnotherSeparator() {
        Table table = awkwardTable();
        StringWriter out = new StringWriter();
        CsvWriter.builder().separator(';').build().write(table, out);
        Table back = CsvReader.builder().separator(';').build().read(new StringReader(out.toString()), "mem");
        assertEquals(table, back);
    }

    @Test
    void keepsTextThatLooksLikeANullTokenWhenReadWithOnlyEmptyFieldsAsNull() {
        Table table = Table.of(TextColumn.of("t", "NA", "null", null, "NaN"));
        StringWriter out = new StringWriter();
        CsvWriter.builder().build().write(table, out);
        Table back = CsvReader.builder().nullTokens("").columnType("t", ColumnType.TEXT).build()
                .read(new StringReader(out.toString()), "mem");
        assertEquals(table, back);
    }

    @Test
    void readsBackRandomNumbersExactly() {
        Random random = new Random(11);
        NumericColumn.Builder values = NumericColumn.builder("x", 2000);
        for (int i = 0; i < 2000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextGaussian() * 1e6;
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
                case 2 -> random.nextInt(100);
                default -> -random.nextDouble();
            };
            values.add(v);
        }
        Table table = Table.of(values.build());
        StringWriter out = new StringWriter();
        CsvWriter.builder().build().write(table, out);
        assertEquals(table, CsvReader.builder().build().read(new StringReader(out.toString()), "mem"));
    }

    @Test
    void writesAFileAtomicallyReplacingTheOldOne() throws IOException {
        Path file = folder.resolve("t.csv");
        Files.writeString(file, "old content that is longer than the new one\n");
        CsvWriter.builder().build().write(Table.of(NumericColumn.of("a", 1)), file);
        assertEquals("a\n1.0\n", Files.readString(file));
        assertTrue(Files.exists(file));
    }
}
