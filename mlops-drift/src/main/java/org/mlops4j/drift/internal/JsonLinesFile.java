package org.mlops4j.drift.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.spi.support.FileLocks;

/**
 * An append-only file of one JSON document per line, safe under concurrent threads and processes (each line is added
 * under the file's own lock from {@link FileLocks}). Each line is written in one call and forced to
 * disk, so a crash leaves at most a torn last line, which {@link #readLines(Path)} reports.
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class JsonLinesFile {

    private static final FileLocks LOCKS = new FileLocks(MlopsException::new);

    private JsonLinesFile() {
    }

    /**
     * @param file the file; it and its folder are created when missing
     * @param json one JSON document without line breaks
     * @throws UncheckedIOException when the line cannot be written
     */
    public static void append(Path file, String json) {
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("A JSON line must not contain line breaks");
        }
        LOCKS.append(file, (json + "\n").getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * @param file the file
     * @return its lines, in order (blank ones too, so that indexes are line numbers minus one); empty when the file
     *         does not exist
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<String> readLines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
