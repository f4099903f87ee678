package org.mlops4j.core.data;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

/**
 * A column of floating-point numbers stored as a primitive {@code double[]} with a null mask.
 *
 * <p>Null (missing) and {@code NaN} are different things: null is what the input left empty, {@code NaN} is a value.
 * Instances are immutable; the array is never handed out (see {@link #toArray()}).
 */
public final class NumericColumn extends MaskedColumn implements Column {

    private final double[] values;

    private NumericColumn(String name, double[] values, BitSet nulls, int size) {
        super(name, nulls, size);
        this.values = values;
    }

    /**
     * @param name   the column's name
     * @param values the values (copied); none is null
     * @return a column without nulls
     */
    public static NumericColumn of(String name, double... values) {
        return new NumericColumn(name, values.clone(), new BitSet(), values.length);
    }

    /**
     * @param name   the column's name
     * @param values the values, where {@code null} marks a missing value
     * @return a column holding the values
     */
    public static NumericColumn ofNullable(String name, Double... values) {
        Builder builder = builder(name, values.length);
        for (Double value : values) {
            builder.add(value);
        }
        return builder.build();
    }

    /**
     * @param name             the column's name
     * @param expectedCapacity a hint for how many rows will be added
     * @return a builder that appends rows one by one
     */
    public static Builder builder(String name, int expectedCapacity) {
        return new Builder(name, expectedCapacity);
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    /**
     * @param row a row index
     * @return the value, or {@code NaN} for a missing value (check {@link #isNull(int)} to tell them apart)
     */
    public double getDouble(int row) {
        checkRow(row);
        return nulls.get(row) ? Double.NaN : values[row];
    }

    @Override
    public Double get(int row) {
        return isNull(row) ? null : values[row];
    }

    @Override
    public String format(int row) {
        if (isNull(row)) {
            return "";
        }
        double v = values[row];
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        return Double.toString(v);
    }

    /** @return a copy of the values, with {@code NaN} where a value is missing */
    public double[] toArray() {
        double[] copy = Arrays.copyOf(values, size);
        for (int i = nulls.nextSetBit(0); i >= 0; i = nulls.nextSetBit(i + 1)) {
            copy[i] = Double.NaN;
        }
        return copy;
    }

    /** @return the values that are not null, in row order (this may include {@code NaN} values) */
    public DoubleStream nonNullValues() {
        if (nulls.isEmpty()) {
            return Arrays.stream(values, 0, size);
        }
        return java.util.stream.IntStream.range(0, size).filter(i -> !nulls.get(i)).mapToDouble(i -> values[i]);
    }

    /** @return the sum of the non-null values, 0 when there are none */
    public double sum() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            if (!nulls.get(i)) {
                sum += values[i];
            }
        }
        return sum;
    }

    /**
     * Applies a function to every non-null value; nulls stay null.
     *
     * @param function the function
     * @return a new column with the same name
     */
    public NumericColumn map(DoubleUnaryOperator function) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            if (!nulls.get(i)) {
                out[i] = function.applyAsDouble(values[i]);
            }
        }
        return new NumericColumn(name, out, (BitSet) nulls.clone(), size);
    }

    /**
     * @param replacement the value to put where a value is missing
     * @return a column without nulls
     */
    public NumericColumn fillNulls(double replacement) {
        if (nulls.isEmpty()) {
            return this;
        }
        double[] out = Arrays.copyOf(values, size);
        for (int i = nulls.nextSetBit(0); i >= 0; i = nulls.nextSetBit(i + 1)) {
            out[i] = replacement;
        }
        return new NumericColumn(name, out, new BitSet(), size);
    }

    @Override
    public NumericColumn rename(String newName) {
        return newName.equals(name) ? this : new NumericColumn(newName, values, nulls, size);
    }

    @Override
    public NumericColumn take(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[checkRow(rows[i])];
        }
        return new NumericColumn(name, out, Columns.takeBits(nulls, rows), rows.length);
    }

    @Override
    public NumericColumn concat(Column other) {
        Columns.checkSameType(this, other);
        NumericColumn o = (NumericColumn) other;
        double[] out = Arrays.copyOf(values, size + o.size);
        System.arraycopy(o.values, 0, out, size, o.size);
        return new NumericColumn(name, out, Columns.concatBits(nulls, size, o.nulls), size + o.size);
    }

    @Override
    public int compareRows(int a, int b) {
        int byNull = Columns.compareNulls(nulls.get(a), nulls.get(b));
        return byNull != 2 ? byNull : Double.compare(values[a], values[b]);
    }

    @Override
    public Object groupKey(int row) {
        return nulls.get(row) ? null : values[row] == 0.0 ? 0.0 : values[row]; // -0.0 and 0.0 group together
    }

    @Override
    public long estimatedBytes() {
        return 16L + 8L * values.length + Columns.bitsBytes(nulls);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NumericColumn other) || !name.equals(other.name) || size != other.size
                || !nulls.equals(other.nulls)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!nulls.get(i) && Double.compare(values[i], other.values[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Appends values one by one; not thread-safe. {@link #build()} may be called once. */
    public static final class Builder {
        private final String name;
        private double[] values;
        /** The null mask as {@link BitSet#valueOf(long[])} reads it; cheaper to set than a {@code BitSet}. */
        private long[] nullWords = new long[4];
        private int size;

        private Builder(String name, int expectedCapacity) {
            this.name = Columns.checkName(name);
            this.values = new double[Math.max(16, expectedCapacity)];
        }

        /**
         * @param value the next value
         * @return this builder
         */
        public Builder add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1) + 16);
            }
            values[size++] = value;
            return this;
        }

        /**
         * @param value the next value, or {@code null} for a missing value
         * @return this builder
         */
        public Builder add(Double value) {
            return value == null ? addNull() : add(value.doubleValue());
        }

        /** @return this builder, after appending a missing value */
        public Builder addNull() {
            int word = size >>> 6;
            if (word >= nullWords.length) {
                nullWords = Arrays.copyOf(nullWords, Math.max(word + 1, nullWords.length * 2));
            }
            nullWords[word] |= 1L << size;
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1) + 16);
            }
            // the slot is still 0.0 from the array's allocation: no store, which saves memory traffic in wide tables
            size++;
            return this;
        }

        /**
         * Appends a run of missing values at once, which is cheaper than as many {@link #addNull()} calls.
         *
         * @param count how many missing values to append, at least 0
         * @return this builder
         */
        public Builder addNulls(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, was " + count);
            }
            int end = Math.addExact(size, count);
            if (end > values.length) {
                values = Arrays.copyOf(values, Math.max(end, values.length + (values.length >> 1) + 16));
            }
            int lastWord = (end - 1) >>> 6;
            if (count > 0 && lastWord >= nullWords.length) {
                nullWords = Arrays.copyOf(nullWords, Math.max(lastWord + 1, nullWords.length * 2));
            }
            for (int bit = size; bit < end; ) {
                int word = bit >>> 6;
                int upTo = Math.min(end, (word + 1) << 6);
                long mask = upTo - bit == 64 ? -1L : ((1L << (upTo - bit)) - 1) << bit;
                nullWords[word] |= mask;
                bit = upTo;
            }
            size = end;
            return this;
        }

        /** @return the number of rows added so far */
        public int size() {
            return size;
        }

        /** @return the column */
        public NumericColumn build() {
            double[] exact = values.length == size ? values : Arrays.copyOf(values, size);
            values = null;
            return new NumericColumn(name, exact, BitSet.valueOf(nullWords), size);
        }
    }
}
