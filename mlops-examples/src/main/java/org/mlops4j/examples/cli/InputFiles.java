package org.mlops4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;

/** Checks and reads the files the commands are given. */
final class InputFiles {

    private InputFiles() {
    }

    /**
     * @param file   a file named on the command line
     * @param option the option that named it, for the message
     * @return the file
     * @throws DataException when it does not exist or is not a readable file
     */
    static Path requireFile(Path file, String option) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DataException("The file given with " + option + " does not exist or cannot be read; check the"
                    + " path", file.toAbsolutePath().toString(), 0, null, null);
        }
        return file;
    }

    /**
     * @param file   a CSV file named on the command line
     * @param option the option that named it
     * @return its table (types inferred; a pandas index column dropped)
     */
    static Table readCsv(Path file, String option) {
        return CsvReader.builder().build().read(requireFile(file, option));
    }
}
