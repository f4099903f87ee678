package org.mlops4j.models;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/**
 * The target column and how its values become Tribuo outputs: class labels (as text, in a fixed order, with one
 * positive class for binary tasks) or numbers.
 *
 * @param column        the target column's name
 * @param task          classification or regression
 * @param classLabels   the class labels in index order (empty for regression)
 * @param positiveIndex the positive class's index (binary), or 0
 */
record TargetSpec(String column, TaskType task, List<String> classLabels, int positiveIndex) {

    /** Copies the labels. */
    public TargetSpec {
        classLabels = List.copyOf(classLabels);
    }

    /**
     * @param column a target column
     * @param row    a row
     * @return the row's value as a class label: integral numbers without a fraction ({@code "1"}), booleans as
     *         {@code "true"}/{@code "false"}, text as it is; {@code null} for a missing value
     */
    public static String labelOf(Column column, int row) {
        if (column.isNull(row)) {
            return null;
        }
        if (column instanceof NumericColumn numeric) {
            double v = numeric.getDouble(row);
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        if (column instanceof BooleanColumn bool) {
            return Boolean.toString(bool.getBoolean(row));
        }
        return column.get(row).toString();
    }

    /**
     * @param table labelled rows
     * @return each row's label
     * @throws DataException naming the row when a label is missing
     */
    public String[] labels(Table table) {
        Column target = table.column(column);
        String[] out = new String[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labelOf(target, i);
            if (out[i] == null) {
                throw new DataException("Target value is missing; drop or fill such rows before modelling", null,
                        i + 1, column, null);
            }
        }
        return out;
    }

    /**
     * @param table labelled rows
     * @return each row's class index
     * @throws DataException naming the row and value when a label is missing or not a known class
     */
    public int[] classIndices(Table table) {
        Map<String, Integer> index = classIndex();
        String[] labels = labels(table);
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            Integer c = index.get(labels[i]);
            if (c == null) {
                throw new DataException("Target value is not one of the classes " + classLabels, null, i + 1,
                        column, labels[i]);
            }
            out[i] = c;
        }
        return out;
    }

    /** @return class label to index */
    public Map<String, Integer> classIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classLabels.size(); i++) {
            index.put(classLabels.get(i), i);
        }
        return index;
    }

    /**
     * @param table labelled rows
     * @return each row's target number
     * @throws DataException naming the row when a value is missing or not finite
     */
    public double[] values(Table table) {
        NumericColumn target = table.column(column).asNumeric();
        double[] out = new double[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = target.getDouble(i);
            if (!Double.isFinite(out[i])) {
                throw new DataException("Target value is missing or not finite", null, i + 1, column,
                        target.format(i));
            }
        }
        return out;
    }
}
