package org.mlops4j.drift.profile;

import java.util.Arrays;

/**
 * Exact counts of distinct numbers, up to a limit on how many distinct numbers there are; an open-addressing hash
 * table of primitive keys, so counting costs no allocation per value. {@code -0.0} is counted as {@code 0.0}.
 *
 * <p>Once a value would make the table hold more than its limit, {@link #add} returns {@code false} and the caller
 * switches to a sketch; the table's contents are then those before the refused value.
 *
 * <p>Package-private: not part of the API. Not thread-safe.
 */
final class ExactValueCounts {

    private static final long EMPTY = 0x7ff8dead_beefcafeL; // a NaN bit pattern that no counted value can have

    private final int limit;
    private long[] keys;
    private long[] counts;
    private int size;

    /** @param limit the most distinct values to hold */
    public ExactValueCounts(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.limit = limit;
        int capacity = Integer.highestOneBit(Math.max(8, Math.min(limit, 64)) * 2 - 1) * 2;
        this.keys = new long[capacity];
        this.counts = new long[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /**
     * @param value a number other than {@code NaN}
     * @param count how often it occurs, at least 1
     * @return {@code true} when counted; {@code false} when it is a new value and the table is full
     */
    public boolean add(double value, long count) {
        long key = Double.doubleToRawLongBits(value == 0.0 ? 0.0 : value);
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                counts[slot] += count;
                return true;
            }
            if (k == EMPTY) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        if (size == limit) {
            return false;
        }
        keys[slot] = key;
        counts[slot] = count;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return true;
    }

    /** @return the number of distinct values */
    public int size() {
        return size;
    }

    /** @return the most distinct values this table holds */
    public int limit() {
        return limit;
    }

    /** @return the distinct values in ascending order */
    public double[] sortedValues() {
        double[] out = new double[size];
        int j = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                out[j++] = Double.longBitsToDouble(key);
            }
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * @param value a number
     * @return how often it was counted
     */
    public long count(double value) {
        long key = Double.doubleToRawLongBits(value == 0.0 ? 0.0 : value);
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return counts[slot];
            }
            if (k == EMPTY) {
                return 0;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * @param other counts to add to these
     * @return {@code false} when the union would exceed the limit (these counts are then partly updated and must be
     *         discarded)
     */
    public boolean addAll(ExactValueCounts other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != EMPTY && !add(Double.longBitsToDouble(other.keys[i]), other.counts[i])) {
                return false;
            }
        }
        return true;
    }

    /** @return a copy that changes independently */
    public ExactValueCounts copy() {
        ExactValueCounts copy = new ExactValueCounts(limit);
        copy.keys = keys.clone();
        copy.counts = counts.clone();
        copy.size = size;
        return copy;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
