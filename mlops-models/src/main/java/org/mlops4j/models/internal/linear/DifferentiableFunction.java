package org.mlops4j.models.internal.linear;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A smooth function of a parameter vector, evaluated with its gradient in one call (they share most of the work).
 */
interface DifferentiableFunction {

    /** @return the number of parameters */
    int dimension();

    /**
     * @param x        the parameters (not modified)
     * @param gradient receives the gradient at {@code x}
     * @return the value at {@code x}
     */
    double valueAndGradient(double[] x, double[] gradient);
}
