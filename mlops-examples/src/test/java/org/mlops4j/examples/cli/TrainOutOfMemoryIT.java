package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.examples.leadscoring.LeadGenerator;

/**
 * {@code mlops train} in a JVM whose heap is too small for the data: the process stops with a message that names the
 * heap and how to give more, and exits 2, instead of listing the candidate as failed and exiting 0.
 */
class TrainOutOfMemoryIT {

    @TempDir
    Path folder;

    @Test
    void stopsWithTheHeapSizeAndHowToGiveMoreInsteadOfFailingTheCandidate() throws Exception {
        Path leads = folder.resolve("leads.csv");
        LeadGenerator.builder().seed(3).rows(20_000).build().write(leads);
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), MlopsCommand.class.getName(), "train",
                "--input", leads.toString(), "--target", "app_complete_flag", "--models", "dt", "--folds", "2",
                "--tracking-uri", "file:" + folder.resolve("mlruns"));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "train did not finish in two minutes");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        String stdout = Files.readString(out, StandardCharsets.UTF_8);

        assertEquals(ExitCodes.BAD_INPUT, process.exitValue(), stderr + stdout);
        assertTrue(stderr.contains("mlops train: Out of memory (Java heap space) while training candidate dt"),
                stderr);
        assertTrue(stderr.contains("maximum heap of 64 MB"), stderr);
        assertTrue(stderr.contains("-Xmx") && stderr.contains("JAVA_TOOL_OPTIONS"), stderr);
        assertFalse(stdout.contains("failed"), "no leaderboard with a failed candidate: " + stdout);
    }
}
