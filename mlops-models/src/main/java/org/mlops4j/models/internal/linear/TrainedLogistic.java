package org.mlops4j.models.internal.linear;

import org.tribuo.classification.sgd.linear.LinearSGDModel;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>What a {@link LogisticRegressionTrainer} trains.
 *
 * @param model      the genuine Tribuo model
 * @param compact    the same weights in compact form, for fast scoring
 * @param iterations   the L-BFGS steps taken
 * @param gradientNorm the max-norm of the objective's gradient at the fitted weights (on the scale of
 *                     {@code sum_i w_i * loss_i + 0.5 / C * ||coef||^2}, scikit-learn's)
 * @param converged    whether a convergence test stopped L-BFGS (not the iteration limit nor a failed line search)
 */
public record TrainedLogistic(LinearSGDModel model, LinearScorer compact, int iterations, double gradientNorm,
        boolean converged) {
}
