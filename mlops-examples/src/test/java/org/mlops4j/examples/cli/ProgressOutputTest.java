package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.examples.leadscoring.LeadGenerator;
import org.mlops4j.examples.leadscoring.LeadScoringTraining;

/** Progress on standard error: plain lines when not a terminal (as under Maven), none with {@code --quiet}. */
class ProgressOutputTest {

    @TempDir
    static Path folder;
    private static Path leads;
    private static Path db;

    @BeforeAll
    static void writeLabelledLeads() {
        Path raw = folder.resolve("raw.csv");
        LeadGenerator.builder().seed(6).rows(800).build().write(raw);
        db = folder.resolve("raw.db");
        MlopsCommandTest.Result data = MlopsCommandTest.mlops("pipeline", "run", "data", "--input", raw, "--db", db);
        assertEquals(0, data.code(), data.err());
        leads = folder.resolve("leads.csv");
        CsvWriter.builder().build().write(LeadScoringTraining.readModelInput(db), leads);
    }

    @Test
    void trainPrintsALinePerCandidateAndOneWhenFinishedWhenNotOnATerminal() {
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("train", "--input", leads, "--target",
                "app_complete_flag", "--folds", 3, "--models", "lr,dummy", "--tracking-uri",
                "file:" + folder.resolve("mlruns"));

        assertEquals(0, result.code(), result.err());
        List<String> lines = result.err().lines().filter(l -> l.startsWith("compare models: ")).toList();
        assertEquals(3, lines.size(), result.err());
        assertTrue(lines.get(0).startsWith("compare models: candidate lr (1 of 2) - 0 % - "), lines.get(0));
        assertTrue(lines.get(1).startsWith("compare models: candidate dummy (2 of 2) - 50 % - "), lines.get(1));
        assertTrue(lines.get(1).contains(" left"), "an estimate once a candidate is done: " + lines.get(1));
        assertTrue(lines.get(2).startsWith("compare models: candidate dummy (2 of 2), done - 100 % - "), lines.get(2));
        assertFalse(result.err().contains("\r"), "no carriage returns when not on a terminal");
        assertFalse(result.out().contains("compare models"), "progress stays off standard output");
    }

    @Test
    void quietPrintsNoProgress() {
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("train", "--input", leads, "--target",
                "app_complete_flag", "--folds", 2, "--models", "dummy", "--tracking-uri",
                "file:" + folder.resolve("mlruns"), "--quiet");

        assertEquals(0, result.code(), result.err());
        assertEquals("", result.err());
    }

    @Test
    void pipelinesPrintALinePerStep() {
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("pipeline", "run", "training", "--db", db,
                "--folds", 2, "--models", "dummy,lr", "--tracking-uri", "file:" + folder.resolve("mlruns-pipeline"));

        assertEquals(0, result.code(), result.err());
        List<String> lines = result.err().lines().filter(l -> l.startsWith("pipeline ")).toList();
        assertTrue(lines.get(0).startsWith("pipeline training: step encode_features (1 of 2) - 0 % - "),
                result.err());
        assertTrue(lines.get(lines.size() - 1).contains(", succeeded - 100 % - "), result.err());
    }
}
