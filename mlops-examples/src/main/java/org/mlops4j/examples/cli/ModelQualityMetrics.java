package org.mlops4j.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.models.ClassificationMetrics;
import org.mlops4j.models.EvaluationMetric;
import org.mlops4j.models.RegressionMetrics;
import org.mlops4j.models.TaskType;

/**
 * The metrics of {@code model_quality} checks, computed by mlops-models: the classification metrics from the labels
 * of both columns (rows where either is missing are left out), {@code auc} from a numeric score column, the
 * regression metrics from two numeric columns. The positive class of a binary target is the one
 * {@code ModelingSetup} picks: the class named 1, true, yes, y, positive or pos (any case), else the second in sorted
 * order.
 */
final class ModelQualityMetrics implements org.mlops4j.drift.suite.QualityMetrics {

    private static final Set<String> POSITIVE_NAMES = Set.of("1", "true", "yes", "y", "positive", "pos");

    @Override
    public double compute(String metricName, Column actual, Column predicted) {
        EvaluationMetric metric = EvaluationMetric.parse(metricName);
        if (actual.size() != predicted.size()) {
            throw new ConfigurationException("Columns '" + actual.name() + "' and '" + predicted.name()
                    + "' differ in length");
        }
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < actual.size(); row++) {
            if (!actual.isNull(row) && !predicted.isNull(row)) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new ConfigurationException("No row has both '" + actual.name() + "' and '" + predicted.name()
                    + "'; a model quality check needs labelled rows");
        }
        if (metric.task() == TaskType.REGRESSION) {
            return RegressionMetrics.compute(numbers(actual, rows), numbers(predicted, rows)).get(metric);
        }
        List<String> classes = new ArrayList<>(labels(actual, rows));
        if (metric == EvaluationMetric.AUC) {
            return ClassificationMetrics.auc(codes(actual, rows, classes), positive(classes),
                    numbers(predicted, rows));
        }
        for (String label : labels(predicted, rows)) {
            if (!classes.contains(label)) {
                classes.add(label);
            }
        }
        classes.sort(null);
        int[] truth = codes(actual, rows, classes);
        int[] guesses = codes(predicted, rows, classes);
        Map<EvaluationMetric, Double> all = ClassificationMetrics.compute(Math.max(2, classes.size()),
                positive(classes), truth, guesses, new double[0][]);
        return all.get(metric);
    }

    private static Set<String> labels(Column column, List<Integer> rows) {
        Set<String> labels = new TreeSet<>();
        rows.forEach(row -> labels.add(column.format(row)));
        return labels;
    }

    private static int positive(List<String> classes) {
        for (int c = 0; c < classes.size(); c++) {
            if (POSITIVE_NAMES.contains(classes.get(c).toLowerCase(Locale.ROOT)) || classes.get(c).equals("1.0")) {
                return c;
            }
        }
        return Math.min(1, classes.size() - 1);
    }

    private static int[] codes(Column column, List<Integer> rows, List<String> classes) {
        int[] codes = new int[rows.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = classes.indexOf(column.format(rows.get(i)));
        }
        return codes;
    }

    private static double[] numbers(Column column, List<Integer> rows) {
        if (column.type() != ColumnType.NUMERIC) {
            throw new ConfigurationException("Column '" + column.name() + "' must be numeric for this metric; it is "
                    + column.type().key());
        }
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.asNumeric().getDouble(rows.get(i));
        }
        return values;
    }
}
