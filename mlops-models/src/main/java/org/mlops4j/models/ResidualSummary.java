package org.mlops4j.models;

/**
 * Statistics of a regression model's residuals ({@code actual - predicted}) over every evaluated row.
 *
 * @param rows   the rows
 * @param mean   the mean residual (bias: positive when the model predicts too low)
 * @param std    the residuals' population standard deviation
 * @param min    the smallest residual
 * @param q25    the first quartile (linear interpolation, as numpy's {@code percentile})
 * @param median the median residual
 * @param q75    the third quartile
 * @param max    the largest residual
 * @param mae    the mean absolute error
 * @param rmse   the root mean squared error
 * @param r2     the coefficient of determination (scikit-learn's {@code r2_score})
 */
public record ResidualSummary(int rows, double mean, double std, double min, double q25, double median, double q75,
        double max, double mae, double rmse, double r2) {
}
