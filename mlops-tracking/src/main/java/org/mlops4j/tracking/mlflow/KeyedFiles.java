package org.mlops4j.tracking.mlflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.tracking.internal.FileWrites;

/**
 * A folder of MLflow's file store that keeps one file per key: a run's {@code params/}, {@code tags/} and
 * {@code metrics/}, an experiment's {@code tags/}, a registered model's {@code tags/} and {@code aliases/}. A key
 * with {@code /} is a file in sub-folders, so the folder is walked ({@code FileStore._get_resource_files} walks it
 * with {@code os.walk}); the key is the file's relative path with {@code /} separators. A value is the whole file,
 * as MLflow writes it (no trailing newline added).
 *
 * <p>{@link #write} replaces a file atomically, its temporary file made in the folder that owns the keyed folder (the
 * run's, experiment's, model's or version's), never in the keyed folder itself, whose every file MLflow reads as a key;
 * not even a temporary file a killed writer left is seen there.
 */
final class KeyedFiles {

    private KeyedFiles() {
    }

    /**
     * Writes one key's file as MLflow's {@code write_to} does: the value as UTF-8, without a newline.
     *
     * @param owner the folder holding the keyed folder, where the temporary file is made
     * @param file  the key's file ({@code <owner>/tags/<key>}); its folders are created when missing
     * @param value the value
     * @throws IOException when the file cannot be written
     */
    static void write(Path owner, Path file, String value) throws IOException {
        FileWrites.replace(file, owner, value.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * @param folder the folder (it need not exist)
     * @return the keys of its files, sorted
     * @throws TrackingException when it cannot be listed
     */
    static List<String> keys(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> keys = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .forEach(file -> keys.add(folder.relativize(file).toString().replace('\\', '/')));
            keys.sort(String::compareTo);
            return keys;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new TrackingException("Cannot list the folder " + folder + " of an MLflow store: " + e
                    + ". Check its permissions.", e);
        }
    }

    /**
     * @param folder the folder (it need not exist)
     * @return each file's key and text
     * @throws TrackingException when a file cannot be read
     */
    static Map<String, String> read(Path folder) {
        Map<String, String> values = new TreeMap<>();
        for (String key : keys(folder)) {
            try {
                values.put(key, Files.readString(folder.resolve(key), StandardCharsets.UTF_8));
            } catch (NoSuchFileException removed) {
                // removed since the listing (MLflow's delete_tag): the key is gone
            } catch (IOException e) {
                throw new TrackingException("Cannot read " + folder.resolve(key) + " of an MLflow store: " + e
                        + ". Check its permissions.", e);
            }
        }
        return values;
    }
}
