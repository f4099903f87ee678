package org.mlops4j.models;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The scores of one candidate on one cross-validation fold.
 *
 * @param candidateId     the candidate's id within its comparison or tuning (the family key, or key#trial)
 * @param family          the family key
 * @param fold            the fold index from 0
 * @param metrics         each metric's value on the fold's validation rows; {@code NaN} where not available
 * @param trainingSeconds wall time spent training on the fold's training rows
 */
public record FoldResult(String candidateId, String family, int fold, Map<EvaluationMetric, Double> metrics,
        double trainingSeconds) {

    /** Copies the metrics. */
    public FoldResult {
        metrics = metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(metrics));
    }
}
