package org.mlops4j.core.data;

import java.util.BitSet;

/**
 * What the columns with a primitive store and a null mask (numbers, booleans, timestamps) share: the name, the row
 * count, the mask and the row checks. Package-private; the columns themselves are the API.
 */
abstract class MaskedColumn {

    final String name;
    final BitSet nulls;
    final int size;

    MaskedColumn(String name, BitSet nulls, int size) {
        this.name = Columns.checkName(name);
        this.nulls = nulls;
        this.size = size;
    }

    /** @return the column's name, never blank */
    public String name() {
        return name;
    }

    /** @return the number of rows */
    public int size() {
        return size;
    }

    /**
     * @param row a row index from 0 to {@code size() - 1}
     * @return whether the value in this row is null (missing)
     */
    public boolean isNull(int row) {
        checkRow(row);
        return nulls.get(row);
    }

    /** @return how many rows hold null */
    public int nullCount() {
        return nulls.cardinality();
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + size;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + size + " rows, " + nullCount() + " null]";
    }

    final int checkRow(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("Row " + row + " is outside column '" + name + "' of " + size + " rows");
        }
        return row;
    }
}
