package org.mlops4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tables and curves of a classifier on labelled rows, as PyCaret's {@code plot_model} shows them and
 * scikit-learn computes them.
 *
 * <p>Always present: the confusion matrix and the classification report. For models with probabilities: for two
 * classes, the ROC curve of the positive class, the precision-recall curve, the calibration curve (10 bins), the
 * histograms of the positive class's probability per true class (10 bins on [0, 1]) and the gains table by decile;
 * for more classes, one-vs-rest ROC curves per class. A curve that needs both positive and negative rows is absent
 * when the rows have only one of them (a single true class), never {@code NaN}; models without probabilities have no
 * curves.
 *
 * @param labels          the class labels in index order
 * @param positiveLabel   the positive class of a binary task
 * @param confusionMatrix row counts indexed {@code [actual class][predicted class]}, in label order
 * @param classReport     precision, recall, F1 and support per class, in label order
 * @param macroAverage    the unweighted mean of the per-class lines
 * @param weightedAverage the support-weighted mean of the per-class lines
 * @param accuracy        the share of rows predicted correctly
 * @param rocCurves       the positive class's ROC curve (binary) or one per class against the rest (multiclass)
 * @param precisionRecall the positive class's precision-recall curve (binary)
 * @param calibration     the positive class's calibration curve (binary)
 * @param scoreHistograms the positive class's probability per true class (binary), labelled by true class
 * @param gains           cumulative gains and lift by decile of the positive class's probability (binary)
 */
public record ClassificationEvaluation(List<String> labels, Optional<String> positiveLabel,
        List<List<Long>> confusionMatrix, List<ClassReport> classReport, ClassReport macroAverage,
        ClassReport weightedAverage, double accuracy, List<RocCurve> rocCurves,
        Optional<PrecisionRecallCurve> precisionRecall, Optional<CalibrationCurve> calibration,
        List<Histogram> scoreHistograms, List<GainsDecile> gains) {

    /** The bins of the calibration curve and of the score histograms. */
    public static final int BINS = 10;

    /** Copies the collections. */
    public ClassificationEvaluation {
        labels = List.copyOf(labels);
        confusionMatrix = confusionMatrix.stream().map(List::copyOf).toList();
        classReport = List.copyOf(classReport);
        rocCurves = List.copyOf(rocCurves);
        scoreHistograms = List.copyOf(scoreHistograms);
        gains = List.copyOf(gains);
    }

    /**
     * Computes every table and curve from predictions.
     *
     * @param labels        the class labels in index order, at least two
     * @param positiveClass the positive class's index (used for two classes)
     * @param actual        each row's true class index
     * @param predicted     each row's predicted class index
     * @param probabilities each row's probability per class ({@code [row][class]}), or an empty array for a model
     *                      without probabilities
     * @return the evaluation
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static ClassificationEvaluation compute(List<String> labels, int positiveClass, int[] actual,
            int[] predicted, double[][] probabilities) {
        if (actual.length != predicted.length || (probabilities.length != 0 && probabilities.length != actual.length)) {
            throw new IllegalArgumentException("Expected as many predictions and probability rows as labels, found "
                    + actual.length + " labels, " + predicted.length + " predictions, " + probabilities.length
                    + " probability rows");
        }
        int k = labels.size();
        long[][] confusion = ClassificationMetrics.confusion(k, actual, predicted);
        List<ClassReport> report = ClassReports.perClass(labels, confusion);
        long correct = 0;
        for (int c = 0; c < k; c++) {
            correct += confusion[c][c];
        }
        boolean binary = k == 2;
        List<RocCurve> roc = new ArrayList<>();
        Optional<PrecisionRecallCurve> pr = Optional.empty();
        Optional<CalibrationCurve> calibration = Optional.empty();
        List<Histogram> histograms = new ArrayList<>();
        List<GainsDecile> gains = List.of();
        if (probabilities.length > 0) {
            for (int c = 0; c < k; c++) {
                if (binary && c != positiveClass) {
                    continue;
                }
                boolean[] positive = isClass(actual, c);
                double[] score = column(probabilities, c);
                if (BinaryCurves.bothClassesPresent(positive, score)) {
                    roc.add(BinaryCurves.roc(labels.get(c), positive, score));
                    if (binary) {
                        pr = Optional.of(BinaryCurves.precisionRecall(labels.get(c), positive, score));
                        calibration = Optional.of(Calibration.curve(positive, score, BINS));
                        gains = Gains.byDecile(positive, score);
                    }
                }
                if (binary) {
                    for (int t = 0; t < k; t++) {
                        final int cls = t;
                        double[] ofClass = java.util.stream.IntStream.range(0, actual.length)
                                .filter(i -> actual[i] == cls).mapToDouble(i -> score[i]).toArray();
                        if (ofClass.length > 0) {
                            histograms.add(Histograms.of(labels.get(t), ofClass, BINS, 0.0, 1.0));
                        }
                    }
                }
            }
        }
        return new ClassificationEvaluation(labels,
                binary ? Optional.of(labels.get(positiveClass)) : Optional.empty(), toLists(confusion), report,
                ClassReports.average(report, false), ClassReports.average(report, true),
                actual.length == 0 ? Double.NaN : (double) correct / actual.length, roc, pr, calibration, histograms,
                gains);
    }

    private static boolean[] isClass(int[] actual, int c) {
        boolean[] out = new boolean[actual.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = actual[i] == c;
        }
        return out;
    }

    private static double[] column(double[][] probabilities, int c) {
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i][c];
        }
        return out;
    }

    private static List<List<Long>> toLists(long[][] confusion) {
        return Arrays.stream(confusion).map(row -> Arrays.stream(row).boxed().toList()).toList();
    }
}
