package org.mlops4j.drift.internal;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.data.TimestampColumn;
import org.mlops4j.core.monitor.DriftSamples;

/**
 * One column of the reference and current tables made ready for testing: missing, NaN and infinite values dropped
 * and counted, the column type decided, the samples built.
 *
 * <p>This class is internal and is hence not for public use.
 *
 * @param samples          the cleaned samples
 * @param referenceDropped reference rows dropped
 * @param currentDropped   current rows dropped
 */
public record PreparedColumn(DriftSamples samples, int referenceDropped, int currentDropped) {

    /**
     * Infers how a column is treated, as Evidently types a feature by its data type: numbers are {@code num}, however
     * few distinct values they hold (the number of distinct values only chooses the default test); categorical, text
     * and boolean columns are {@code cat}. Users who want integer codes compared as categories set the type.
     *
     * @param reference the reference column
     * @param current   the current column
     * @return the type
     */
    public static ColumnType inferType(Column reference, Column current) {
        return reference instanceof NumericColumn && current instanceof NumericColumn
                ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
    }

    /**
     * Prepares a column whose type is inferred ({@link #inferType(Column, Column)}).
     *
     * @param reference the reference column
     * @param current   the current column, of the same type
     * @param seed      the seed for permutation tests
     * @return the prepared column
     * @throws DataException as {@link #of(Column, Column, ColumnType, long)}
     */
    public static PreparedColumn inferred(Column reference, Column current, long seed) {
        return of(reference, current, inferType(reference, current), seed);
    }

    /**
     * @param reference the reference column
     * @param current   the current column, of the same type
     * @param type      how the column is treated
     * @param seed      the seed for permutation tests
     * @return the prepared column
     * @throws DataException when the columns' types differ, a timestamp column is asked for, a text column is treated
     *                       as numbers, or a sample is empty after dropping
     */
    public static PreparedColumn of(Column reference, Column current, ColumnType type, long seed) {
        String name = reference.name();
        if (reference.type() != current.type()) {
            throw new DataException("Cannot compare a " + reference.type().key() + " reference column with a "
                    + current.type().key() + " current column; give both tables the same column types", null, 0, name,
                    null);
        }
        if (reference instanceof TimestampColumn) {
            throw new DataException("Drift tests do not run on timestamp columns; leave the column out or convert it"
                    + " to numbers", null, 0, name, null);
        }
        if (reference instanceof NumericColumn ref) {
            DriftSamples samples = DriftSamples.numeric(type, ref, (NumericColumn) current, seed);
            return new PreparedColumn(samples, ref.size() - samples.referenceSize(),
                    current.size() - samples.currentSize());
        }
        if (type == ColumnType.NUMERIC) {
            throw new DataException("A " + reference.type().key() + " column cannot be tested as numbers; treat it as"
                    + " cat or convert it to a numeric column", null, 0, name, null);
        }
        if (reference instanceof CategoricalColumn ref && current instanceof CategoricalColumn cur) {
            return ofCodes(name, ref, cur, seed);
        }
        List<String> r = labels(reference);
        List<String> c = labels(current);
        return new PreparedColumn(DriftSamples.categorical(name, r, c, seed), reference.size() - r.size(),
                current.size() - c.size());
    }

    /** Categorical columns straight from their codes: the current levels are mapped onto the reference's. */
    private static PreparedColumn ofCodes(String name, CategoricalColumn ref, CategoricalColumn cur, long seed) {
        List<String> labels = new ArrayList<>(ref.levels());
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        int[] recode = new int[cur.levels().size()];
        for (int i = 0; i < recode.length; i++) {
            String level = cur.levels().get(i);
            Integer code = index.get(level);
            if (code == null) {
                code = labels.size();
                index.put(level, code);
                labels.add(level);
            }
            recode[i] = code;
        }
        int[] refCodes = nonNullCodes(ref, null);
        int[] curCodes = nonNullCodes(cur, recode);
        return new PreparedColumn(DriftSamples.categorical(name, labels, refCodes, curCodes, seed),
                ref.size() - refCodes.length, cur.size() - curCodes.length);
    }

    private static int[] nonNullCodes(CategoricalColumn column, int[] recode) {
        int[] out = new int[column.size() - column.nullCount()];
        int n = 0;
        for (int i = 0; i < column.size(); i++) {
            int code = column.code(i);
            if (code >= 0) {
                out[n++] = recode == null ? code : recode[code];
            }
        }
        return out;
    }

    private static List<String> labels(Column column) {
        List<String> out = new ArrayList<>(column.size());
        for (int i = 0; i < column.size(); i++) {
            if (column.isNull(i)) {
                continue;
            }
            if (column instanceof CategoricalColumn c) {
                out.add(c.getString(i));
            } else if (column instanceof TextColumn t) {
                out.add(t.getString(i));
            } else if (column instanceof BooleanColumn b) {
                out.add(Boolean.toString(b.getBoolean(i)));
            } else {
                out.add(column.format(i));
            }
        }
        return out;
    }
}
