package org.mlops4j.drift.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.data.TimestampColumn;

/**
 * Builds a {@link TableProfile} in one pass over data that arrives in pieces: whole tables or chunks of one
 * ({@link #add(Table)}), or single values per column ({@link #addDouble}, {@link #addString}, {@link #addNull}).
 * Memory stays bounded whatever the number of rows (see {@link ProfileOptions}); {@link #add(Table)} works through a
 * table in blocks of {@value #BLOCK} rows.
 *
 * <pre>{@code
 * ProfileBuilder builder = ProfileBuilder.create();
 * for (Table chunk : chunks) {
 *     builder.add(chunk);
 * }
 * TableProfile profile = builder.build();
 * }</pre>
 *
 * <p>Not thread-safe: give each thread or partition its own builder and {@link TableProfile#merge} their profiles.
 * {@link #build()} takes a snapshot; the builder may go on adding afterwards.
 *
 * <p>Duplicate rows and correlations are computed only from rows added as tables. The row count is the number of
 * rows added as tables, or, if larger, the most values (and nulls) added to any one column.
 */
public final class ProfileBuilder {

    /** Rows processed at a time by {@link #add(Table)}. */
    static final int BLOCK = 8192;

    private final ProfileOptions options;
    private final Map<String, ColumnState> columns = new LinkedHashMap<>();
    private final DuplicateRowCounter duplicates;
    private final Map<List<String>, CoMoments> coMoments = new LinkedHashMap<>();
    private final List<String> correlationColumns = new ArrayList<>();
    private long tableRows;
    private final double[] scratch = new double[BLOCK];
    private final long[] rowHashes = new long[BLOCK];

    private ProfileBuilder(ProfileOptions options) {
        this.options = options;
        this.duplicates = options.duplicateRows()
                ? new DuplicateRowCounter(options.duplicateRowsExactLimit(), options.distinctLgK()) : null;
    }

    /** @return a builder with the default options */
    public static ProfileBuilder create() {
        return new ProfileBuilder(ProfileOptions.defaults());
    }

    /**
     * @param options how to profile
     * @return a builder with these options
     */
    public static ProfileBuilder create(ProfileOptions options) {
        return new ProfileBuilder(options);
    }

    /** @return the options */
    public ProfileOptions options() {
        return options;
    }

    /**
     * Adds every row of a table (or a chunk of a larger one). Columns are matched by name across chunks; a column
     * that changes type is an error.
     *
     * @param chunk rows to add
     * @return this builder
     * @throws MlopsException when a column's type differs from earlier chunks
     */
    public ProfileBuilder add(Table chunk) {
        List<Column> cols = chunk.columns();
        List<ColumnState> states = new ArrayList<>(cols.size());
        for (Column column : cols) {
            states.add(stateFor(column.name(), column.type()));
        }
        updateCorrelationColumns(cols);
        Map<String, double[]> correlationBuffers = new HashMap<>();
        for (String name : correlationColumns) {
            if (chunk.findColumn(name).filter(c -> c.type() == ColumnType.NUMERIC).isPresent()) {
                correlationBuffers.put(name, new double[BLOCK]);
            }
        }
        int rows = chunk.rowCount();
        for (int from = 0; from < rows; from += BLOCK) {
            int length = Math.min(BLOCK, rows - from);
            boolean hashing = duplicates != null;
            if (hashing) {
                java.util.Arrays.fill(rowHashes, 0, length, 0x2545F4914F6CDD1DL);
            }
            for (int c = 0; c < cols.size(); c++) {
                Column column = cols.get(c);
                double[] buffer = correlationBuffers.getOrDefault(column.name(), scratch);
                addBlock(column, states.get(c), from, length, buffer, hashing);
            }
            if (hashing) {
                duplicates.add(rowHashes, length);
            }
            addCorrelations(correlationBuffers, length);
        }
        tableRows += rows;
        return this;
    }

    private void addBlock(Column column, ColumnState state, int from, int length, double[] buffer, boolean hashing) {
        int end = from + length;
        long[] hashes = rowHashes;
        if (column instanceof NumericColumn numeric) {
            long nulls = 0;
            for (int i = from; i < end; i++) {
                double v = numeric.getDouble(i);
                buffer[i - from] = v;
                if (v != v && numeric.isNull(i)) {
                    nulls++;
                    if (hashing) {
                        hashes[i - from] = Hashing.combine(hashes[i - from], Hashing.NULL_HASH);
                    }
                } else if (hashing) {
                    hashes[i - from] = Hashing.combine(hashes[i - from], Hashing.hash(v));
                }
            }
            state.numeric.add(buffer, 0, length, nulls);
        } else if (column instanceof TimestampColumn timestamps) {
            long nulls = 0;
            for (int i = from; i < end; i++) {
                boolean isNull = timestamps.isNull(i);
                long millis = isNull ? 0 : timestamps.getEpochMillis(i);
                buffer[i - from] = isNull ? Double.NaN : millis;
                if (isNull) {
                    nulls++;
                }
                if (hashing) {
                    hashes[i - from] = Hashing.combine(hashes[i - from],
                            isNull ? Hashing.NULL_HASH : Hashing.mix(millis));
                }
            }
            state.numeric.add(buffer, 0, length, nulls);
        } else if (column instanceof CategoricalColumn categorical) {
            List<String> levels = categorical.levels();
            long[] counts = new long[levels.size()];
            long[] levelHashes = hashing ? state.levelHashes(levels) : null;
            long nulls = 0;
            for (int i = from; i < end; i++) {
                int code = categorical.code(i);
                if (code < 0) {
                    nulls++;
                } else {
                    counts[code]++;
                }
                if (hashing) {
                    hashes[i - from] = Hashing.combine(hashes[i - from],
                            code < 0 ? Hashing.NULL_HASH : levelHashes[code]);
                }
            }
            for (int code = 0; code < counts.length; code++) {
                if (counts[code] > 0) {
                    state.categorical.add(levels.get(code), counts[code]);
                }
            }
            state.categorical.addNulls(nulls);
        } else if (column instanceof BooleanColumn booleans) {
            long trues = 0;
            long falses = 0;
            for (int i = from; i < end; i++) {
                long hash;
                if (booleans.isNull(i)) {
                    hash = Hashing.NULL_HASH;
                } else if (booleans.getBoolean(i)) {
                    trues++;
                    hash = 0x1L;
                } else {
                    falses++;
                    hash = 0x2L;
                }
                if (hashing) {
                    hashes[i - from] = Hashing.combine(hashes[i - from], Hashing.mix(hash));
                }
            }
            if (trues > 0) {
                state.categorical.add("true", trues);
            }
            if (falses > 0) {
                state.categorical.add("false", falses);
            }
            state.categorical.addNulls(length - trues - falses);
        } else if (column instanceof TextColumn text) {
            Map<String, long[]> counts = new HashMap<>();
            long nulls = 0;
            for (int i = from; i < end; i++) {
                String value = text.getString(i);
                if (value == null) {
                    nulls++;
                } else {
                    counts.computeIfAbsent(value, k -> new long[1])[0]++;
                }
                if (hashing) {
                    hashes[i - from] = Hashing.combine(hashes[i - from],
                            value == null ? Hashing.NULL_HASH : Hashing.hash(value));
                }
            }
            counts.forEach((value, count) -> state.categorical.add(value, count[0]));
            state.categorical.addNulls(nulls);
        }
        state.rows += length;
    }

    private void updateCorrelationColumns(List<Column> cols) {
        if (!options.correlations()) {
            return;
        }
        for (Column column : cols) {
            if (correlationColumns.size() >= options.maxCorrelationColumns()) {
                return;
            }
            if (column.type() == ColumnType.NUMERIC && !correlationColumns.contains(column.name())) {
                for (String earlier : correlationColumns) {
                    coMoments.put(List.of(earlier, column.name()), new CoMoments());
                }
                correlationColumns.add(column.name());
            }
        }
    }

    private void addCorrelations(Map<String, double[]> buffers, int length) {
        if (buffers.size() < 2) {
            return;
        }
        for (Map.Entry<List<String>, CoMoments> entry : coMoments.entrySet()) {
            double[] x = buffers.get(entry.getKey().get(0));
            double[] y = buffers.get(entry.getKey().get(1));
            if (x != null && y != null) {
                entry.getValue().add(x, y, 0, length);
            }
        }
    }

    /**
     * Adds one value to a numeric column, creating the column on first use.
     *
     * @param column the column's name
     * @param value  the value ({@code NaN} counts as NaN, not as missing)
     * @return this builder
     * @throws MlopsException when the column exists with a non-numeric type
     */
    public ProfileBuilder addDouble(String column, double value) {
        ColumnState state = stateFor(column, ColumnType.NUMERIC);
        state.pending[state.pendingCount++] = value;
        if (state.pendingCount == state.pending.length) {
            state.flush();
        }
        state.rows++;
        return this;
    }

    /**
     * Adds many values to a numeric column, creating the column on first use.
     *
     * @param column the column's name
     * @param values the values ({@code NaN} counts as NaN, not as missing)
     * @param from   the first index to add
     * @param to     one past the last index to add
     * @return this builder
     */
    public ProfileBuilder addDoubles(String column, double[] values, int from, int to) {
        if (from < 0 || to > values.length || from > to) {
            throw new IndexOutOfBoundsException("Range [" + from + ", " + to + ") is outside an array of "
                    + values.length + " values");
        }
        ColumnState state = stateFor(column, ColumnType.NUMERIC);
        state.flush();
        for (int start = from; start < to; start += BLOCK) {
            state.numeric.add(values, start, Math.min(BLOCK, to - start), 0);
        }
        state.rows += to - from;
        return this;
    }

    /**
     * @param column the column's name
     * @param values the values to add to a numeric column
     * @return this builder
     */
    public ProfileBuilder addDoubles(String column, double[] values) {
        return addDoubles(column, values, 0, values.length);
    }

    /**
     * Adds one value to a categorical column, creating the column on first use.
     *
     * @param column the column's name
     * @param value  the level, or {@code null} for a missing value
     * @return this builder
     * @throws MlopsException when the column exists and is numeric
     */
    public ProfileBuilder addString(String column, String value) {
        ColumnState state = columns.get(column);
        if (state == null || state.categorical == null) {
            state = stateFor(column, ColumnType.CATEGORICAL);
        }
        if (value == null) {
            state.categorical.addNulls(1);
        } else {
            state.categorical.add(value, 1);
        }
        state.rows++;
        return this;
    }

    /**
     * Adds a missing value to a column that already exists.
     *
     * @param column the column's name
     * @return this builder
     * @throws MlopsException when the column does not exist yet (its type is not known)
     */
    public ProfileBuilder addNull(String column) {
        ColumnState state = columns.get(column);
        if (state == null) {
            throw new MlopsException("Cannot add a missing value to column '" + column + "' before its type is"
                    + " known; add a value or a table with that column first. Columns so far: " + columns.keySet());
        }
        if (state.numeric != null) {
            state.numeric.addNulls(1);
        } else {
            state.categorical.addNulls(1);
        }
        state.rows++;
        return this;
    }

    /**
     * @return a profile of everything added so far; the builder stays usable
     */
    public TableProfile build() {
        Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
        long rows = tableRows;
        for (Map.Entry<String, ColumnState> entry : columns.entrySet()) {
            ColumnState state = entry.getValue();
            state.flush();
            rows = Math.max(rows, state.rows);
            if (state.numeric != null) {
                profiles.put(entry.getKey(), new NumericProfile(entry.getKey(), state.numeric.freeze()));
            } else {
                profiles.put(entry.getKey(), new CategoricalProfile(entry.getKey(), state.categorical.copy()));
            }
        }
        Map<List<String>, CoMoments> pairs = new LinkedHashMap<>();
        coMoments.forEach((key, value) -> pairs.put(key, value.copy()));
        return new TableProfile(options, rows, profiles, duplicates == null ? null : duplicates.copy(), pairs);
    }

    private ColumnState stateFor(String name, ColumnType type) {
        ColumnState state = columns.get(name);
        if (state == null) {
            state = new ColumnState(type, options);
            columns.put(name, state);
        } else if (state.type != type) {
            throw new MlopsException("Column '" + name + "' was " + state.type.key() + " and is now "
                    + type.key() + "; a column keeps one type across all the data added to a profile");
        }
        return state;
    }

    private static final class ColumnState {
        final ColumnType type;
        final NumericAccumulator numeric;
        final CategoricalAccumulator categorical;
        final double[] pending;
        int pendingCount;
        long rows;
        private List<String> hashedLevels;
        private long[] levelHashes;

        ColumnState(ColumnType type, ProfileOptions options) {
            this.type = type;
            if (type == ColumnType.NUMERIC || type == ColumnType.TIMESTAMP) {
                numeric = new NumericAccumulator(type, options.kllK(), options.distinctLgK(),
                        options.exactDistinctLimit());
                categorical = null;
                pending = new double[1024];
            } else {
                numeric = null;
                categorical = new CategoricalAccumulator(type, options.distinctLgK(),
                        options.frequentItemsMapSize(), options.categoryExactLimit());
                pending = null;
            }
        }

        void flush() {
            if (pendingCount > 0) {
                numeric.add(pending, 0, pendingCount, 0);
                pendingCount = 0;
            }
        }

        long[] levelHashes(List<String> levels) {
            if (hashedLevels != levels) {
                levelHashes = new long[levels.size()];
                for (int i = 0; i < levelHashes.length; i++) {
                    levelHashes[i] = Hashing.hash(levels.get(i));
                }
                hashedLevels = levels;
            }
            return levelHashes;
        }
    }
}
