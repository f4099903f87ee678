package org.mlops4j.drift.profile;

import java.util.Arrays;

/**
 * A set of {@code long} values in an open-addressing table, without boxing. The value 0 is kept aside in a flag so
 * that 0 can mark free slots.
 *
 * <p>Package-private: not part of the API. Not thread-safe.
 */
final class LongHashSet {

    private long[] slots = new long[64];
    private int size;
    private boolean hasZero;

    /**
     * @param value a value
     * @return whether the value was new
     */
    public boolean add(long value) {
        if (value == 0) {
            if (hasZero) {
                return false;
            }
            hasZero = true;
            size++;
            return true;
        }
        int mask = slots.length - 1;
        int slot = ExactValueCounts.mix(value) & mask;
        while (slots[slot] != 0) {
            if (slots[slot] == value) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = value;
        size++;
        if (size * 4L > slots.length * 3L) {
            grow();
        }
        return true;
    }

    /** @return the number of values in the set */
    public int size() {
        return size;
    }

    /** @return the values, in no particular order */
    public long[] toArray() {
        long[] out = new long[size];
        int j = 0;
        if (hasZero) {
            out[j++] = 0;
        }
        for (long value : slots) {
            if (value != 0) {
                out[j++] = value;
            }
        }
        return out;
    }

    /** @return a copy that changes independently */
    public LongHashSet copy() {
        LongHashSet copy = new LongHashSet();
        copy.slots = slots.clone();
        copy.size = size;
        copy.hasZero = hasZero;
        return copy;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int slot = ExactValueCounts.mix(value) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = value;
            }
        }
        Arrays.fill(old, 0);
    }
}
