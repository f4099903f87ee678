package org.mlops4j.core.data;

import java.util.BitSet;

/**
 * A column of true/false values stored as bits, with a null mask. Immutable.
 */
public final class BooleanColumn extends MaskedColumn implements Column {

    private final BitSet values;

    private BooleanColumn(String name, BitSet values, BitSet nulls, int size) {
        super(name, nulls, size);
        this.values = values;
    }

    /**
     * @param name   the column's name
     * @param values the values, where {@code null} marks a missing value
     * @return a column holding the values
     */
    public static BooleanColumn of(String name, Boolean... values) {
        Builder builder = builder(name);
        for (Boolean value : values) {
            builder.add(value);
        }
        return builder.build();
    }

    /**
     * @param name the column's name
     * @return a builder that appends rows one by one
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    /**
     * @param row a row index
     * @return the value; {@code false} for a missing value (check {@link #isNull(int)} to tell them apart)
     */
    public boolean getBoolean(int row) {
        checkRow(row);
        return values.get(row);
    }

    @Override
    public Boolean get(int row) {
        return isNull(row) ? null : values.get(row);
    }

    @Override
    public String format(int row) {
        return isNull(row) ? "" : Boolean.toString(values.get(row));
    }

    /** @return the number of rows that hold {@code true} */
    public int trueCount() {
        return values.cardinality();
    }

    /**
     * @param newName the name of the numeric column
     * @return a numeric column with 1 for true, 0 for false and null for null
     */
    public NumericColumn toNumeric(String newName) {
        NumericColumn.Builder out = NumericColumn.builder(newName, size);
        for (int i = 0; i < size; i++) {
            if (nulls.get(i)) {
                out.addNull();
            } else {
                out.add(values.get(i) ? 1.0 : 0.0);
            }
        }
        return out.build();
    }

    @Override
    public BooleanColumn rename(String newName) {
        return newName.equals(name) ? this : new BooleanColumn(newName, values, nulls, size);
    }

    @Override
    public BooleanColumn take(int[] rows) {
        for (int row : rows) {
            checkRow(row);
        }
        return new BooleanColumn(name, Columns.takeBits(values, rows), Columns.takeBits(nulls, rows), rows.length);
    }

    @Override
    public BooleanColumn concat(Column other) {
        Columns.checkSameType(this, other);
        BooleanColumn o = (BooleanColumn) other;
        return new BooleanColumn(name, Columns.concatBits(values, size, o.values),
                Columns.concatBits(nulls, size, o.nulls), size + o.size);
    }

    @Override
    public int compareRows(int a, int b) {
        int byNull = Columns.compareNulls(nulls.get(a), nulls.get(b));
        return byNull != 2 ? byNull : Boolean.compare(values.get(a), values.get(b));
    }

    @Override
    public Object groupKey(int row) {
        return get(row);
    }

    @Override
    public long estimatedBytes() {
        return 16L + Columns.bitsBytes(values) + Columns.bitsBytes(nulls);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BooleanColumn other && name.equals(other.name) && size == other.size
                && nulls.equals(other.nulls) && maskedValues().equals(other.maskedValues());
    }

    private BitSet maskedValues() {
        BitSet masked = (BitSet) values.clone();
        masked.andNot(nulls);
        return masked;
    }

    /** Appends values one by one; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final BitSet values = new BitSet();
        private final BitSet nulls = new BitSet();
        private int size;

        private Builder(String name) {
            this.name = Columns.checkName(name);
        }

        /**
         * @param value the next value
         * @return this builder
         */
        public Builder add(boolean value) {
            values.set(size++, value);
            return this;
        }

        /**
         * @param value the next value, or {@code null} for a missing value
         * @return this builder
         */
        public Builder add(Boolean value) {
            if (value == null) {
                return addNull();
            }
            return add(value.booleanValue());
        }

        /** @return this builder, after appending a missing value */
        public Builder addNull() {
            nulls.set(size++);
            return this;
        }

        /** @return the number of rows added so far */
        public int size() {
            return size;
        }

        /** @return the column */
        public BooleanColumn build() {
            return new BooleanColumn(name, (BitSet) values.clone(), (BitSet) nulls.clone(), size);
        }
    }
}
