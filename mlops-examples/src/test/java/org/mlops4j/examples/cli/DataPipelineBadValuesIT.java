package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlops pipeline run data} as a separate process on a copy of the case study's unit-test input with one bad
 * value: the batch is quarantined, the exit code is 1 (a check failed), and stderr names the file, the line, the
 * column, the value (escaped) and where the batch went.
 */
class DataPipelineBadValuesIT {

    @TempDir
    Path folder;

    private MlopsJar.Outcome run(String... args) throws IOException, InterruptedException {
        return MlopsJar.built(folder).run(args);
    }

    /** A copy of leadscoring_test.csv with the field of {@code column} on file line {@code line} replaced. */
    private Path withValue(int line, String column, String value) throws Exception {
        Path original = Path.of(getClass().getResource("/leadscoring/leadscoring_test.csv").toURI());
        List<String> lines = new ArrayList<>(Files.readAllLines(original));
        int field = List.of(lines.get(0).split(",", -1)).indexOf(column);
        String[] fields = lines.get(line - 1).split(",", -1);
        fields[field] = value;
        lines.set(line - 1, String.join(",", fields));
        Path copy = folder.resolve("leads_bad.csv");
        Files.write(copy, lines);
        return copy;
    }

    @Test
    void textInANumericColumnIsNamedWithFileLineColumnAndValueAndTheBatchIsQuarantined() throws Exception {
        Path input = withValue(7, "total_leads_droppped", "12abc");
        Path quarantine = folder.resolve("q");

        MlopsJar.Outcome outcome = run("pipeline", "run", "data", "--input", input.toString(), "--db",
                folder.resolve("leads.db").toString(), "--quarantine", quarantine.toString());

        assertEquals(1, outcome.code(), outcome.err());
        assertTrue(outcome.err().contains(input + ", line 7, column 'total_leads_droppped': value_type: expected a "
                + "number, found '12abc'"), outcome.err());
        assertTrue(outcome.err().contains("quarantined as " + quarantine.resolve("leads_bad.csv") + " with its report "
                + quarantine.resolve("leads_bad.csv.report.json")), outcome.err());
        assertTrue(Files.isRegularFile(quarantine.resolve("leads_bad.csv.report.json")));
        assertTrue(outcome.out().contains("raw_data_schema_check") && outcome.out().contains("FAILED"),
                outcome.out());
    }

    @Test
    void aNulInAValueIsPrintedAsAnEscapeNeverRaw() throws Exception {
        Path input = withValue(2, "referred_lead", "0\u0000\u0007");

        MlopsJar.Outcome outcome = run("pipeline", "run", "data", "--input", input.toString(), "--db",
                folder.resolve("leads.db").toString());

        assertEquals(1, outcome.code(), outcome.err());
        assertTrue(outcome.err().contains(input + ", line 2, column 'referred_lead': value_type: expected a number, "
                + "found '0\\u0000\\u0007'"), outcome.err());
        assertFalse(outcome.err().contains("\u0000") || outcome.out().contains("\u0000"), "a raw NUL was printed");
        assertTrue(outcome.err().contains("quarantined as " + folder.resolve("quarantine").resolve("leads_bad.csv")),
                outcome.err());
    }
}
