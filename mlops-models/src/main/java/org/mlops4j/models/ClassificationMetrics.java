package org.mlops4j.models;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Classification scores computed from predictions, defined exactly as scikit-learn defines them (see {@link EvaluationMetric}).
 *
 * <p>Classes are given as indices {@code 0..classCount-1}. For two classes, precision, recall and F1 are those of the
 * positive class; for more, they are averaged over classes weighted by their number of true rows. Every method is a
 * pure function of its arguments and safe to call from several threads.
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /**
     * Every classification metric at once.
     *
     * @param classCount    the number of classes, at least 2
     * @param positiveClass the positive class's index (used when {@code classCount == 2})
     * @param actual        the true class of each row
     * @param predicted     the predicted class of each row
     * @param probabilities each row's probability per class ({@code probabilities[row][class]}); an empty array when
     *                      the model has no probabilities, which makes AUC {@code NaN}
     * @return each metric of {@link EvaluationMetric#forTask(TaskType) CLASSIFICATION}; {@code NaN} where undefined
     */
    public static Map<EvaluationMetric, Double> compute(int classCount, int positiveClass, int[] actual, int[] predicted,
            double[][] probabilities) {
        check(actual.length == predicted.length, "actual and predicted differ in length");
        long[][] confusion = confusion(classCount, actual, predicted);
        Map<EvaluationMetric, Double> out = new EnumMap<>(EvaluationMetric.class);
        out.put(EvaluationMetric.ACCURACY, accuracy(confusion));
        out.put(EvaluationMetric.AUC, probabilities.length == 0 ? Double.NaN
                : classCount == 2 ? auc(actual, positiveClass, column(probabilities, positiveClass))
                : weightedOneVsRestAuc(classCount, actual, probabilities));
        double[] precision = new double[classCount];
        double[] recall = new double[classCount];
        double[] f1 = new double[classCount];
        for (int c = 0; c < classCount; c++) {
            long tp = confusion[c][c];
            long predictedC = 0;
            long actualC = 0;
            for (int k = 0; k < classCount; k++) {
                predictedC += confusion[k][c];
                actualC += confusion[c][k];
            }
            precision[c] = predictedC == 0 ? 0.0 : (double) tp / predictedC;
            recall[c] = actualC == 0 ? 0.0 : (double) tp / actualC;
            f1[c] = precision[c] + recall[c] == 0 ? 0.0
                    : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
        }
        if (classCount == 2) {
            out.put(EvaluationMetric.RECALL, recall[positiveClass]);
            out.put(EvaluationMetric.PRECISION, precision[positiveClass]);
            out.put(EvaluationMetric.F1, f1[positiveClass]);
        } else {
            long[] support = rowSums(confusion);
            out.put(EvaluationMetric.RECALL, weighted(recall, support));
            out.put(EvaluationMetric.PRECISION, weighted(precision, support));
            out.put(EvaluationMetric.F1, weighted(f1, support));
        }
        out.put(EvaluationMetric.KAPPA, kappa(confusion));
        out.put(EvaluationMetric.MCC, mcc(confusion));
        return out;
    }

    /**
     * @param classCount the number of classes
     * @param actual     true classes
     * @param predicted  predicted classes
     * @return counts indexed {@code [actual][predicted]}
     */
    public static long[][] confusion(int classCount, int[] actual, int[] predicted) {
        long[][] confusion = new long[classCount][classCount];
        for (int i = 0; i < actual.length; i++) {
            confusion[actual[i]][predicted[i]]++;
        }
        return confusion;
    }

    /**
     * Area under the ROC curve by the rank-sum (Mann-Whitney) formula with tied scores given their average rank,
     * which equals scikit-learn's {@code roc_auc_score} for binary labels.
     *
     * @param actual        true classes
     * @param positiveClass the class counted as positive
     * @param scores        a score per row, higher meaning more likely positive
     * @return the AUC, or {@code NaN} when only one class occurs in {@code actual}
     */
    public static double auc(int[] actual, int positiveClass, double[] scores) {
        check(actual.length == scores.length, "actual and scores differ in length");
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j + 2) / 2.0; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (actual[order[k]] == positiveClass) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static double weightedOneVsRestAuc(int classCount, int[] actual, double[][] probabilities) {
        double total = 0;
        long rows = 0;
        for (int c = 0; c < classCount; c++) {
            final int cls = c;
            long support = Arrays.stream(actual).filter(a -> a == cls).count();
            if (support == 0) {
                continue;
            }
            double auc = auc(actual, c, column(probabilities, c));
            if (Double.isNaN(auc)) {
                return Double.NaN;
            }
            total += auc * support;
            rows += support;
        }
        return total / rows;
    }

    private static double accuracy(long[][] confusion) {
        long correct = 0;
        long all = 0;
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion.length; p++) {
                all += confusion[a][p];
                if (a == p) {
                    correct += confusion[a][p];
                }
            }
        }
        return all == 0 ? Double.NaN : (double) correct / all;
    }

    private static double kappa(long[][] confusion) {
        long[] actual = rowSums(confusion);
        long[] predicted = columnSums(confusion);
        double n = Arrays.stream(actual).sum();
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < confusion.length; c++) {
            observed += confusion[c][c] / n;
            expected += (actual[c] / n) * (predicted[c] / n);
        }
        return expected == 1.0 ? Double.NaN : (observed - expected) / (1 - expected);
    }

    private static double mcc(long[][] confusion) {
        long[] t = rowSums(confusion);
        long[] p = columnSums(confusion);
        double s = Arrays.stream(t).sum();
        double c = 0;
        double tp = 0;
        double pp = 0;
        double tt = 0;
        for (int k = 0; k < confusion.length; k++) {
            c += confusion[k][k];
            tp += (double) t[k] * p[k];
            pp += (double) p[k] * p[k];
            tt += (double) t[k] * t[k];
        }
        double covYtYp = c * s - tp;
        double covYpYp = s * s - pp;
        double covYtYt = s * s - tt;
        double denominator = Math.sqrt(covYtYt * covYpYp);
        return denominator == 0 ? 0.0 : covYtYp / denominator;
    }

    private static double weighted(double[] perClass, long[] support) {
        double total = 0;
        long n = 0;
        for (int c = 0; c < perClass.length; c++) {
            total += perClass[c] * support[c];
            n += support[c];
        }
        return n == 0 ? 0.0 : total / n;
    }

    private static long[] rowSums(long[][] m) {
        long[] out = new long[m.length];
        for (int a = 0; a < m.length; a++) {
            for (int p = 0; p < m.length; p++) {
                out[a] += m[a][p];
            }
        }
        return out;
    }

    private static long[] columnSums(long[][] m) {
        long[] out = new long[m.length];
        for (long[] row : m) {
            for (int p = 0; p < m.length; p++) {
                out[p] += row[p];
            }
        }
        return out;
    }

    private static double[] column(double[][] m, int c) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][c];
        }
        return out;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
