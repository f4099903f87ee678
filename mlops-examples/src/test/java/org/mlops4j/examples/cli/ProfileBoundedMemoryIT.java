package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CsvReader;

/**
 * {@code mlops profile} streams: it profiles a file whose table would not fit in the heap. Both children run with
 * {@value #HEAP}: reading the same file whole runs out of memory, profiling it succeeds and counts every row.
 */
class ProfileBoundedMemoryIT {

    private static final String HEAP = "-Xmx32m";
    /** Three numeric columns of 1.5M rows are 36 MB of doubles alone, more than the heap. */
    private static final int ROWS = 1_500_000;

    @TempDir
    static Path folder;

    private static Path data;

    @BeforeAll
    static void writeAFileLargerThanTheHeapOnceRead() throws IOException {
        data = folder.resolve("large.csv");
        SplittableRandom random = new SplittableRandom(7);
        String[] cities = {"berlin", "lyon", "porto", "oslo", "graz"};
        try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            out.write("id,amount,score,city\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(i + "," + random.nextInt(1000) + "." + random.nextInt(10) + random.nextInt(10) + ","
                        + random.nextInt(100) + "," + cities[random.nextInt(cities.length)] + "\n");
            }
        }
    }

    @Test
    void profilesAFileWhoseTableDoesNotFitInTheHeap() throws Exception {
        Path json = folder.resolve("profile.json");
        Outcome profile = java(MlopsCommand.class.getName(), "profile", "--input", data.toString(), "--json",
                json.toString());

        assertEquals(0, profile.code(), profile.err());
        JsonNode overview = new ObjectMapper().readTree(json.toFile()).path("overview");
        assertEquals(ROWS, overview.path("rows").asLong());
        assertEquals(4, overview.path("columns").asInt());
    }

    @Test
    void readingTheSameFileWholeRunsOutOfMemoryInThatHeap() throws Exception {
        Outcome whole = java(ReadWholeCsv.class.getName(), data.toString());

        assertNotEquals(0, whole.code());
        assertTrue(whole.err().contains("OutOfMemoryError"), whole.err());
    }

    /** Reads a CSV file whole into a table, as the profile command did before it streamed. */
    static final class ReadWholeCsv {
        public static void main(String[] args) {
            System.out.println(CsvReader.builder().build().read(Path.of(args[0])).rowCount());
        }
    }

    private record Outcome(int code, String err) {
    }

    private static Outcome java(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(mainClass + " did not finish in two minutes");
        }
        return new Outcome(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}
