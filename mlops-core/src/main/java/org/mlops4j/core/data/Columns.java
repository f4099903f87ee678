package org.mlops4j.core.data;

import java.util.BitSet;
import java.util.Objects;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.internal.DecimalText;

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

    /**
     * The error for a column of another type than asked for. When numbers were asked of a text or categorical
     * column, it names the first value that is not a number and its 1-based row, so that the bad value, not just the
     * column, can be found and fixed.
     */
    static DataException wrongType(Column column, ColumnType expected) {
        String problem = "Column '" + column.name() + "' is " + column.type().key() + ", not " + expected.key();
        if (expected == ColumnType.NUMERIC
                && (column.type() == ColumnType.TEXT || column.type() == ColumnType.CATEGORICAL)) {
            DecimalText decimal = new DecimalText(); // the numbers the CSV reader and schema validation accept
            for (int row = 0; row < column.size(); row++) {
                String value = (String) column.get(row);
                if (value != null && !decimal.parse(value.strip())) {
                    return DataException.atRow(problem + ": this value is not a number; fix it, or drop its row",
                            null, row + 1L, column.name(), value, null);
                }
            }
        }
        return new DataException(problem, null, 0, column.name(), null);
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
