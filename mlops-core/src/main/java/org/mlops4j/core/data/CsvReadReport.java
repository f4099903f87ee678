package org.mlops4j.core.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CsvReader} did with one input: how many rows it kept and how many it set aside, so that nothing is
 * dropped silently.
 *
 * @param source           the file or stream's name
 * @param rowsRead         the rows in the resulting table (for a stream: in all chunks together)
 * @param rowsQuarantined  the records written to the quarantine file instead of the table
 * @param quarantineFile   where quarantined records went, when a quarantine was configured
 * @param indexColumnDropped whether a leading unnamed index column (as pandas writes it) was left out
 * @param stoppedAtMaxRows whether reading stopped because it reached the configured maximum number of rows
 * @param columnTypes      the type of each column of the result, in column order
 * @param unnamedColumnsKept    columns the header gives no name (a header line ending with the separator, as
 *                              spreadsheets export it) that hold values, kept as pandas names them:
 *                              {@code Unnamed: N}, N the 0-based position in the header
 * @param unnamedColumnsDropped columns the header gives no name that are empty in every row (for a stream: in its
 *                              first chunk), left out, by their {@code Unnamed: N} names
 * @param missingValues         for each column read from the input, in column order, how many of its values were
 *                              read as missing and as which null token, in the rows kept
 */
public record CsvReadReport(String source, long rowsRead, long rowsQuarantined, Optional<Path> quarantineFile,
        boolean indexColumnDropped, boolean stoppedAtMaxRows, Map<String, ColumnType> columnTypes,
        List<String> unnamedColumnsKept, List<String> unnamedColumnsDropped,
        Map<String, MissingValues> missingValues) {

    /** Checks and copies the values. */
    public CsvReadReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(quarantineFile, "quarantineFile");
        columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
        unnamedColumnsKept = List.copyOf(unnamedColumnsKept);
        unnamedColumnsDropped = List.copyOf(unnamedColumnsDropped);
        missingValues = Collections.unmodifiableMap(new LinkedHashMap<>(missingValues));
    }

    /**
     * @param column a column of the result
     * @return how many of its values were read as missing, and as which null token; empty counts for a column the
     *         input did not have (such as the line column)
     */
    public MissingValues missingValues(String column) {
        return missingValues.getOrDefault(column, new MissingValues(0, Map.of()));
    }
}
