package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --na-values} and {@code --keep-default-na} on every command that reads CSV. */
class MissingValueOptionsTest {

    private static final String STRIKES = "damage,cost\nNone,10\nMinor,-\nNone,\nSubstantial,NA\n";

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        MissingValueOptions options;
    }

    private static Table read(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options.reader().build().read(new StringReader(STRIKES), "strikes.csv");
    }

    @Test
    void readsPandasDefaultsIncludingNoneAsMissingWithoutOptions() {
        Table table = read();
        assertEquals(2, table.column("damage").nullCount());
        assertEquals(ColumnType.TEXT, table.column("cost").type()); // '-' is not missing: the column is text
    }

    @Test
    void naValuesAddToTheDefaults() {
        Table table = read("--na-values=-,Minor");
        assertEquals(3, table.column("damage").nullCount());
        assertEquals(3, table.numeric("cost").nullCount());
    }

    @Test
    void keepDefaultNaFalseKeepsNoneAsACategoryAndReadsOnlyTheGivenValuesAsMissing() {
        Table table = read("--keep-default-na=false", "--na-values", ",NA,-");
        assertEquals(0, table.column("damage").nullCount());
        assertEquals("None", table.column("damage").get(0));
        assertEquals(3, table.numeric("cost").nullCount());
    }

    @Test
    void theHelpsListOfDefaultsIsTheReadersList() {
        for (String token : CsvReader.DEFAULT_NULL_TOKENS) {
            if (!token.isEmpty()) {
                assertTrue(List.of(MissingValueOptions.DEFAULT_TOKENS.split(", ")).contains(token), token);
            }
        }
        assertEquals(CsvReader.DEFAULT_NULL_TOKENS.size(), MissingValueOptions.DEFAULT_TOKENS.split(", ").length);
    }

    @Test
    void everyCommandThatReadsCsvOffersTheOptionsInItsHelp() {
        List<List<String>> commands = List.of(List.of("drift"), List.of("profile"), List.of("validate"),
                List.of("train"), List.of("models", "challenge"), List.of("check"));
        for (List<String> command : commands) {
            Object[] args = new Object[command.size() + 1];
            command.toArray(args);
            args[command.size()] = "--help";
            String help = MlopsCommandTest.mlops(args).out();
            assertTrue(help.contains("--na-values=TEXT") && help.contains("--keep-default-na=true|false")
                    && help.contains("None"), command + ": " + help);
        }
    }
}
