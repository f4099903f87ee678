package org.mlops4j.core.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A column of free text, one string (or {@code null}) per row. Immutable.
 */
public final class TextColumn implements Column {

    private final String name;
    private final String[] values;

    private TextColumn(String name, String[] values) {
        this.name = Columns.checkName(name);
        this.values = values;
    }

    /**
     * @param name   the column's name
     * @param values the values (copied), where {@code null} marks a missing value
     * @return a column holding the values
     */
    public static TextColumn of(String name, String... values) {
        return new TextColumn(name, values.clone());
    }

    /**
     * @param name             the column's name
     * @param expectedCapacity a hint for how many rows will be added
     * @return a builder that appends rows one by one
     */
    public static Builder builder(String name, int expectedCapacity) {
        return new Builder(name, expectedCapacity);
    }

    static TextColumn wrap(String name, String[] values) {
        return new TextColumn(name, values);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.TEXT;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNull(int row) {
        return values[row] == null;
    }

    @Override
    public int nullCount() {
        int count = 0;
        for (String value : values) {
            if (value == null) {
                count++;
            }
        }
        return count;
    }

    /**
     * @param row a row index
     * @return the text in this row, or {@code null} for a missing value
     */
    public String getString(int row) {
        return values[row];
    }

    @Override
    public String get(int row) {
        return values[row];
    }

    @Override
    public String format(int row) {
        return values[row] == null ? "" : values[row];
    }

    /**
     * @param function applied to every non-null value; nulls stay null
     * @return a new column with the same name
     */
    public TextColumn map(UnaryOperator<String> function) {
        String[] out = new String[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] == null ? null : function.apply(values[i]);
        }
        return new TextColumn(name, out);
    }

    /** @return a dictionary-encoded column with the same values */
    public CategoricalColumn toCategorical() {
        return CategoricalColumn.of(name, values);
    }

    @Override
    public TextColumn rename(String newName) {
        return newName.equals(name) ? this : new TextColumn(newName, values);
    }

    @Override
    public TextColumn take(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new TextColumn(name, out);
    }

    @Override
    public TextColumn concat(Column other) {
        Columns.checkSameType(this, other);
        TextColumn o = (TextColumn) other;
        String[] out = Arrays.copyOf(values, values.length + o.values.length);
        System.arraycopy(o.values, 0, out, values.length, o.values.length);
        return new TextColumn(name, out);
    }

    @Override
    public int compareRows(int a, int b) {
        int byNull = Columns.compareNulls(values[a] == null, values[b] == null);
        return byNull != 2 ? byNull : values[a].compareTo(values[b]);
    }

    @Override
    public Object groupKey(int row) {
        return values[row];
    }

    @Override
    public long estimatedBytes() {
        long bytes = 16L + 4L * values.length;
        for (String value : values) {
            bytes += value == null ? 0 : 40L + value.length();
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextColumn other && name.equals(other.name) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, values.length);
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + values.length + " rows]";
    }

    /** Appends values one by one; not thread-safe. */
    public static final class Builder {
        private final String name;
        private String[] values;
        private int size;

        private Builder(String name, int expectedCapacity) {
            this.name = Columns.checkName(name);
            this.values = new String[Math.max(16, expectedCapacity)];
        }

        /**
         * @param value the next value, or {@code null} for a missing value
         * @return this builder
         */
        public Builder add(String value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1) + 16);
            }
            values[size++] = value;
            return this;
        }

        /** @return the number of rows added so far */
        public int size() {
            return size;
        }

        /** @return the column */
        public TextColumn build() {
            return new TextColumn(name, Arrays.copyOf(values, size));
        }
    }
}
