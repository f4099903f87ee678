package org.mlops4j.drift.profile;

import java.util.OptionalDouble;

/**
 * One drift score computed from two profiles.
 *
 * @param method     {@code "ks"} (a p-value), {@code "psi"}, {@code "jensenshannon"} or {@code "wasserstein"}
 *                   (normed by the reference's population standard deviation, at least 0.001, as Evidently)
 * @param value      the score
 * @param errorBound a bound on {@code |value - exact value|} where one is proven (99% confidence, from the KLL rank
 *                   error); empty where the error was measured but not bounded (PSI, Jensen-Shannon from sketches)
 * @param threshold  the threshold the value is compared with
 * @param drifted    whether the value crosses the threshold (KS: {@code p <= threshold}; others:
 *                   {@code value >= threshold})
 * @param exact      whether the value is exact (both profiles small or low-cardinality enough to be exact)
 */
public record DriftScore(String method, double value, OptionalDouble errorBound, double threshold, boolean drifted,
                         boolean exact) {
}
