package org.mlops4j.drift.profile;

/**
 * The two-sample Kolmogorov-Smirnov statistic from two profiles, with its error and p-value interval.
 *
 * <p>The statistic is the largest gap between the two profiles' CDFs, evaluated at every point either sketch keeps
 * (as DataSketches' own KS test does). Each KLL sketch's CDF is within its normalised rank error {@code e} of the
 * true one (99% confidence), so the true D lies within {@code D +- (e1 + e2)}. The p-value is scipy's asymptotic
 * {@code kstwo.sf(D, round(n m / (n + m)))}; {@code pValueLow} and {@code pValueHigh} are that p-value at the ends
 * of the statistic's interval.
 *
 * @param statistic  the estimated D
 * @param errorBound {@code e1 + e2}, 0 when both profiles are exact
 * @param pValue     the p-value at the estimated D
 * @param pValueLow  the p-value at {@code D + errorBound}
 * @param pValueHigh the p-value at {@code D - errorBound}
 */
public record KsEstimate(double statistic, double errorBound, double pValue, double pValueLow, double pValueHigh) {
}
