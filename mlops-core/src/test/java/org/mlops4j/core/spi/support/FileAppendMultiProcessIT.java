package org.mlops4j.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs with several threads each append lines to the same two files through {@link FileLocks#append}: every
 * append succeeds, no line is torn or interleaved, and every line is there exactly once.
 */
class FileAppendMultiProcessIT {

    private static final int PROCESSES = 3;
    private static final int THREADS = 3;
    private static final int LINES = 300;

    @TempDir
    Path folder;

    @Test
    void processesWithSeveralThreadsAppendWholeLinesToSharedFiles() throws Exception {
        Path first = folder.resolve("a.jsonl");
        Path second = folder.resolve("b.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    FileAppendProcess.class.getName(), first.toString(), second.toString(), "p" + p,
                    String.valueOf(THREADS), String.valueOf(LINES))
                    .redirectError(folder.resolve("p" + p + ".err").toFile())
                    .start());
        }
        for (int p = 0; p < PROCESSES; p++) {
            Process child = children.get(p);
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child " + p + " finished");
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals("failures 0", out, "child " + p + ": " + Files.readString(folder.resolve("p" + p + ".err")));
            assertEquals(0, child.exitValue());
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (Path file : List.of(first, second)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ");
                assertEquals(4, parts.length, "a whole line: " + line);
                assertEquals(200, parts[3].length(), "a whole line: " + line);
                assertTrue(seen.add(parts[0] + " " + parts[1] + " " + parts[2]), "written once: " + line);
                total++;
            }
        }
        assertEquals(PROCESSES * THREADS * LINES, total);
    }
}
