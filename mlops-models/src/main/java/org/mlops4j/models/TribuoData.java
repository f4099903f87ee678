package org.mlops4j.models;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.DataException;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Turns encoded rows into Tribuo examples and datasets.
 */
final class TribuoData {

    private static final LabelFactory LABELS = new LabelFactory();
    private static final RegressionFactory REGRESSORS = new RegressionFactory();

    private TribuoData() {
    }

    /**
     * @param rows     encoded training rows; a row that failed to encode fails the call
     * @param labels   each row's label
     * @param weights  each row's weight, or an empty array for weight 1
     * @param origin   a short description for the dataset's provenance
     * @return a classification dataset
     */
    public static MutableDataset<Label> classification(EncodedRows rows, String[] labels, float[] weights,
            String origin) {
        List<Label> outputs = new ArrayList<>(labels.length);
        java.util.Map<String, Label> cache = new java.util.HashMap<>();
        for (String label : labels) {
            outputs.add(cache.computeIfAbsent(label, Label::new));
        }
        return dataset(rows, outputs, weights, LABELS, origin);
    }

    /**
     * @param rows      encoded training rows; a row that failed to encode fails the call
     * @param dimension the target's name
     * @param values    each row's target value
     * @param weights   each row's weight, or an empty array for weight 1
     * @param origin    a short description for the dataset's provenance
     * @return a regression dataset
     */
    public static MutableDataset<Regressor> regression(EncodedRows rows, String dimension, double[] values,
            float[] weights, String origin) {
        List<Regressor> outputs = new ArrayList<>(values.length);
        for (double v : values) {
            outputs.add(new Regressor(dimension, v));
        }
        return dataset(rows, outputs, weights, REGRESSORS, origin);
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(EncodedRows rows, List<T> outputs,
            float[] weights, OutputFactory<T> factory, String origin) {
        MutableDataset<T> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(origin, factory), factory);
        List<Example<T>> examples = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            rows.error(row).ifPresent(error -> {
                throw new DataException("Training row cannot be encoded: " + error, origin, row + 1, null, null);
            });
            ArrayExample<T> example = new ArrayExample<>(outputs.get(i), rows.featureNames(i), rows.values(i));
            if (weights.length > 0) {
                example.setWeight(weights[i]);
            }
            examples.add(example);
        }
        dataset.addAll(examples);
        return dataset;
    }

    /**
     * @param rows          encoded rows
     * @param row           the row
     * @param unknownOutput the output placeholder for unlabelled rows
     * @param <T>           the output type
     * @return an example for prediction
     */
    public static <T extends Output<T>> Example<T> example(EncodedRows rows, int row, T unknownOutput) {
        return new ArrayExample<>(unknownOutput, rows.featureNames(row), rows.values(row));
    }

    /**
     * Whether a classifier's output scores are class probabilities: Tribuo says so for most models, and a CART tree's
     * scores are its leaf's class frequencies (scikit-learn's {@code predict_proba} for a tree) although Tribuo does not
     * flag them as probabilities.
     *
     * @param model a classification model
     * @return whether its scores can be read as probabilities
     */
    public static boolean hasProbabilities(org.tribuo.Model<?> model) {
        return model.generatesProbabilities() || model instanceof org.tribuo.common.tree.TreeModel<?>;
    }

    /** @return the label placeholder for unlabelled rows */
    public static Label unknownLabel() {
        return LabelFactory.UNKNOWN_LABEL;
    }

    /** @return the regression placeholder for unlabelled rows */
    public static Regressor unknownRegressor() {
        return RegressionFactory.UNKNOWN_REGRESSOR;
    }
}
