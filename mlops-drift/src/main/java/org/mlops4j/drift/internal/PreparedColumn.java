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
import org.mlops4j.core.spi.support.FewDistinctValues;
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

    /** Above this many distinct integer values a numeric column is inferred as numbers, not categories. */
    static final int INTEGER_CARDINALITY_LIMIT = 10;

    /**
     * Infers how a column is treated, as Evidently's {@code infer_column_type} does for the types a table can hold:
     * numbers are {@code num}, except integer-valued columns with at most 10 distinct values, which are {@code cat};
     * categorical, text and boolean columns are {@code cat}.
     *
     * @param reference the reference column
     * @param current   the current column
     * @return the type
     */
    public static ColumnType inferType(Column reference, Column current) {
        if (reference instanceof NumericColumn ref && current instanceof NumericColumn cur) {
            FewDistinctValues distinct = new FewDistinctValues(INTEGER_CARDINALITY_LIMIT);
            for (NumericColumn column : new NumericColumn[] {ref, cur}) {
                for (int i = 0; i < column.size(); i++) {
                    double v = column.getDouble(i);
                    if (Double.isFinite(v) && (v != Math.rint(v) || distinct.add(v + 0.0) < 0)) {
                        return ColumnType.NUMERIC;
                    }
                }
            }
            return ColumnType.CATEGORICAL;
        }
        return ColumnType.CATEGORICAL;
    }

    /**
     * Infers how a column is treated from its cleaned samples, with the same rule as
     * {@link #inferType(Column, Column)}; numeric samples whose values were counted while cleaning answer without
     * another pass.
     *
     * @param samples the cleaned samples
     * @return the type
     */
    public static ColumnType inferType(DriftSamples samples) {
        if (!samples.isNumeric() || !samples.hasMoreDistinctValuesThan(INTEGER_CARDINALITY_LIMIT)
                && wholeNumbers(samples.numericLevels())) {
            return ColumnType.CATEGORICAL;
        }
        return ColumnType.NUMERIC;
    }

    private static boolean wholeNumbers(double[] values) {
        for (double v : values) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Prepares a column whose type is inferred ({@link #inferType(DriftSamples)}) from the same pass that cleans it.
     *
     * @param reference the reference column
     * @param current   the current column, of the same type
     * @param seed      the seed for permutation tests
     * @return the prepared column
     * @throws DataException as {@link #of(Column, Column, ColumnType, long)}
     */
    public static PreparedColumn inferred(Column reference, Column current, long seed) {
        if (reference instanceof NumericColumn && current instanceof NumericColumn) {
            PreparedColumn prepared = of(reference, current, ColumnType.NUMERIC, seed);
            ColumnType type = inferType(prepared.samples());
            return new PreparedColumn(prepared.samples().withColumnType(type), prepared.referenceDropped(),
                    prepared.currentDropped());
        }
        return of(reference, current, ColumnType.CATEGORICAL, seed);
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
