package org.mlops4j.models.internal.linear;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A line search for the strong Wolfe conditions (Nocedal and Wright, Numerical Optimization, algorithms 3.5 and
 * 3.6): from {@code x} along a descent direction {@code d}, a step {@code a} with
 * {@code f(x + a d) <= f(x) + c1 a g'd} (sufficient decrease, Armijo) and {@code |g(x + a d)'d| <= c2 |g'd|}
 * (curvature). The step grows (doubling) until it brackets such a point, which cubic interpolation then narrows down.
 * After {@link #MAX_EVALUATIONS} evaluations the best point found that satisfies the sufficient decrease condition
 * is accepted, as long as there is one. Not thread-safe (it keeps its trial buffers).
 */
final class WolfeLineSearch {

    /** The most function evaluations per search, as scipy's L-BFGS-B default {@code maxls}. */
    static final int MAX_EVALUATIONS = 20;
    /** The sufficient decrease constant. */
    static final double C1 = 1e-4;
    /** The curvature constant, the usual one for quasi-Newton methods. */
    static final double C2 = 0.9;

    private final DifferentiableFunction function;
    private final double[] trial;
    private double[] trialGradient;
    private double[] lowGradient;
    private double[] lowPoint;
    private int evaluations;

    /** @param function the function searched along lines */
    WolfeLineSearch(DifferentiableFunction function) {
        this.function = function;
        int n = function.dimension();
        this.trial = new double[n];
        this.trialGradient = new double[n];
        this.lowGradient = new double[n];
        this.lowPoint = new double[n];
    }

    /**
     * Searches along {@code direction} and, on success, moves {@code x} to the accepted point.
     *
     * @param x         the start point; replaced by the accepted point on success
     * @param value     the value at {@code x}
     * @param gradient  the gradient at {@code x}; replaced by the gradient at the accepted point on success
     * @param direction a descent direction ({@code gradient'direction < 0})
     * @param firstStep the first step tried, positive
     * @return the value at the accepted point, or {@code NaN} when no point with sufficient decrease was found
     *         ({@code x} and {@code gradient} are then unchanged)
     */
    double search(double[] x, double value, double[] gradient, double[] direction, double firstStep) {
        double slope0 = dot(gradient, direction);
        double previousStep = 0;
        double previousValue = value;
        double previousSlope = slope0;
        double step = firstStep;
        for (int i = 0; i < MAX_EVALUATIONS; i++) {
            double phi = evaluate(x, direction, step);
            double slope = dot(trialGradient, direction);
            if (!Double.isFinite(phi)) { // overflow far along the line: step back
                step = previousStep + 0.1 * (step - previousStep);
                continue;
            }
            if (phi > value + C1 * step * slope0 || (i > 0 && phi >= previousValue)) {
                return zoom(x, value, gradient, direction, slope0, previousStep, previousValue, previousSlope,
                        step, phi, slope, i + 1);
            }
            if (Math.abs(slope) <= -C2 * slope0) {
                return accept(x, gradient, phi, trial, trialGradient);
            }
            if (slope >= 0) {
                keepLow(phi);
                return zoom(x, value, gradient, direction, slope0, step, phi, slope, previousStep, previousValue,
                        previousSlope, i + 1);
            }
            keepLow(phi);
            previousStep = step;
            previousValue = phi;
            previousSlope = slope;
            step *= 2;
        }
        return previousStep > 0 ? accept(x, gradient, previousValue, lowPoint, lowGradient) : Double.NaN;
    }

    /** @return the number of function evaluations so far */
    int evaluations() {
        return evaluations;
    }

    private double zoom(double[] x, double value, double[] gradient, double[] direction, double slope0,
            double low, double lowValue, double lowSlope, double high, double highValue, double highSlope, int used) {
        for (int i = used; i < MAX_EVALUATIONS; i++) {
            double step = cubicMinimum(low, lowValue, lowSlope, high, highValue, highSlope);
            double width = Math.abs(high - low);
            double lo = Math.min(low, high);
            double hi = Math.max(low, high);
            if (width <= 1e-16 * hi) { // the bracket cannot shrink any further
                break;
            }
            if (!(step >= lo + 0.1 * width && step <= hi - 0.1 * width)) {
                step = 0.5 * (low + high);
            }
            double phi = evaluate(x, direction, step);
            double slope = dot(trialGradient, direction);
            if (!Double.isFinite(phi) || phi > value + C1 * step * slope0 || phi >= lowValue) {
                high = step;
                highValue = Double.isFinite(phi) ? phi : Double.MAX_VALUE;
                highSlope = Double.isFinite(slope) ? slope : 0;
            } else {
                if (Math.abs(slope) <= -C2 * slope0) {
                    return accept(x, gradient, phi, trial, trialGradient);
                }
                if (slope * (high - low) >= 0) {
                    high = low;
                    highValue = lowValue;
                    highSlope = lowSlope;
                }
                low = step;
                lowValue = phi;
                lowSlope = slope;
                keepLow(phi);
            }
        }
        return low > 0 ? accept(x, gradient, lowValue, lowPoint, lowGradient) : Double.NaN;
    }

    /** The minimiser of the cubic through both points' values and slopes, or NaN when it has none. */
    private static double cubicMinimum(double a, double fa, double ga, double b, double fb, double gb) {
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double square = d1 * d1 - ga * gb;
        if (!(square >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(square);
        return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    }

    private double evaluate(double[] x, double[] direction, double step) {
        for (int j = 0; j < x.length; j++) {
            trial[j] = x[j] + step * direction[j];
        }
        evaluations++;
        return function.valueAndGradient(trial, trialGradient);
    }

    /** Keeps the last trial as the best point with sufficient decrease so far. */
    private void keepLow(double phi) {
        System.arraycopy(trial, 0, lowPoint, 0, trial.length);
        double[] swap = lowGradient;
        lowGradient = trialGradient;
        trialGradient = swap;
    }

    private static double accept(double[] x, double[] gradient, double phi, double[] point, double[] pointGradient) {
        System.arraycopy(point, 0, x, 0, x.length);
        System.arraycopy(pointGradient, 0, gradient, 0, gradient.length);
        return phi;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
