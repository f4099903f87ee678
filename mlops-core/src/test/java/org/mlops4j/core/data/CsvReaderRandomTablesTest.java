package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random tables written as CSV by hand come back equal to the tables built from the same values. */
class CsvReaderRandomTablesTest {

    @TempDir
    Path folder;

    private static String quoted(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || value.startsWith(" ");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    @Test
    void readsRandomTablesBackExactlyFromFilesAndReaders() throws IOException {
        Random random = new Random(99);
        String[] levels = {"red", "blue", "grün", "a,b", "say \"hi\"", "two\nlines", "crlf\r\nkept", " lead"};
        for (int round = 0; round < 30; round++) {
            int rows = 1 + random.nextInt(round < 25 ? 300 : 40_000);
            NumericColumn.Builder numbers = NumericColumn.builder("x", 16);
            NumericColumn.Builder sparse = NumericColumn.builder("sparse", 16);
            CategoricalColumn.Builder categories = CategoricalColumn.builder("category", 16);
            TimestampColumn.Builder times = TimestampColumn.builder("time", 16);
            StringBuilder csv = new StringBuilder(",x,sparse,category,time\n");
            String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
            for (int r = 0; r < rows; r++) {
                csv.append(r).append(',');
                double x = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextGaussian() * 1e3;
                numbers.add(x);
                csv.append(x).append(',');
                if (random.nextInt(200) == 0) {
                    int v = 1 + random.nextInt(3);
                    sparse.add(v);
                    csv.append(v).append(".0");
                } else {
                    sparse.addNull();
                    csv.append(random.nextBoolean() ? "" : "NA");
                }
                csv.append(',');
                if (random.nextInt(10) == 0) {
                    categories.add(null);
                } else {
                    String level = levels[random.nextInt(levels.length)];
                    categories.add(level);
                    csv.append(quoted(level));
                }
                long millis = 1_600_000_000_000L + random.nextInt(1_000_000_000) * 1000L;
                times.addEpochMillis(millis);
                csv.append(',').append(java.time.Instant.ofEpochMilli(millis).toString().replace("T", " ")
                        .replace("Z", ""));
                csv.append(lineEnd);
            }
            Table expected = Table.of(numbers.build(), sparse.build(), categories.build(), times.build());
            Path file = folder.resolve("t" + round + ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            CsvReader reader = CsvReader.builder().categoricalRatio(1.0).build();
            assertEquals(expected, reader.read(file), "round " + round);
            assertEquals(expected, reader.read(new StringReader(csv.toString()), "text"), "round " + round);
            List<Table> chunks = new ArrayList<>();
            reader.stream(file, Math.max(rows, 1), chunks::add);
            assertEquals(expected, chunks.get(0), "round " + round);
        }
    }

    @Test
    void keepsOutTheLevelsOfRecordsThatAnotherColumnRejected() throws IOException {
        Path quarantine = folder.resolve("q.csv");
        CsvReadResult result = CsvReader.builder().columnType("n", ColumnType.NUMERIC).categoricalRatio(1.0)
                .onBadValue(CsvReader.BadRowAction.QUARANTINE).quarantineFile(quarantine).build()
                .readWithReport(new StringReader("s,n\nfirst,x\nb,1\nfirst,2\nb,3\nc,4\nc,5\n"), "t.csv");
        CategoricalColumn s = result.table().categorical("s");
        assertEquals(List.of("b", "first", "c"), s.levels());
        assertEquals(CategoricalColumn.of("s", "b", "first", "b", "c", "c"), s);
        assertEquals(1, result.report().rowsQuarantined());
        assertFalse(s.levels().contains("x"));
    }
}
