package org.mlops4j.models;

import java.util.List;

/**
 * The residuals of a regression model on labelled rows: statistics over every row, a residual histogram, and a
 * deterministic sample of (actual, predicted) pairs for a scatter plot.
 *
 * @param residuals         statistics of {@code actual - predicted} over every row
 * @param residualHistogram the residuals in {@value #HISTOGRAM_BINS} equal bins over their range
 * @param sampleActual      the actual values of the plotted rows
 * @param samplePredicted   the predicted values of the plotted rows
 */
public record RegressionEvaluation(ResidualSummary residuals, Histogram residualHistogram, List<Double> sampleActual,
        List<Double> samplePredicted) {

    /** The most rows in the (actual, predicted) sample. */
    public static final int MAX_PLOT_POINTS = 2000;
    /** The bins of the residual histogram. */
    public static final int HISTOGRAM_BINS = 20;

    /** Copies the lists. */
    public RegressionEvaluation {
        sampleActual = List.copyOf(sampleActual);
        samplePredicted = List.copyOf(samplePredicted);
    }

    /**
     * Computes the evaluation. With more than {@value #MAX_PLOT_POINTS} rows the plotted sample is the rows at
     * positions {@code floor(i n / 2000)} for {@code i = 0..1999} (evenly spread, the same on every call).
     *
     * @param actual    true values
     * @param predicted predicted values, as many
     * @return the evaluation
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static RegressionEvaluation compute(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("Expected as many predictions as actual values, found "
                    + predicted.length + " and " + actual.length);
        }
        int n = actual.length;
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = actual[i] - predicted[i];
        }
        int points = Math.min(n, MAX_PLOT_POINTS);
        double[] a = new double[points];
        double[] p = new double[points];
        for (int i = 0; i < points; i++) {
            int row = (int) ((long) i * n / points);
            a[i] = actual[row];
            p[i] = predicted[row];
        }
        return new RegressionEvaluation(ResidualStatistics.summarize(actual, predicted),
                Histograms.of("residual", residual, HISTOGRAM_BINS), DoubleLists.of(a), DoubleLists.of(p));
    }
}
