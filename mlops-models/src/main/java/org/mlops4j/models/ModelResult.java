package org.mlops4j.models;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What {@link ModelingSetup#createModel} returns: the candidate's cross-validation, the model trained on the whole
 * training split, and its scores on the held-out test split.
 *
 * @param crossValidation the per-fold and summarised scores
 * @param model           the model trained on all training rows with the same parameters
 * @param holdout         its metrics on the test split (empty when the setup keeps no test rows)
 */
public record ModelResult(LeaderboardEntry crossValidation, TrainedModel model, Map<EvaluationMetric, Double> holdout) {

    /** Copies the holdout metrics. */
    public ModelResult {
        holdout = holdout.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(holdout));
    }

    /** @return the family key */
    public String family() {
        return crossValidation.family();
    }
}
