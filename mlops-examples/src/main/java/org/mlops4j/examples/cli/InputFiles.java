package org.mlops4j.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;

/** Checks and reads the files and folders the commands are given, naming the option in each message. */
final class InputFiles {

    /** The first bytes of every SQLite database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private InputFiles() {
    }

    /**
     * @param file   a file named on the command line
     * @param option the option that named it, for the message
     * @return the file
     * @throws DataException when it does not exist, is a folder or cannot be read
     */
    static Path requireFile(Path file, String option) {
        String problem = null;
        if (Files.isDirectory(file)) {
            problem = "The path given with " + option + " is a folder; give a file";
        } else if (!Files.exists(file)) {
            problem = "The file given with " + option + " does not exist; check the path";
        } else if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problem = "The file given with " + option + " cannot be read; check that it is a file you may read";
        }
        if (problem != null) {
            throw new DataException(problem, file.toAbsolutePath().toString(), 0, null, null);
        }
        return file;
    }

    /**
     * @param file   an SQLite database named on the command line, to read
     * @param option the option that named it
     * @return the file
     * @throws DataException when it is not a readable file, or holds something other than an SQLite database
     */
    static Path requireDatabase(Path file, String option) {
        requireFile(file, option);
        requireDatabaseContent(file, option);
        return file;
    }

    /**
     * @param file   an SQLite database named on the command line, created when missing
     * @param option the option that named it
     * @return the file
     * @throws DataException when it is a folder, or an existing file that is not an SQLite database
     */
    static Path requireDatabaseOrAbsent(Path file, String option) {
        if (Files.exists(file)) {
            requireDatabase(file, option);
        }
        return file;
    }

    /**
     * @param file   a file the command writes, named on the command line
     * @param option the option that named it
     * @return the file
     * @throws DataException when it is an existing folder
     */
    static Path requireWritableFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new DataException("The path given with " + option + " is a folder; give the name of a file to"
                    + " write", file.toAbsolutePath().toString(), 0, null, null);
        }
        return file;
    }

    /**
     * @param folder a folder the command writes into (created when missing), named on the command line
     * @param option the option that named it
     * @return the folder
     * @throws DataException when it exists and is not a folder
     */
    static Path requireWritableFolder(Path folder, String option) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new DataException("The path given with " + option + " is a file; give a folder (it is created"
                    + " when missing)", folder.toAbsolutePath().toString(), 0, null, null);
        }
        return folder;
    }

    /**
     * @param file   a CSV file named on the command line
     * @param option the option that named it
     * @return its table (types inferred; a pandas index column dropped)
     */
    static Table readCsv(Path file, String option) {
        return readCsv(file, option, CsvReader.builder().build());
    }

    /**
     * @param file   a CSV file named on the command line
     * @param option the option that named it
     * @param reader the reader, with the command's choices (such as {@link MissingValueOptions})
     * @return its table
     */
    static Table readCsv(Path file, String option, CsvReader reader) {
        return reader.read(requireFile(file, option));
    }

    private static void requireDatabaseContent(Path file, String option) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            throw new DataException("The file given with " + option + " cannot be read: " + e.getMessage(),
                    file.toAbsolutePath().toString(), 0, null, null, e);
        }
        if (start.length > 0 && !Arrays.equals(start, SQLITE_HEADER)) { // an empty file is an empty database
            throw new DataException("The file given with " + option + " is not an SQLite database (it does not"
                    + " start with \"SQLite format 3\"); check the path", file.toAbsolutePath().toString(), 0, null,
                    null);
        }
    }
}
