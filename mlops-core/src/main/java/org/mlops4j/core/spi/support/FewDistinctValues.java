package org.mlops4j.core.spi.support;

import java.util.Arrays;

/**
 * Numbers each distinct finite double in order of first appearance, up to a small limit, with an open-addressing
 * hash table: one well-predicted probe per value, so that columns of codes or flags are coded in a single pass
 * without sorting them. Drift tests and profilers use it to code low-cardinality numeric columns. Not thread-safe.
 */
public final class FewDistinctValues {

    /** A NaN bit pattern: never the bits of a finite value, so it marks an empty slot. */
    private static final long EMPTY = 0x7ff8_0000_0000_0badL;

    private final int limit;
    private final long[] keys;
    private final int[] codes;
    private final double[] values;
    private final int mask;
    private final int shift;
    private int size;

    /** @param limit the most distinct values to number (at least 1) */
    public FewDistinctValues(int limit) {
        this.limit = limit;
        int capacity = Integer.highestOneBit(Math.max(2, limit) * 4 - 1) << 1;
        this.keys = new long[capacity];
        this.codes = new int[capacity];
        this.values = new double[limit];
        this.mask = capacity - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
        Arrays.fill(keys, EMPTY);
    }

    /**
     * @param value a finite value, not {@code -0.0} (callers normalise it to {@code 0.0})
     * @return its number, from 0 in order of first appearance; -1 when it is new and the limit is reached
     */
    public int add(double value) {
        long bits = Double.doubleToRawLongBits(value);
        // the high bits of a Fibonacci hash: small integers differ only in their top bits, which the product spreads
        int slot = (int) ((bits * 0x9E37_79B9_7F4A_7C15L) >>> shift);
        while (true) {
            long key = keys[slot];
            if (key == bits) {
                return codes[slot];
            }
            if (key == EMPTY) {
                if (size == limit) {
                    return -1;
                }
                keys[slot] = bits;
                codes[slot] = size;
                values[size] = value;
                return size++;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** @return how many distinct values were numbered */
    public int size() {
        return size;
    }

    /** @return the distinct values in ascending order */
    public double[] sortedValues() {
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted;
    }

    /** @return for each number given by {@link #add(double)}, the rank of its value among {@link #sortedValues()} */
    public int[] ranks() {
        double[] sorted = sortedValues();
        int[] ranks = new int[size];
        for (int code = 0; code < size; code++) {
            ranks[code] = Arrays.binarySearch(sorted, values[code]);
        }
        return ranks;
    }
}
