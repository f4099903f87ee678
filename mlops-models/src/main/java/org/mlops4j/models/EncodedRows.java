package org.mlops4j.models;

import java.util.List;
import java.util.Optional;

/**
 * Rows turned into sparse features by a {@link FeatureEncoder}: for each row, the names and values of its non-absent
 * features, or the reason it could not be encoded; and, per input column, how many values had to be imputed.
 * Immutable once made; the arrays are not copied on access, so callers must not change them.
 */
public final class EncodedRows {

    private final String[][] names;
    private final double[][] values;
    private final String[] errors;
    private final List<ColumnImputation> imputation;

    EncodedRows(String[][] names, double[][] values, String[] errors, List<ColumnImputation> imputation) {
        this.names = names;
        this.values = values;
        this.errors = errors;
        this.imputation = List.copyOf(imputation);
    }

    /**
     * @return per input column, in the encoder's order, how many missing values and unseen levels the rows held
     *         (imputed, or under strict mode failing their rows)
     */
    public List<ColumnImputation> imputation() {
        return imputation;
    }

    /** @return the number of rows */
    public int size() {
        return names.length;
    }

    /**
     * @param row a row index
     * @return the row's feature names (not to be modified); empty when the row failed
     */
    public String[] featureNames(int row) {
        return names[row] == null ? new String[0] : names[row];
    }

    /**
     * @param row a row index
     * @return the row's feature values, parallel to {@link #featureNames(int)} (not to be modified)
     */
    public double[] values(int row) {
        return values[row] == null ? new double[0] : values[row];
    }

    /**
     * @param row a row index
     * @return why the row could not be encoded, if it could not
     */
    public Optional<String> error(int row) {
        return Optional.ofNullable(errors[row]);
    }
}
