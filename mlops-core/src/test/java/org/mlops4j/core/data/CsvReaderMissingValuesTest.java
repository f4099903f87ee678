package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The null tokens as pandas' {@code na_values} and {@code keep_default_na} choose them, and their counts. */
class CsvReaderMissingValuesTest {

    private static final String STRIKES = "damage,cost,phase\n"
            + "None,10,Climb\n"
            + "Minor,,Landing\n"
            + "None,NA,-\n"
            + "Substantial,25,Approach\n"
            + "None,-,Climb\n";

    @TempDir
    Path folder;

    private static CsvReadResult read(CsvReader.Builder builder, String csv) {
        return builder.build().readWithReport(new StringReader(csv), "strikes.csv");
    }

    @Test
    void readsNoneAsMissingByDefaultAndCountsItPerColumnAndToken() {
        CsvReadResult result = read(CsvReader.builder(), STRIKES);
        assertEquals(3, result.table().column("damage").nullCount());
        MissingValues damage = result.report().missingValues("damage");
        assertEquals(3, damage.count());
        assertEquals(Map.of("None", 3L), damage.byText());
        MissingValues cost = result.report().missingValues("cost");
        assertEquals(2, cost.count());
        assertEquals(Map.of("", 1L, "NA", 1L), cost.byText());
        assertTrue(result.report().missingValues("phase").isEmpty());
        assertEquals(List.of("damage", "cost", "phase"), List.copyOf(result.report().missingValues().keySet()));
    }

    @Test
    void naValuesAddTokensToTheDefaults() {
        CsvReadResult result = read(CsvReader.builder().naValues("-"), STRIKES);
        assertEquals(ColumnType.NUMERIC, result.table().column("cost").type());
        assertEquals(Map.of("", 1L, "NA", 1L, "-", 1L), result.report().missingValues("cost").byText());
        assertEquals(1, result.table().column("phase").nullCount());
        assertEquals(3, result.table().column("damage").nullCount());
    }

    @Test
    void keepDefaultNaFalseKeepsNoneAsAValueAndReadsOnlyTheGivenTokensAsMissing() {
        CsvReadResult result = read(CsvReader.builder().keepDefaultNa(false).naValues("", "NA", "-"), STRIKES);
        Table table = result.table();
        assertEquals(0, table.column("damage").nullCount());
        assertEquals("None", table.column("damage").get(2));
        assertEquals(ColumnType.NUMERIC, table.column("cost").type());
        assertEquals(3, result.report().missingValues("cost").count());
        assertTrue(result.report().missingValues("damage").isEmpty());
    }

    @Test
    void keepDefaultNaFalseWithoutNaValuesReadsEveryTextAsAValueEvenAnEmptyField() {
        Table table = read(CsvReader.builder().keepDefaultNa(false), "a,b\n1,x\n,x\nNA,y\n").table();
        assertEquals(0, table.column("a").nullCount());
        assertEquals(List.of("1", "", "NA"), List.of(table.column("a").get(0), table.column("a").get(1),
                table.column("a").get(2)));
    }

    @Test
    void countsOnlyTheRowsKeptNotThoseSetAside() {
        CsvReader.Builder builder = CsvReader.builder().columnType("cost", ColumnType.NUMERIC)
                .onBadValue(CsvReader.BadRowAction.QUARANTINE).quarantineFile(folder.resolve("q.csv"));
        CsvReadResult result = read(builder, STRIKES);
        assertEquals(4, result.table().rowCount());
        assertEquals(2, result.report().missingValues("damage").count());
    }

    @Test
    void aStreamCountsOverAllItsChunksAsAWholeReadDoes() {
        StringBuilder csv = new StringBuilder("k,v\n");
        for (int i = 0; i < 95; i++) {
            csv.append(i % 3 == 0 ? "None" : "k" + i % 4).append(',').append(i % 7 == 0 ? "" : i % 5 == 0 ? "nan"
                    : String.valueOf(i)).append('\n');
        }
        List<Table> chunks = new ArrayList<>();
        CsvReadReport streamed = CsvReader.builder().build().stream(new StringReader(csv.toString()), "s.csv", 20,
                chunks::add);
        CsvReadReport whole = read(CsvReader.builder(), csv.toString()).report();
        assertEquals(whole.missingValues(), streamed.missingValues());
        assertEquals(32, whole.missingValues("k").count());
        assertEquals(Table.concat(chunks).column("v").nullCount(), streamed.missingValues("v").count());
    }

    @Test
    void toBuilderKeepsTheChosenTokens() {
        CsvReader reader = CsvReader.builder().keepDefaultNa(false).naValues("-").build();
        Table table = reader.toBuilder().build().read(new StringReader("a\n-\nNone\n"), "t.csv");
        assertEquals(1, table.column("a").nullCount());
    }
}
