package org.mlops4j.core.monitor;

import org.mlops4j.core.spi.support.FewDistinctValues;

/**
 * Counts how often each distinct value occurs in a reference and a current sample of numbers, in one pass over each,
 * as long as the values are few: whole numbers from 0 to {@value #SMALL} - 1 (flags, codes, tiers) are counted by
 * index, other values through a small hash table of at most {@value #OTHER_LIMIT} entries; beyond that the counts are
 * abandoned ({@link #overflowed()}). Optionally the same pass drops {@code NaN} and infinite values and turns
 * {@code -0.0} into {@code 0.0}, so that reading a column, cleaning it and counting its values touch each value once.
 * Not thread-safe; one instance per pair of samples.
 */
final class FewValueCounts {

    /** Whole numbers in {@code [0, SMALL)} are counted by index. */
    static final int SMALL = 64;
    /** The most distinct values outside {@code [0, SMALL)} that are counted. */
    static final int OTHER_LIMIT = 32;

    private final FewDistinctValues others = new FewDistinctValues(OTHER_LIMIT);
    /** Values are read in blocks of this many. */
    private static final int BLOCK = 4;

    /** Per sample, {@code BLOCK} tables of {@code SMALL} counters, one for each position in a block. */
    private final int[][] small = {new int[BLOCK * SMALL], new int[BLOCK * SMALL]};
    private final int[][] otherCounts = {new int[OTHER_LIMIT], new int[OTHER_LIMIT]};
    private boolean overflowed;

    /** The counts of both samples over their common distinct values. */
    record Counts(double[] values, int[] reference, int[] current) {
    }

    /**
     * Counts the values of a sample that holds only finite values without {@code -0.0}; stops early when there are
     * too many distinct values.
     *
     * @param values the sample
     * @param sample 0 for the reference, 1 for the current sample
     */
    void count(double[] values, int sample) {
        int[] counts = small[sample];
        for (int i = 0; i < values.length && !overflowed; i++) {
            double v = values[i];
            int k = (int) v;
            if (k == v && (k & -SMALL) == 0) {
                counts[(i & (BLOCK - 1)) * SMALL + k]++;
            } else {
                countOther(v, sample);
            }
        }
    }

    /**
     * Moves the finite values of a sample to its front, in order and with {@code -0.0} as {@code 0.0}, counting them
     * while they are few. Every value is visited even after the counts are abandoned.
     *
     * @param values the sample; overwritten
     * @param sample 0 for the reference, 1 for the current sample
     * @return how many values are finite (they now fill {@code values[0, n)})
     */
    int compactAndCount(double[] values, int sample) {
        int[] counts = small[sample];
        int n = 0;
        int i = 0;
        int blocks = values.length & -BLOCK;
        // Blocks of four values that are all whole numbers in [0, SMALL) (the usual case for flags and codes) are
        // counted with one test and four independent increments, one table each; others go value by value.
        for (; i < blocks; i += BLOCK) {
            double v0 = values[i];
            double v1 = values[i + 1];
            double v2 = values[i + 2];
            double v3 = values[i + 3];
            int k0 = (int) v0;
            int k1 = (int) v1;
            int k2 = (int) v2;
            int k3 = (int) v3;
            long signs = Double.doubleToRawLongBits(v0) | Double.doubleToRawLongBits(v1)
                    | Double.doubleToRawLongBits(v2) | Double.doubleToRawLongBits(v3);
            // no sign bit (so no -0.0, no negative), whole, below SMALL; NaN and infinities fail k == v
            if (signs >= 0 && (k0 | k1 | k2 | k3) < SMALL && k0 == v0 && k1 == v1 && k2 == v2 && k3 == v3) {
                counts[k0]++;
                counts[SMALL + k1]++;
                counts[2 * SMALL + k2]++;
                counts[3 * SMALL + k3]++;
                if (n != i) {
                    values[n] = v0;
                    values[n + 1] = v1;
                    values[n + 2] = v2;
                    values[n + 3] = v3;
                }
                n += BLOCK;
            } else {
                for (int j = i; j < i + BLOCK; j++) {
                    n = compactAndCountOne(values, j, n, sample);
                }
            }
        }
        for (; i < values.length; i++) {
            n = compactAndCountOne(values, i, n, sample);
        }
        return n;
    }

    private int compactAndCountOne(double[] values, int i, int n, int sample) {
        double v = values[i];
        if (!Double.isFinite(v)) {
            return n;
        }
        v += 0.0;
        values[n] = v;
        int k = (int) v;
        if (k == v && (k & -SMALL) == 0) {
            small[sample][(i & (BLOCK - 1)) * SMALL + k]++;
        } else if (!overflowed) {
            countOther(v, sample);
        }
        return n + 1;
    }

    private void countOther(double v, int sample) {
        int code = others.add(v);
        if (code < 0) {
            overflowed = true;
        } else {
            otherCounts[sample][code]++;
        }
    }

    /** @return whether there were too many distinct values to count */
    boolean overflowed() {
        return overflowed;
    }

    /** @return the distinct values of both samples in ascending order, with each sample's count of each */
    Counts counts() {
        if (overflowed) {
            throw new IllegalStateException("Too many distinct values were seen to count them");
        }
        double[] otherValues = others.sortedValues();
        int[] ranks = others.ranks();
        int[] rankToCode = new int[ranks.length];
        for (int code = 0; code < ranks.length; code++) {
            rankToCode[ranks[code]] = code;
        }
        int smallUsed = 0;
        for (int k = 0; k < SMALL; k++) {
            smallUsed += smallCount(0, k) + smallCount(1, k) > 0 ? 1 : 0;
        }
        int n = smallUsed + otherValues.length;
        double[] values = new double[n];
        int[] ref = new int[n];
        int[] cur = new int[n];
        // others below 0 come first, then the small whole numbers, then the others above them
        int o = 0;
        int level = 0;
        while (o < otherValues.length && otherValues[o] < 0) {
            level = putOther(values, ref, cur, level, otherValues[o], rankToCode[o++]);
        }
        for (int k = 0; k < SMALL; k++) {
            int r = smallCount(0, k);
            int c = smallCount(1, k);
            while (o < otherValues.length && otherValues[o] < k) {
                level = putOther(values, ref, cur, level, otherValues[o], rankToCode[o++]);
            }
            if (r + c > 0) {
                values[level] = k;
                ref[level] = r;
                cur[level++] = c;
            }
        }
        while (o < otherValues.length) {
            level = putOther(values, ref, cur, level, otherValues[o], rankToCode[o++]);
        }
        return new Counts(values, ref, cur);
    }

    private int putOther(double[] values, int[] ref, int[] cur, int level, double value, int code) {
        values[level] = value;
        ref[level] = otherCounts[0][code];
        cur[level] = otherCounts[1][code];
        return level + 1;
    }

    private int smallCount(int sample, int k) {
        int sum = 0;
        for (int table = 0; table < BLOCK; table++) {
            sum += small[sample][table * SMALL + k];
        }
        return sum;
    }
}
