package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderStreamTest {

    @TempDir
    Path folder;

    private static String rows(int count) {
        StringBuilder csv = new StringBuilder("id,level,when,flag\n");
        for (int i = 0; i < count; i++) {
            csv.append(i).append(",L").append(i % 3).append(",2021-07-").append(String.format("%02d", 1 + i % 28))
                    .append(" 10:00:00,").append(i % 2 == 0).append('\n');
        }
        return csv.toString();
    }

    @Test
    void givesChunksWithTheSameColumnTypesWhoseRowsAddUpToTheInput() {
        List<Table> chunks = new ArrayList<>();
        CsvReadReport report = CsvReader.builder().build()
                .stream(new StringReader(rows(25)), "rows.csv", 10, chunks::add);
        assertEquals(List.of(10, 10, 5), chunks.stream().map(Table::rowCount).toList());
        for (Table chunk : chunks) {
            assertEquals(List.of(ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.TIMESTAMP,
                    ColumnType.BOOLEAN), chunk.columns().stream().map(Column::type).toList());
        }
        assertEquals(25, report.rowsRead());
        assertEquals(CsvReader.builder().build().read(new StringReader(rows(25)), "rows.csv"), Table.concat(chunks));
    }

    @Test
    void keepsAColumnThatIsTextInTheFirstChunkAsTextLaterEvenIfValuesRepeat() {
        StringBuilder csv = new StringBuilder("s\n");
        for (int i = 0; i < 4; i++) {
            csv.append("unique").append(i).append('\n');
        }
        for (int i = 0; i < 8; i++) {
            csv.append("same\n");
        }
        List<Table> chunks = new ArrayList<>();
        CsvReader.builder().build().stream(new StringReader(csv.toString()), "s.csv", 4, chunks::add);
        assertEquals(3, chunks.size());
        chunks.forEach(chunk -> assertEquals(ColumnType.TEXT, chunk.column("s").type()));
    }

    @Test
    void givesOneEmptyChunkWithTheColumnsForAHeaderOnlyInput() {
        List<Table> chunks = new ArrayList<>();
        CsvReadReport report = CsvReader.builder().build()
                .stream(new StringReader("a,b\n"), "empty.csv", 10, chunks::add);
        assertEquals(1, chunks.size());
        assertEquals(List.of("a", "b"), chunks.get(0).columnNames());
        assertEquals(0, report.rowsRead());
    }

    @Test
    void stopsAtMaxRowsAcrossChunks() {
        List<Table> chunks = new ArrayList<>();
        CsvReadReport report = CsvReader.builder().maxRows(13).build()
                .stream(new StringReader(rows(40)), "rows.csv", 5, chunks::add);
        assertEquals(List.of(5, 5, 3), chunks.stream().map(Table::rowCount).toList());
        assertTrue(report.stoppedAtMaxRows());
    }

    @Test
    void quarantinesRaggedRecordsInEveryChunk() {
        Path quarantine = folder.resolve("q.csv");
        String csv = "a,b\n1,x\n2\n3,y\n4,y,z\n5,x\n6\n7,x\n";
        List<Table> chunks = new ArrayList<>();
        CsvReadReport report = CsvReader.builder().onRaggedRow(CsvReader.BadRowAction.QUARANTINE)
                .quarantineFile(quarantine).build().stream(new StringReader(csv), "r.csv", 2, chunks::add);
        assertEquals(4, report.rowsRead());
        assertEquals(3, report.rowsQuarantined());
        Table rejected = CsvReader.builder().defaultType(ColumnType.TEXT).build().read(quarantine);
        assertEquals(List.of("3", "5", "7"), List.of(rejected.column("line").get(0), rejected.column("line").get(1),
                rejected.column("line").get(2)));
    }

    @Test
    void readsAReaderOnlyOnceAndRejectsABadChunkSize() {
        CsvReader reader = CsvReader.builder().build();
        assertThrows(IllegalArgumentException.class,
                () -> reader.stream(new StringReader("a\n1\n"), "x", 0, chunk -> { }));
    }
}
