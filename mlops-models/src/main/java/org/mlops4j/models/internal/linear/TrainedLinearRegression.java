package org.mlops4j.models.internal.linear;

import org.tribuo.regression.sgd.linear.LinearSGDModel;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>What a {@link LinearRegressionTrainer} trains.
 *
 * @param model   the genuine Tribuo model
 * @param compact the same weights in compact form, for fast scoring
 * @param method  how the normal equations were solved (Cholesky, or the minimum-norm SVD for rank-deficient designs)
 * @param rank    the number of independent directions the solution uses
 */
public record TrainedLinearRegression(LinearSGDModel model, LinearRegressionScorer compact, LeastSquares.Method method,
        int rank) {
}
