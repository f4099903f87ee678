package org.mlops4j.core.monitor;

import java.util.Arrays;

/**
 * Sorts large arrays of finite doubles with a least-significant-digit radix sort (six passes of 11 bits over the
 * bits of each value mapped to an order-preserving unsigned integer; passes in which every value has the same digit
 * are skipped, so integer-valued data costs two or three passes). Small arrays use {@link Arrays#sort(double[])}.
 * The result equals {@code Arrays.sort} for finite values without {@code -0.0}.
 */
final class DoubleSorting {

    /** Below this length the JDK's sort is as fast. */
    static final int RADIX_THRESHOLD = 1 << 14;

    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;
    private static final int PASSES = 6;

    private DoubleSorting() {
    }

    /**
     * Sorts in place, ascending.
     *
     * @param values finite values, none {@code -0.0} (callers normalise it to {@code 0.0})
     */
    public static void sort(double[] values) {
        int n = values.length;
        if (n < RADIX_THRESHOLD) {
            Arrays.sort(values);
            return;
        }
        long[] keys = new long[n];
        int[] counts = new int[PASSES * RADIX];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            long key = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            keys[i] = key;
            counts[(int) (key & MASK)]++;
            counts[RADIX + (int) ((key >>> BITS) & MASK)]++;
            counts[2 * RADIX + (int) ((key >>> (2 * BITS)) & MASK)]++;
            counts[3 * RADIX + (int) ((key >>> (3 * BITS)) & MASK)]++;
            counts[4 * RADIX + (int) ((key >>> (4 * BITS)) & MASK)]++;
            counts[5 * RADIX + (int) (key >>> (5 * BITS))]++;
        }
        long[] source = keys;
        long[] target = null;
        for (int pass = 0; pass < PASSES; pass++) {
            int base = pass * RADIX;
            if (allInOneBucket(counts, base, n)) {
                continue;
            }
            int sum = 0;
            for (int b = base; b < base + RADIX; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            if (target == null) {
                target = new long[n];
            }
            int shift = pass * BITS;
            for (int i = 0; i < n; i++) {
                long key = source[i];
                target[counts[base + (int) ((key >>> shift) & MASK)]++] = key;
            }
            long[] swap = source;
            source = target;
            target = swap;
        }
        for (int i = 0; i < n; i++) {
            long key = source[i];
            values[i] = Double.longBitsToDouble(key ^ ((~key >> 63) | Long.MIN_VALUE));
        }
    }

    private static boolean allInOneBucket(int[] counts, int base, int n) {
        for (int b = base; b < base + RADIX; b++) {
            if (counts[b] != 0) {
                return counts[b] == n;
            }
        }
        return false;
    }
}
