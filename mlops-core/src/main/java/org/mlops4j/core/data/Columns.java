package org.mlops4j.core.data;

import java.util.BitSet;
import java.util.Objects;
import org.mlops4j.core.MlopsException;

/** Checks and small pieces of storage logic that every column class shares. Package-private. */
final class Columns {

    private Columns() {
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A column name must not be blank");
        }
        return name;
    }

    static MlopsException wrongType(Column column, ColumnType expected) {
        return new MlopsException("Column '" + column.name() + "' is " + column.type().key() + ", not "
                + expected.key());
    }

    static void checkSameType(Column self, Column other) {
        if (self.type() != other.type()) {
            throw new IllegalArgumentException("Cannot concatenate " + other.type().key() + " column '" + other.name()
                    + "' to " + self.type().key() + " column '" + self.name() + "'");
        }
    }

    static BitSet takeBits(BitSet bits, int[] rows) {
        BitSet out = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) {
            if (bits.get(rows[i])) {
                out.set(i);
            }
        }
        return out;
    }

    static BitSet concatBits(BitSet first, int firstSize, BitSet second) {
        BitSet out = (BitSet) first.clone();
        for (int i = second.nextSetBit(0); i >= 0; i = second.nextSetBit(i + 1)) {
            out.set(firstSize + i);
        }
        return out;
    }

    /** Orders two rows by their null flags alone: null sorts last; 2 means "both present, compare values". */
    static int compareNulls(boolean aNull, boolean bNull) {
        if (aNull) {
            return bNull ? 0 : 1;
        }
        return bNull ? -1 : 2;
    }

    static long bitsBytes(BitSet bits) {
        return 16L + bits.size() / 8;
    }
}
