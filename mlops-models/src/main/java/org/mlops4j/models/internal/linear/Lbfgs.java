package org.mlops4j.models.internal.linear;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4 and 7.5): the search direction is
 * the inverse Hessian approximation of the last {@link #MEMORY} steps applied to the gradient (two-loop recursion,
 * initial scaling {@code s'y / y'y}), the step a {@link WolfeLineSearch}. The first step, and any after the memory is
 * reset, is along the steepest descent with length {@code 1 / ||g||}, as scipy's L-BFGS-B.
 *
 * <p>Stopping rules, those of scipy's L-BFGS-B as scikit-learn 1.2 calls it: the gradient's max-norm at most
 * {@code gradientTolerance} (scipy's {@code gtol}, scikit-learn's {@code tol}); or the relative decrease of the last
 * step {@code (f_old - f) / max(|f_old|, |f|, 1)} at most {@code relativeDecreaseTolerance} (scipy's {@code ftol});
 * or {@code maxIterations} steps. When a line search fails the memory is dropped and the search is tried again along
 * the steepest descent; if that fails too, minimisation stops there. Not thread-safe.
 */
final class Lbfgs {

    /** The number of steps remembered, as scipy's default {@code maxcor}. */
    static final int MEMORY = 10;

    /** Why minimisation stopped. */
    enum Stop {
        /** The gradient's max-norm reached the tolerance. */
        GRADIENT,
        /** A step decreased the value by less than the relative tolerance. */
        RELATIVE_DECREASE,
        /** The iteration limit was reached first. */
        MAX_ITERATIONS,
        /** No step along the steepest descent decreased the value enough (rounding noise at the optimum). */
        LINE_SEARCH
    }

    /**
     * The outcome.
     *
     * @param x               the last point
     * @param value           the value there
     * @param gradientNorm    the max-norm of the gradient there
     * @param iterations      the steps taken
     * @param evaluations     the function evaluations made
     * @param stop            why it stopped
     */
    record Result(double[] x, double value, double gradientNorm, int iterations, int evaluations, Stop stop) {

        /** @return whether a convergence test stopped it (not the iteration limit nor a failed line search) */
        boolean converged() {
            return stop == Stop.GRADIENT || stop == Stop.RELATIVE_DECREASE;
        }
    }

    private final int maxIterations;
    private final double gradientTolerance;
    private final double relativeDecreaseTolerance;

    /**
     * @param maxIterations             the most steps
     * @param gradientTolerance         stop when the gradient's max-norm is at most this
     * @param relativeDecreaseTolerance stop when a step's relative decrease is at most this (0: never)
     */
    Lbfgs(int maxIterations, double gradientTolerance, double relativeDecreaseTolerance) {
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.relativeDecreaseTolerance = relativeDecreaseTolerance;
    }

    /**
     * @param function the function to minimise
     * @param start    the start point (not modified)
     * @return the outcome
     */
    Result minimize(DifferentiableFunction function, double[] start) {
        int n = function.dimension();
        double[] x = start.clone();
        double[] g = new double[n];
        double value = function.valueAndGradient(x, g);
        WolfeLineSearch lineSearch = new WolfeLineSearch(function);
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        double[] direction = new double[n];
        double[] previousX = new double[n];
        double[] previousG = new double[n];
        int stored = 0;
        int newest = -1;
        int iterations = 0;
        while (true) {
            if (maxNorm(g) <= gradientTolerance) {
                return result(x, value, g, iterations, lineSearch, Stop.GRADIENT);
            }
            if (iterations >= maxIterations) {
                return result(x, value, g, iterations, lineSearch, Stop.MAX_ITERATIONS);
            }
            double firstStep = 1.0;
            if (stored > 0) {
                twoLoop(g, s, y, rho, alpha, stored, newest, direction);
            }
            if (stored == 0 || WolfeLineSearch.dot(g, direction) >= 0) {
                stored = 0;
                for (int j = 0; j < n; j++) {
                    direction[j] = -g[j];
                }
                firstStep = 1.0 / Math.sqrt(WolfeLineSearch.dot(g, g));
            }
            System.arraycopy(x, 0, previousX, 0, n);
            System.arraycopy(g, 0, previousG, 0, n);
            double previousValue = value;
            double next = lineSearch.search(x, value, g, direction, firstStep);
            if (Double.isNaN(next)) {
                if (stored == 0) {
                    return result(x, value, g, iterations, lineSearch, Stop.LINE_SEARCH);
                }
                stored = 0; // try again along the steepest descent
                continue;
            }
            value = next;
            iterations++;
            int slot = (newest + 1) % MEMORY;
            double sy = 0;
            double yy = 0;
            for (int j = 0; j < n; j++) {
                s[slot][j] = x[j] - previousX[j];
                y[slot][j] = g[j] - previousG[j];
                sy += s[slot][j] * y[slot][j];
                yy += y[slot][j] * y[slot][j];
            }
            if (sy > 1e-10 * yy) { // keeps the approximation positive definite
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, MEMORY);
            } else {
                stored = Math.min(stored, MEMORY - 1); // the slot written held the oldest step
            }
            double scale = Math.max(Math.max(Math.abs(previousValue), Math.abs(value)), 1.0);
            if (previousValue - value <= relativeDecreaseTolerance * scale && maxNorm(g) > gradientTolerance) {
                return result(x, value, g, iterations, lineSearch, Stop.RELATIVE_DECREASE);
            }
        }
    }

    /** direction = -H g, H the inverse Hessian approximation of the stored steps. */
    private static void twoLoop(double[] g, double[][] s, double[][] y, double[] rho, double[] alpha, int stored,
            int newest, double[] direction) {
        int n = g.length;
        for (int j = 0; j < n; j++) {
            direction[j] = -g[j];
        }
        int m = s.length;
        for (int i = 0; i < stored; i++) {
            int slot = Math.floorMod(newest - i, m);
            alpha[slot] = rho[slot] * WolfeLineSearch.dot(s[slot], direction);
            double a = alpha[slot];
            double[] ys = y[slot];
            for (int j = 0; j < n; j++) {
                direction[j] -= a * ys[j];
            }
        }
        double gamma = 1.0 / (rho[newest] * WolfeLineSearch.dot(y[newest], y[newest]));
        for (int j = 0; j < n; j++) {
            direction[j] *= gamma;
        }
        for (int i = stored - 1; i >= 0; i--) {
            int slot = Math.floorMod(newest - i, m);
            double beta = rho[slot] * WolfeLineSearch.dot(y[slot], direction);
            double a = alpha[slot] - beta;
            double[] ss = s[slot];
            for (int j = 0; j < n; j++) {
                direction[j] += a * ss[j];
            }
        }
    }

    private static Result result(double[] x, double value, double[] g, int iterations, WolfeLineSearch lineSearch,
            Stop stop) {
        return new Result(x, value, maxNorm(g), iterations, lineSearch.evaluations() + 1, stop);
    }

    static double maxNorm(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }
}
