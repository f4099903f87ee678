package org.mlops4j.drift.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Table;

/**
 * The profile of a table: the row count, one {@link ColumnProfile} per column, duplicate rows and the correlations
 * between numeric columns. Built in one pass with bounded memory by a {@link ProfileBuilder}, merged across threads
 * or partitions with {@link #merge}, saved and read back as JSON with {@link #toJson()} / {@link #fromJson(String)}.
 *
 * <pre>{@code
 * TableProfile profile = TableProfile.of(table);
 * profile.numeric("age").quantile(0.5);
 * profile.save(Path.of("reference-profile.json"));
 * }</pre>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class TableProfile {

    private final ProfileOptions options;
    private final long rowCount;
    private final Map<String, ColumnProfile> columns;
    private final DuplicateRowCounter duplicates;
    private final Map<List<String>, CoMoments> coMoments;

    TableProfile(ProfileOptions options, long rowCount, Map<String, ColumnProfile> columns,
                 DuplicateRowCounter duplicates, Map<List<String>, CoMoments> coMoments) {
        this.options = options;
        this.rowCount = rowCount;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.duplicates = duplicates;
        this.coMoments = Collections.unmodifiableMap(new LinkedHashMap<>(coMoments));
    }

    /**
     * @param table a table
     * @return its profile with the default options
     */
    public static TableProfile of(Table table) {
        return of(table, ProfileOptions.defaults());
    }

    /**
     * @param table   a table
     * @param options how to profile
     * @return its profile
     */
    public static TableProfile of(Table table, ProfileOptions options) {
        return ProfileBuilder.create(options).add(table).build();
    }

    /** @return the options the profile was built with */
    public ProfileOptions options() {
        return options;
    }

    /** @return the number of rows */
    public long rowCount() {
        return rowCount;
    }

    /** @return the number of columns */
    public int columnCount() {
        return columns.size();
    }

    /** @return the columns' names in the order they were first seen */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** @return the column profiles in the order the columns were first seen */
    public List<ColumnProfile> columns() {
        return List.copyOf(columns.values());
    }

    /**
     * @param name a column's name
     * @return its profile, if the table had that column
     */
    public Optional<ColumnProfile> findColumn(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /**
     * @param name a column's name
     * @return its profile
     * @throws MlopsException naming the profiled columns when there is no such column
     */
    public ColumnProfile column(String name) {
        ColumnProfile column = columns.get(name);
        if (column == null) {
            throw new MlopsException("No column '" + name + "' in the profile; its columns are " + columnNames());
        }
        return column;
    }

    /**
     * @param name a numeric or timestamp column's name
     * @return its profile
     * @throws MlopsException when there is no such column or it is not numeric
     */
    public NumericProfile numeric(String name) {
        if (column(name) instanceof NumericProfile numeric) {
            return numeric;
        }
        throw new MlopsException("Column '" + name + "' is " + column(name).type().key()
                + " in the profile; expected a numeric or timestamp column");
    }

    /**
     * @param name a categorical, boolean or text column's name
     * @return its profile
     * @throws MlopsException when there is no such column or it is numeric
     */
    public CategoricalProfile categorical(String name) {
        if (column(name) instanceof CategoricalProfile categorical) {
            return categorical;
        }
        throw new MlopsException("Column '" + name + "' is " + column(name).type().key()
                + " in the profile; expected a categorical, boolean or text column");
    }

    /** @return the missing cells over all columns (nulls, and NaN in numeric columns) */
    public long missingCells() {
        long missing = 0;
        for (ColumnProfile column : columns.values()) {
            missing += column.missingCount() + Math.max(0, rowCount - column.rowCount());
        }
        return missing;
    }

    /** @return the duplicate rows, when the profile counted them (rows added as tables, option enabled) */
    public Optional<DuplicateRows> duplicateRows() {
        if (duplicates == null) {
            return Optional.empty();
        }
        double rows = duplicates.rows();
        return Optional.of(new DuplicateRows(duplicates.rows(), rows - duplicates.distinctRows(),
                Math.max(0, rows - duplicates.distinctRowsUpperBound(3)),
                Math.max(0, rows - duplicates.distinctRowsLowerBound(3)), duplicates.isExact()));
    }

    /** @return Pearson correlations for each pair of profiled numeric columns, in column order */
    public List<Correlation> correlations() {
        List<Correlation> out = new ArrayList<>();
        for (Map.Entry<List<String>, CoMoments> entry : coMoments.entrySet()) {
            out.add(new Correlation(entry.getKey().get(0), entry.getKey().get(1), entry.getValue().pearson(),
                    entry.getValue().count()));
        }
        return out;
    }

    /**
     * @param first  a numeric column
     * @param second another numeric column
     * @return their Pearson correlation, if the profile holds it
     */
    public OptionalDouble correlation(String first, String second) {
        CoMoments c = coMoments.get(List.of(first, second));
        if (c == null) {
            c = coMoments.get(List.of(second, first));
        }
        return c == null ? OptionalDouble.empty() : OptionalDouble.of(c.pearson());
    }

    /**
     * Merges the profile of other rows of the same table, such as another partition or another thread's share.
     * Columns present in only one profile are kept as they are; a column with another type in each is an error.
     * The result keeps this profile's options.
     *
     * @param other the profile of other rows
     * @return the profile of all rows
     * @throws MlopsException when a column has different types in the two profiles
     */
    public TableProfile merge(TableProfile other) {
        Map<String, ColumnProfile> merged = new LinkedHashMap<>(columns);
        for (ColumnProfile column : other.columns.values()) {
            ColumnProfile mine = merged.get(column.name());
            if (mine == null) {
                merged.put(column.name(), column);
            } else if (mine.type() != column.type()) {
                throw new MlopsException("Cannot merge profiles: column '" + column.name() + "' is "
                        + mine.type().key() + " in one and " + column.type().key()
                        + " in the other; profile the same schema in every partition");
            } else {
                merged.put(column.name(), mine.merge(column));
            }
        }
        DuplicateRowCounter counter = null;
        if (duplicates != null && other.duplicates != null) {
            counter = duplicates.copy();
            counter.merge(other.duplicates);
        }
        Map<List<String>, CoMoments> pairs = new LinkedHashMap<>();
        coMoments.forEach((key, value) -> pairs.put(key, value.copy()));
        other.coMoments.forEach((key, value) -> pairs.computeIfAbsent(key, k -> new CoMoments()).merge(value));
        return new TableProfile(options, rowCount + other.rowCount, merged, counter, pairs);
    }

    /** @return the profile as JSON (format {@code mlops4j-profile}, version 1; sketches as base64 bytes) */
    public String toJson() {
        return TableProfileJson.write(this);
    }

    /**
     * @param json the JSON form written by {@link #toJson()}
     * @return the profile
     * @throws ProfileFormatException when the JSON is not a valid profile, naming what is wrong and where
     */
    public static TableProfile fromJson(String json) {
        return TableProfileJson.read(json, "JSON text");
    }

    /**
     * Writes the JSON form crash-safely (a temporary file, then an atomic rename).
     *
     * @param file the file to create or replace
     */
    public void save(Path file) {
        TableProfileJson.write(this, file);
    }

    /**
     * @param file a file written by {@link #save(Path)}
     * @return the profile
     * @throws ProfileFormatException when the file is not a valid profile
     * @throws java.io.UncheckedIOException when it cannot be read
     */
    public static TableProfile load(Path file) {
        return TableProfileJson.read(file);
    }

    DuplicateRowCounter duplicateCounter() {
        return duplicates;
    }

    Map<List<String>, CoMoments> coMoments() {
        return coMoments;
    }

    @Override
    public String toString() {
        return "TableProfile[" + rowCount + " rows, " + columns.size() + " columns " + columnNames() + "]";
    }
}
