package org.mlops4j.drift.profile;

import java.util.List;
import java.util.Optional;
import org.mlops4j.core.data.ColumnType;

/**
 * The drift of one column between a reference profile and a current profile.
 *
 * @param column         the column's name
 * @param type           its type
 * @param referenceCount the reference's values used (finite values for numeric columns, non-missing otherwise)
 * @param currentCount   the current data's values used
 * @param scores         every score computed (KS, PSI, Jensen-Shannon, Wasserstein for numeric columns; PSI and
 *                       Jensen-Shannon for the others); empty when either side has no values
 * @param ks             the KS statistic with its bound and p-value interval, for numeric columns with values
 * @param defaultMethod  the score that decides whether the column drifted, chosen as Evidently chooses its default
 *                       test (see {@link ProfileDrift})
 */
public record ColumnProfileDrift(String column, ColumnType type, long referenceCount, long currentCount,
                                 List<DriftScore> scores, Optional<KsEstimate> ks, String defaultMethod) {

    /** Copies the scores. */
    public ColumnProfileDrift {
        scores = List.copyOf(scores);
    }

    /**
     * @param method {@code "ks"}, {@code "psi"}, {@code "jensenshannon"} or {@code "wasserstein"}
     * @return that score, if computed
     */
    public Optional<DriftScore> score(String method) {
        return scores.stream().filter(s -> s.method().equals(method)).findFirst();
    }

    /** @return the score of the {@link #defaultMethod()}, if computed */
    public Optional<DriftScore> defaultScore() {
        return score(defaultMethod);
    }

    /** @return whether the default score says the column drifted (false when nothing could be computed) */
    public boolean drifted() {
        return defaultScore().map(DriftScore::drifted).orElse(false);
    }
}
