package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command other than {@code train} that runs out of heap ({@code mlops drift} holds both windows whole) stops with
 * one line that names the heap and how to give more, and exits 2, instead of a stack trace.
 */
class OutOfMemoryIT {

    @TempDir
    Path folder;

    @Test
    void driftOnTooMuchDataForTheHeapSaysSoInOneLineAndExitsTwo() throws Exception {
        Path data = folder.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            out.write("a,b\n");
            for (int i = 0; i < 1_500_000; i++) {
                out.write(i + "," + (i % 977) + "\n");
            }
        }
        Path err = folder.resolve("err.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), MlopsCommand.class.getName(), "drift",
                "--reference", data.toString(), "--current", data.toString(), "--quiet");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "drift did not finish in two minutes");
        String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();

        assertEquals(ExitCodes.BAD_INPUT, process.exitValue(), stderr);
        assertTrue(stderr.startsWith("mlops drift: Out of memory (Java heap space) with a maximum heap of "), stderr);
        assertTrue(stderr.contains("-Xmx") && stderr.contains("JAVA_TOOL_OPTIONS"), stderr);
        assertFalse(stderr.contains("\tat "), stderr);
        assertEquals(1, stderr.lines().count(), stderr);
    }
}
