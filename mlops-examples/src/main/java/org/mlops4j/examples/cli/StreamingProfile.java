package org.mlops4j.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.DataException;
import org.mlops4j.core.Progress;
import org.mlops4j.core.ProgressListener;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.drift.profile.ProfileBuilder;
import org.mlops4j.drift.profile.TableProfile;

/**
 * Profiles a CSV file chunk by chunk, so that memory stays bounded whatever its number of rows: only one chunk of
 * {@value #CHUNK_ROWS} rows and the profile's sketches are held at a time.
 *
 * <p>The first chunk decides the column types. When a later value does not fit the type the first chunk gave its
 * column (a column of numbers that holds a word further down, or one empty at the start), the file is profiled again
 * from the start with that column declared: numeric when the value is a number, text otherwise. Each column is
 * declared at most twice, so a file is read at most 2 × columns + 1 times, and once in the common case.
 */
final class StreamingProfile {

    /** Rows per chunk; the first chunk's rows decide the inferred column types. */
    static final int CHUNK_ROWS = 20_000;

    private StreamingProfile() {
    }

    /**
     * @param file     the CSV file, already checked to be readable
     * @param reader   how to read it (separator, missing-value tokens); its declared column types are kept
     * @param progress hears the rows profiled after each chunk, of the file's lines counted first (a pass that
     *                 reads the file again is a new piece of work, named so); with {@link ProgressListener#NONE}
     *                 the lines are not counted
     * @return the profile of every row
     * @throws DataException when the file is not valid CSV, as {@link CsvReader#stream} says
     */
    static TableProfile of(Path file, CsvReader reader, ProgressListener progress) {
        Map<String, ColumnType> declared = new LinkedHashMap<>();
        long lines = progress == ProgressListener.NONE ? 1 : Math.max(1, lines(file) - 1); // no extra pass if unheard
        long start = System.nanoTime();
        for (int pass = 1; ; pass++) {
            ProfileBuilder builder = ProfileBuilder.create();
            String task = "profile " + file.getFileName() + (pass == 1 ? "" : " (pass " + pass + ", "
                    + declared.keySet() + " retyped)");
            long[] rows = {0};
            try {
                reader.toBuilder().columnTypes(declared).build().stream(file, CHUNK_ROWS, chunk -> {
                    builder.add(chunk);
                    rows[0] += chunk.rowCount();
                    report(progress, task, rows[0], Math.max(lines, rows[0]), start);
                });
                TableProfile profile = builder.build();
                report(progress, task, rows[0], rows[0], start);
                return profile;
            } catch (DataException e) {
                Optional<ColumnType> retype = typeAfterMismatch(e, declared);
                if (retype.isEmpty()) {
                    throw e;
                }
                declared.put(e.column().orElseThrow(), retype.get());
            }
        }
    }

    private static void report(ProgressListener progress, String task, long rows, long total, long start) {
        progress.onProgress(new Progress(task, "rows", String.format(Locale.ROOT, "%,d of about %,d", rows,
                total), Math.min(rows, Math.max(total, 1)), Math.max(total, 1),
                Duration.ofNanos(System.nanoTime() - start)));
    }

    /** @return the file's lines, counted without parsing (quoted line ends are counted too: an estimate) */
    private static long lines(Path file) {
        long count = 0;
        byte last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
                last = buffer[read - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return last == '\n' ? count : count + 1;
    }

    /**
     * @return the type to declare for the column a later chunk's value did not fit, or empty when the failure is
     *         another one (or the column was already declared text)
     */
    private static Optional<ColumnType> typeAfterMismatch(DataException e, Map<String, ColumnType> declared) {
        if (e.column().isEmpty() || e.value().isEmpty()) {
            return Optional.empty();
        }
        ColumnType before = declared.get(e.column().get());
        if (before == ColumnType.TEXT) {
            return Optional.empty();
        }
        if (before == null && isNumber(e.value().get())) {
            return Optional.of(ColumnType.NUMERIC);
        }
        return Optional.of(ColumnType.TEXT);
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
