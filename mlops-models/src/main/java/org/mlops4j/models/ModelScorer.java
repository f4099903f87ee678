package org.mlops4j.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.internal.CompactScorer;
import org.mlops4j.models.internal.SparseRows;
import org.mlops4j.models.internal.tree.TreeEnsemble;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Scores a trained model on labelled rows: predicts them through the compact form of the model when it has one,
 * otherwise through {@link TribuoPredictions} as the {@link org.mlops4j.models.Predictor} does, and computes the
 * task's metrics. Rows the model cannot score (a row that fails to encode, such as one with an infinite number) are
 * left out of the predictions and the metrics.
 */
final class ModelScorer {

    /**
     * Raw predictions on labelled rows, for metrics and for exporting.
     *
     * @param actualClass     true class index per row (classification)
     * @param predictedClass  predicted class index per row (classification)
     * @param probabilities   per-row class probabilities, or an empty array when the model has none
     * @param actualValue     true value per row (regression)
     * @param predictedValue  predicted value per row (regression)
     */
    public record Scored(int[] actualClass, int[] predictedClass, double[][] probabilities, double[] actualValue,
            double[] predictedValue) {
    }

    private ModelScorer() {
    }

    /**
     * @param model   the model
     * @param encoder its encoder
     * @param scaling its family's scaling
     * @param target  the target
     * @param rows    labelled rows
     * @return the raw predictions
     */
    public static Scored predict(Model<?> model, FeatureEncoder encoder, Scaling scaling, TargetSpec target,
            Table rows) {
        return predict(model, Optional.empty(), encoder, scaling, target, rows);
    }

    /**
     * Predicts through the compact form of a model when there is one (the same predictions without building a Tribuo
     * example, a sparse vector and a prediction per row), through Tribuo otherwise.
     *
     * @param model   the model
     * @param compact the model in compact form, if it has one
     * @param encoder its encoder
     * @param scaling its family's scaling
     * @param target  the target
     * @param rows    labelled rows
     * @return the raw predictions
     */
    @SuppressWarnings("unchecked")
    public static Scored predict(Model<?> model, Optional<CompactScorer> compact, FeatureEncoder encoder,
            Scaling scaling, TargetSpec target, Table rows) {
        EncodedRows encoded = encoder.encode(rows, scaling);
        if (compact.isPresent()) {
            return predictCompact(model, compact.get(), encoded, target, rows);
        }
        if (target.task() == TaskType.CLASSIFICATION) {
            TribuoPredictions<Label> predictions = TribuoPredictions.of((Model<Label>) model, encoded,
                    TribuoData.unknownLabel());
            int[] rowsPredicted = predictions.predictedRows();
            Map<String, Integer> index = target.classIndex();
            int k = target.classLabels().size();
            int[] predicted = new int[rowsPredicted.length];
            boolean probabilistic = TribuoData.hasProbabilities(model);
            double[][] probabilities = probabilistic ? new double[rowsPredicted.length][] : new double[0][];
            for (int i = 0; i < predicted.length; i++) {
                Prediction<Label> p = predictions.prediction(rowsPredicted[i]);
                predicted[i] = index.getOrDefault(p.getOutput().getLabel(), 0);
                if (probabilistic) {
                    probabilities[i] = probabilities(p, index, k);
                }
            }
            return new Scored(select(target.classIndices(rows), rowsPredicted), predicted, probabilities,
                    new double[0], new double[0]);
        }
        TribuoPredictions<Regressor> predictions = TribuoPredictions.of((Model<Regressor>) model, encoded,
                TribuoData.unknownRegressor());
        int[] rowsPredicted = predictions.predictedRows();
        double[] predicted = new double[rowsPredicted.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = predictions.prediction(rowsPredicted[i]).getOutput().getValues()[0];
        }
        return new Scored(new int[0], new int[0], new double[0][], select(target.values(rows), rowsPredicted),
                predicted);
    }

    /** The values of the rows that were predicted: rows the model could not score are left out of the metrics. */
    private static int[] select(int[] values, int[] rows) {
        if (rows.length == values.length) {
            return values;
        }
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static double[] select(double[] values, int[] rows) {
        if (rows.length == values.length) {
            return values;
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static Scored predictCompact(Model<?> model, CompactScorer scorer, EncodedRows encoded,
            TargetSpec target, Table rows) {
        double[][] predicted = scorer.predict(sparse(encoded));
        if (target.task() == TaskType.CLASSIFICATION) {
            Map<String, Integer> index = target.classIndex();
            int k = target.classLabels().size();
            int[] toTarget = new int[scorer.width()];
            ImmutableOutputInfo<?> outputs = model.getOutputIDInfo();
            for (int c = 0; c < toTarget.length; c++) {
                toTarget[c] = index.getOrDefault(((Label) outputs.getOutput(c)).getLabel(), -1);
            }
            int[] predictedClass = new int[predicted.length];
            double[][] probabilities = new double[predicted.length][];
            for (int i = 0; i < predicted.length; i++) {
                int best = toTarget[TreeEnsemble.argmax(predicted[i])];
                predictedClass[i] = Math.max(best, 0);
                double[] p = new double[k];
                for (int c = 0; c < toTarget.length; c++) {
                    if (toTarget[c] >= 0) {
                        p[toTarget[c]] = predicted[i][c];
                    }
                }
                probabilities[i] = p;
            }
            return new Scored(target.classIndices(rows), predictedClass, probabilities, new double[0], new double[0]);
        }
        double[] values = new double[predicted.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = predicted[i][0];
        }
        return new Scored(new int[0], new int[0], new double[0][], target.values(rows), values);
    }

    /**
     * @param scored raw predictions
     * @param target the target
     * @return the task's metrics ({@code NaN} where not available)
     */
    public static Map<EvaluationMetric, Double> metrics(Scored scored, TargetSpec target) {
        if (target.task() == TaskType.CLASSIFICATION) {
            return ClassificationMetrics.compute(target.classLabels().size(), target.positiveIndex(),
                    scored.actualClass(), scored.predictedClass(), scored.probabilities());
        }
        return RegressionMetrics.compute(scored.actualValue(), scored.predictedValue());
    }

    /**
     * @param prediction a prediction of a probabilistic model
     * @param index      class label to index
     * @param k          the number of classes
     * @return the probability of each class (0 for classes the model did not see)
     */
    public static double[] probabilities(Prediction<Label> prediction, Map<String, Integer> index, int k) {
        double[] out = new double[k];
        for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
            Integer c = index.get(e.getKey());
            if (c != null) {
                out[c] = e.getValue().getScore();
            }
        }
        return out;
    }

    /** The view of encoded rows that a compact scorer reads. */
    private static SparseRows sparse(EncodedRows rows) {
        return new SparseRows() {
            @Override
            public int size() {
                return rows.size();
            }

            @Override
            public String[] featureNames(int row) {
                return rows.featureNames(row);
            }

            @Override
            public double[] values(int row) {
                return rows.values(row);
            }
        };
    }
}
