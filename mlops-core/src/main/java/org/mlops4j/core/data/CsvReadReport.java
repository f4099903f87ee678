package org.mlops4j.core.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 */
public record CsvReadReport(String source, long rowsRead, long rowsQuarantined, Optional<Path> quarantineFile,
        boolean indexColumnDropped, boolean stoppedAtMaxRows, Map<String, ColumnType> columnTypes) {

    /** Checks and copies the values. */
    public CsvReadReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(quarantineFile, "quarantineFile");
        columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
    }
}
