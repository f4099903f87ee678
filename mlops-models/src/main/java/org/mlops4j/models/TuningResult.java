package org.mlops4j.models;

import java.util.List;

/**
 * What {@link ModelingSetup#tuneModel} returns: every trial of the random search, the best one and its model.
 *
 * <p>Trial {@code key#0} is always the family's defaults, so tuning never returns a configuration that cross-validates
 * worse than {@link ModelingSetup#createModel(String)} (PyCaret's {@code choose_better=True}).
 *
 * @param family the family key
 * @param metric the metric optimised
 * @param trials every trial, best first
 * @param best   the best trial
 * @param model  the best trial's model trained on all training rows, with its holdout scores
 */
public record TuningResult(String family, EvaluationMetric metric, List<LeaderboardEntry> trials, LeaderboardEntry best,
        ModelResult model) {

    /** Copies the trials. */
    public TuningResult {
        trials = List.copyOf(trials);
    }
}
