package org.mlops4j.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;

/**
 * An immutable table of named, typed columns of equal length.
 *
 * <p>Operations return new tables. Those that only rearrange columns ({@link #select}, {@link #drop},
 * {@link #rename}, {@link #withColumn}) share the columns' storage; those that pick rows ({@link #filter},
 * {@link #sortBy}, {@link #head}, {@link #sample}) copy only the rows they keep. Tables are safe to share between
 * threads.
 *
 * <pre>{@code
 * Table leads = CsvReader.builder().build().read(Path.of("leads.csv"));
 * Table mapped = leads
 *         .withColumn(leads.categorical("city_mapped").mapToNumeric("city_tier", tiers::get))
 *         .drop("city_mapped")
 *         .filter(row -> !leads.numeric("referred_lead").isNull(row));
 * }</pre>
 */
public final class Table {

    private final List<Column> columns;
    private final Map<String, Integer> indexByName;
    private final int rowCount;

    private Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
        Map<String, Integer> index = new HashMap<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (int i = 0; i < this.columns.size(); i++) {
            Column column = this.columns.get(i);
            if (index.put(column.name(), i) != null) {
                throw new MlopsException("Duplicate column name '" + column.name() + "' in table");
            }
            if (column.size() != rows) {
                throw new MlopsException("Column '" + column.name() + "' has " + column.size() + " rows but column '"
                        + columns.get(0).name() + "' has " + rows + "; all columns of a table have the same length");
            }
        }
        this.indexByName = Collections.unmodifiableMap(index);
        this.rowCount = rows;
    }

    /**
     * @param columns the columns, in order; names unique, lengths equal
     * @return a table of these columns
     * @throws MlopsException when names repeat or lengths differ
     */
    public static Table of(Column... columns) {
        return new Table(Arrays.asList(columns));
    }

    /**
     * @param columns the columns, in order; names unique, lengths equal
     * @return a table of these columns
     * @throws MlopsException when names repeat or lengths differ
     */
    public static Table of(List<? extends Column> columns) {
        return new Table(new ArrayList<>(columns));
    }

    /** @return a table without columns or rows */
    public static Table empty() {
        return new Table(List.of());
    }

    /** @return the number of rows */
    public int rowCount() {
        return rowCount;
    }

    /** @return the number of columns */
    public int columnCount() {
        return columns.size();
    }

    /** @return the columns' names in order */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** @return the columns in order */
    public List<Column> columns() {
        return columns;
    }

    /**
     * @param name a column's name
     * @return whether the table has a column of that name
     */
    public boolean hasColumn(String name) {
        return indexByName.containsKey(name);
    }

    /**
     * @param name a column's name
     * @return the column, if present
     */
    public Optional<Column> findColumn(String name) {
        Integer index = indexByName.get(name);
        return index == null ? Optional.empty() : Optional.of(columns.get(index));
    }

    /**
     * @param name a column's name
     * @return the column
     * @throws MlopsException naming the available columns when there is no such column
     */
    public Column column(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            throw new MlopsException("No column '" + name + "' in table; columns are " + columnNames());
        }
        return columns.get(index);
    }

    /**
     * @param index a column index from 0
     * @return the column at that position
     */
    public Column column(int index) {
        return columns.get(index);
    }

    /** @param name a column's name @return the numeric column of that name */
    public NumericColumn numeric(String name) {
        return column(name).asNumeric();
    }

    /** @param name a column's name @return the categorical column of that name */
    public CategoricalColumn categorical(String name) {
        return column(name).asCategorical();
    }

    /** @param name a column's name @return the boolean column of that name */
    public BooleanColumn bool(String name) {
        return column(name).asBoolean();
    }

    /** @param name a column's name @return the timestamp column of that name */
    public TimestampColumn timestamp(String name) {
        return column(name).asTimestamp();
    }

    /** @param name a column's name @return the text column of that name */
    public TextColumn text(String name) {
        return column(name).asText();
    }

    /**
     * @param row a row index
     * @return a view of one row
     */
    public Row row(int row) {
        if (row < 0 || row >= rowCount) {
            throw new IndexOutOfBoundsException("Row " + row + " is outside a table of " + rowCount + " rows");
        }
        return new Row(this, row);
    }

    // ---- columns ------------------------------------------------------------------------------------------------

    /**
     * @param names the columns to keep, in the order wanted
     * @return a table of only these columns, sharing their storage
     */
    public Table select(String... names) {
        return select(Arrays.asList(names));
    }

    /**
     * @param names the columns to keep, in the order wanted
     * @return a table of only these columns, sharing their storage
     */
    public Table select(List<String> names) {
        List<Column> picked = new ArrayList<>(names.size());
        for (String name : names) {
            picked.add(column(name));
        }
        return new Table(picked);
    }

    /**
     * @param names columns to leave out; each must exist
     * @return a table without these columns, sharing the others' storage
     */
    public Table drop(String... names) {
        Set<String> dropped = new LinkedHashSet<>(Arrays.asList(names));
        for (String name : dropped) {
            column(name);
        }
        return new Table(columns.stream().filter(c -> !dropped.contains(c.name())).toList());
    }

    /**
     * @param from an existing column's name
     * @param to   its new name, not used by another column
     * @return a table with the column renamed in place
     */
    public Table rename(String from, String to) {
        return rename(Map.of(from, to));
    }

    /**
     * @param newNameByOldName new names for some columns
     * @return a table with those columns renamed in place
     */
    public Table rename(Map<String, String> newNameByOldName) {
        for (String old : newNameByOldName.keySet()) {
            column(old);
        }
        return new Table(columns.stream()
                .map(c -> c.rename(newNameByOldName.getOrDefault(c.name(), c.name())))
                .toList());
    }

    /**
     * Adds a column at the end, or replaces the column of the same name where it stands.
     *
     * @param column a column with {@link #rowCount()} rows (any length if the table has no columns)
     * @return the new table
     */
    public Table withColumn(Column column) {
        List<Column> out = new ArrayList<>(columns);
        Integer index = indexByName.get(column.name());
        if (index == null) {
            out.add(column);
        } else {
            out.set(index, column);
        }
        return new Table(out);
    }

    /**
     * Replaces a column by a function of it; the result may have another name or type and takes its place.
     *
     * @param name     the column to replace
     * @param function from the old column to the new one (with the same number of rows)
     * @return the new table
     */
    public Table mapColumn(String name, Function<Column, ? extends Column> function) {
        int index = indexByName.getOrDefault(name, -1);
        Column replacement = function.apply(column(name));
        List<Column> out = new ArrayList<>(columns);
        out.set(index, replacement);
        return new Table(out);
    }

    // ---- rows ---------------------------------------------------------------------------------------------------

    /**
     * @param rows row indices, in the order wanted; may repeat
     * @return a table of those rows
     */
    public Table take(int[] rows) {
        return new Table(columns.stream().map(c -> c.take(rows)).toList());
    }

    /**
     * @param keep tested with each row index
     * @return a table of the rows for which {@code keep} is true, in order
     */
    public Table filter(IntPredicate keep) {
        return take(IntStream.range(0, rowCount).filter(keep).toArray());
    }

    /**
     * @param keep tested with a view of each row
     * @return a table of the rows for which {@code keep} is true, in order
     */
    public Table filterRows(Predicate<Row> keep) {
        return filter(i -> keep.test(new Row(this, i)));
    }

    /**
     * @param rows a set bit for each row to keep
     * @return a table of those rows, in order
     */
    public Table filter(BitSet rows) {
        return take(rows.stream().filter(i -> i < rowCount).toArray());
    }

    /**
     * @param n how many rows
     * @return the first {@code n} rows (all of them if there are fewer)
     */
    public Table head(int n) {
        if (n >= rowCount) {
            return this;
        }
        return take(IntStream.range(0, Math.max(0, n)).toArray());
    }

    /**
     * Checks that the table has rows, for code that cannot work on an empty table, so that the message says "0 rows"
     * rather than a later step's puzzle (no classes in the target, an empty sample).
     *
     * @param role what the table is for, as the message's subject, such as {@code "The training table"}
     * @return this table
     * @throws DataException saying the table has 0 rows and where such tables come from, when it has none
     */
    public Table requireRows(String role) {
        if (rowCount == 0) {
            throw new DataException(role + " has 0 rows (columns " + columnNames() + "); check what made it: a "
                    + "schema check that rejected every row (see its ValidationReport: an extra column fails every "
                    + "row unless the schema says extraColumns(IGNORE) or DROP), a filter that kept none, or an empty "
                    + "file", null, 0, null, null);
        }
        return this;
    }

    /**
     * @param n how many rows
     * @return the last {@code n} rows (all of them if there are fewer)
     */
    public Table tail(int n) {
        if (n >= rowCount) {
            return this;
        }
        return slice(rowCount - Math.max(0, n), rowCount);
    }

    /**
     * The rows of a range, as {@link List#subList}: {@code slice(0, 100)} is the first hundred rows.
     *
     * @param from the first row, from 0
     * @param to   the row after the last one, at most {@link #rowCount()}
     * @return the rows {@code from} (inclusive) to {@code to} (exclusive), in order
     * @throws IndexOutOfBoundsException naming the range and the row count when it is not within the table
     */
    public Table slice(int from, int to) {
        if (from < 0 || to > rowCount || from > to) {
            throw new IndexOutOfBoundsException("Rows " + from + " to " + to + " (exclusive) are not a range of this "
                    + "table of " + rowCount + " rows; give 0 <= from <= to <= " + rowCount);
        }
        if (from == 0 && to == rowCount) {
            return this;
        }
        return take(IntStream.range(from, to).toArray());
    }

    /**
     * @param row the first row of the second part, from 0 to {@link #rowCount()}
     * @return the rows before {@code row} and the rows from it on, in order
     * @throws IndexOutOfBoundsException when {@code row} is not within the table
     */
    public TableSplit splitAt(int row) {
        if (row < 0 || row > rowCount) {
            throw new IndexOutOfBoundsException("Cannot split this table of " + rowCount + " rows at row " + row
                    + "; give a row from 0 to " + rowCount);
        }
        return new TableSplit(slice(0, row), slice(row, rowCount));
    }

    /**
     * Splits the rows at random, as a train/test split: the first part holds {@code round(fraction * rowCount)} rows
     * picked with {@link #sample(int, long)}, the second the others; both keep the table's order.
     *
     * @param fraction the first part's share of the rows, in [0, 1]
     * @param seed     the random seed, so that the same seed gives the same split
     * @return the two parts
     * @throws IllegalArgumentException when {@code fraction} is not in [0, 1]
     */
    public TableSplit randomSplit(double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("The first part's share of the rows must be in [0, 1], was "
                    + fraction);
        }
        int n = (int) Math.round(fraction * rowCount);
        int[] indices = shuffledPrefix(n, seed);
        int[] first = Arrays.copyOf(indices, n);
        int[] second = Arrays.copyOfRange(indices, n, rowCount);
        Arrays.sort(first);
        Arrays.sort(second);
        return new TableSplit(take(first), take(second));
    }

    /**
     * A simple random sample without replacement; rows keep their original order.
     *
     * @param n    how many rows (all of them if there are fewer)
     * @param seed the random seed, so that the same seed picks the same rows
     * @return the sample
     */
    public Table sample(int n, long seed) {
        if (n >= rowCount) {
            return this;
        }
        int[] picked = Arrays.copyOf(shuffledPrefix(n, seed), n);
        Arrays.sort(picked);
        return take(picked);
    }

    /** @return the row indices with the first {@code n} a seeded random pick (a partial Fisher-Yates shuffle) */
    private int[] shuffledPrefix(int n, long seed) {
        int[] indices = IntStream.range(0, rowCount).toArray();
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(rowCount - i);
            int t = indices[i];
            indices[i] = indices[j];
            indices[j] = t;
        }
        return indices;
    }

    /**
     * A stable sort by one or more keys; null sorts last in ascending order and first in descending order.
     *
     * @param keys the keys, most significant first
     * @return the sorted table
     */
    public Table sortBy(SortKey... keys) {
        Comparator<Integer> order = null;
        for (SortKey key : keys) {
            Column column = column(key.column());
            Comparator<Integer> byKey = column::compareRows;
            if (!key.ascending()) {
                byKey = byKey.reversed();
            }
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        if (order == null) {
            return this;
        }
        Integer[] rows = IntStream.range(0, rowCount).boxed().toArray(Integer[]::new);
        Arrays.sort(rows, order);
        return take(Arrays.stream(rows).mapToInt(Integer::intValue).toArray());
    }

    /**
     * Sorts ascending by the given columns.
     *
     * @param columns the key columns, most significant first
     * @return the sorted table
     */
    public Table sortBy(String... columns) {
        return sortBy(Arrays.stream(columns).map(SortKey::asc).toArray(SortKey[]::new));
    }

    /**
     * Stacks tables with the same column names and types (in the same order) on top of one another.
     *
     * @param tables the tables, at least one
     * @return one table with all their rows
     * @throws MlopsException naming the first difference in columns
     */
    public static Table concat(List<Table> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one table");
        }
        Table first = tables.get(0);
        List<Column> out = new ArrayList<>(first.columns);
        for (int t = 1; t < tables.size(); t++) {
            Table next = tables.get(t);
            if (!next.columnNames().equals(first.columnNames())) {
                throw new MlopsException("Cannot concatenate tables with different columns: " + first.columnNames()
                        + " and " + next.columnNames() + " (table " + (t + 1) + ")");
            }
            for (int c = 0; c < out.size(); c++) {
                out.set(c, out.get(c).concat(next.columns.get(c)));
            }
        }
        return new Table(out);
    }

    /**
     * @param others tables with the same columns
     * @return this table's rows followed by theirs
     */
    public Table concat(Table... others) {
        List<Table> all = new ArrayList<>();
        all.add(this);
        all.addAll(Arrays.asList(others));
        return concat(all);
    }

    // ---- aggregation --------------------------------------------------------------------------------------------

    /**
     * Groups rows that are equal on the key columns. Null is a key value of its own: rows with null keys form their
     * own group rather than being dropped.
     *
     * @param keyColumns the columns that identify a group
     * @return the grouping, ready for an aggregate such as {@link GroupBy#sum(String...)}
     */
    public GroupBy groupBy(String... keyColumns) {
        return new GroupBy(this, List.of(keyColumns));
    }

    /**
     * Counts how often each value of a column occurs, most frequent first (ties in order of first appearance);
     * null is counted as a value of its own.
     *
     * @param columnName the column
     * @return a table with the column (its distinct values, same type and name) and a numeric {@code count} column
     */
    public Table valueCounts(String columnName) {
        Table counts = groupBy(columnName).count();
        return counts.sortBy(SortKey.desc("count"));
    }

    /** @return the number of distinct rows that appear more than once, counted beyond their first appearance */
    public int duplicateRowCount() {
        Set<List<Object>> seen = new java.util.HashSet<>();
        int duplicates = 0;
        for (int i = 0; i < rowCount; i++) {
            if (!seen.add(rowKey(columns, i))) {
                duplicates++;
            }
        }
        return duplicates;
    }

    static List<Object> rowKey(Collection<Column> keyColumns, int row) {
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (Column column : keyColumns) {
            key.add(column.groupKey(row));
        }
        return key;
    }

    /** @return an estimate of the heap bytes the columns' storage uses */
    public long estimatedBytes() {
        return columns.stream().mapToLong(Column::estimatedBytes).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    /** @return the shape and the first rows, for logs and debugging */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Table[" + rowCount + " rows x " + columns.size() + " columns]\n");
        out.append(String.join(" | ", columnNames())).append('\n');
        for (int i = 0; i < Math.min(rowCount, 10); i++) {
            final int row = i;
            out.append(String.join(" | ", columns.stream().map(c -> c.isNull(row) ? "null" : c.format(row)).toList()))
                    .append('\n');
        }
        if (rowCount > 10) {
            out.append("... ").append(rowCount - 10).append(" more rows\n");
        }
        return out.toString();
    }
}
