package org.mlops4j.core.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A column of points in time stored as epoch milliseconds (UTC) with a null mask. Local date-times without a zone,
 * such as {@code 2021-11-19 15:25:38}, are read as UTC. Immutable.
 */
public final class TimestampColumn extends MaskedColumn implements Column {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final long[] millis;

    private TimestampColumn(String name, long[] millis, BitSet nulls, int size) {
        super(name, nulls, size);
        this.millis = millis;
    }

    /**
     * @param name   the column's name
     * @param values the values, where {@code null} marks a missing value
     * @return a column holding the values
     */
    public static TimestampColumn of(String name, Instant... values) {
        Builder builder = builder(name, values.length);
        for (Instant value : values) {
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
        return ColumnType.TIMESTAMP;
    }

    /**
     * @param row a row index
     * @return epoch milliseconds, or {@link Long#MIN_VALUE} for a missing value
     */
    public long getEpochMillis(int row) {
        checkRow(row);
        return nulls.get(row) ? Long.MIN_VALUE : millis[row];
    }

    @Override
    public Instant get(int row) {
        return isNull(row) ? null : Instant.ofEpochMilli(millis[row]);
    }

    @Override
    public String format(int row) {
        if (isNull(row)) {
            return "";
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis[row], 1000L),
                (int) Math.floorMod(millis[row], 1000L) * 1_000_000, ZoneOffset.UTC);
        return time.getNano() == 0 ? FORMAT.format(time) : time.toString().replace('T', ' ');
    }

    @Override
    public TimestampColumn rename(String newName) {
        return newName.equals(name) ? this : new TimestampColumn(newName, millis, nulls, size);
    }

    @Override
    public TimestampColumn take(int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            checkRow(rows[i]);
            out[i] = millis[rows[i]];
        }
        return new TimestampColumn(name, out, Columns.takeBits(nulls, rows), rows.length);
    }

    @Override
    public TimestampColumn concat(Column other) {
        Columns.checkSameType(this, other);
        TimestampColumn o = (TimestampColumn) other;
        long[] out = Arrays.copyOf(millis, size + o.size);
        System.arraycopy(o.millis, 0, out, size, o.size);
        return new TimestampColumn(name, out, Columns.concatBits(nulls, size, o.nulls), size + o.size);
    }

    @Override
    public int compareRows(int a, int b) {
        int byNull = Columns.compareNulls(nulls.get(a), nulls.get(b));
        return byNull != 2 ? byNull : Long.compare(millis[a], millis[b]);
    }

    @Override
    public Object groupKey(int row) {
        return nulls.get(row) ? null : millis[row];
    }

    @Override
    public long estimatedBytes() {
        return 16L + 8L * millis.length + Columns.bitsBytes(nulls);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TimestampColumn other) || !name.equals(other.name) || size != other.size
                || !nulls.equals(other.nulls)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!nulls.get(i) && millis[i] != other.millis[i]) {
                return false;
            }
        }
        return true;
    }

    /** Appends values one by one; not thread-safe. */
    public static final class Builder {
        private final String name;
        private long[] millis;
        private final BitSet nulls = new BitSet();
        private int size;

        private Builder(String name, int expectedCapacity) {
            this.name = Columns.checkName(name);
            this.millis = new long[Math.max(16, expectedCapacity)];
        }

        /**
         * @param epochMillis the next value, in milliseconds since the epoch (UTC)
         * @return this builder
         */
        public Builder addEpochMillis(long epochMillis) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, millis.length + (millis.length >> 1) + 16);
            }
            millis[size++] = epochMillis;
            return this;
        }

        /**
         * @param value the next value, or {@code null} for a missing value
         * @return this builder
         */
        public Builder add(Instant value) {
            return value == null ? addNull() : addEpochMillis(value.toEpochMilli());
        }

        /**
         * @param value the next value, read as UTC, or {@code null} for a missing value
         * @return this builder
         */
        public Builder add(LocalDateTime value) {
            return value == null ? addNull() : add(value.toInstant(ZoneOffset.UTC));
        }

        /** @return this builder, after appending a missing value */
        public Builder addNull() {
            nulls.set(size);
            return addEpochMillis(0L);
        }

        /** @return the number of rows added so far */
        public int size() {
            return size;
        }

        /** @return the column */
        public TimestampColumn build() {
            return new TimestampColumn(name, Arrays.copyOf(millis, size), (BitSet) nulls.clone(), size);
        }
    }
}
