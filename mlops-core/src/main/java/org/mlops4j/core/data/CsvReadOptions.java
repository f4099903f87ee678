package org.mlops4j.core.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mlops4j.core.data.internal.NullTokens;

/**
 * The settings of a {@link CsvReader}, as one immutable value.
 *
 * @param separator        the field separator
 * @param nullTokens       the texts read as null
 * @param columnTypes      declared types by column name
 * @param defaultType      the type of every column without a declared type; empty to infer
 * @param indexColumnName  the name to keep a leading unnamed index column under; empty to drop it
 * @param onRaggedRow      what to do with a record whose field count differs from the header's
 * @param onBadValue       what to do with a value that does not fit its column's declared type
 * @param quarantineFile   where quarantined records go
 * @param maxRows          the most rows to read
 * @param categoricalRatio the largest ratio of distinct to non-null values for an inferred categorical column
 * @param trimSpaces       whether spaces around unquoted values are removed
 * @param lineColumn       the name of a numeric column to add last, holding each row's line; empty for none
 * @param selectedColumns  the only columns to read, by name; empty to read every column
 */
record CsvReadOptions(char separator, NullTokens nullTokens, Map<String, ColumnType> columnTypes,
        Optional<ColumnType> defaultType, Optional<String> indexColumnName, CsvReader.BadRowAction onRaggedRow,
        CsvReader.BadRowAction onBadValue, Optional<Path> quarantineFile, int maxRows, double categoricalRatio,
        boolean trimSpaces, Optional<String> lineColumn, Set<String> selectedColumns) {

    /** Checks and copies the values. */
    public CsvReadOptions {
        Objects.requireNonNull(nullTokens, "nullTokens");
        columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
        Objects.requireNonNull(defaultType, "defaultType");
        Objects.requireNonNull(indexColumnName, "indexColumnName");
        Objects.requireNonNull(onRaggedRow, "onRaggedRow");
        Objects.requireNonNull(onBadValue, "onBadValue");
        Objects.requireNonNull(quarantineFile, "quarantineFile");
        Objects.requireNonNull(lineColumn, "lineColumn");
        selectedColumns = Collections.unmodifiableSet(new LinkedHashSet<>(selectedColumns));
    }

    /** @return whether any kind of bad record goes to the quarantine file */
    public boolean quarantines() {
        return onRaggedRow == CsvReader.BadRowAction.QUARANTINE || onBadValue == CsvReader.BadRowAction.QUARANTINE;
    }
}
