package org.mlops4j.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The prediction for one input row, or the reason there is none.
 *
 * @param row           the row's index in the input table
 * @param label         the predicted class (classification; empty for regression and failed rows)
 * @param score         classification: the probability of the predicted class when the model has probabilities,
 *                      otherwise Tribuo's score for it (a vote share or margin), empty when the model gives none
 *                      (the majority-class baseline); regression: the predicted value
 * @param probabilities each class's probability (empty when the model has none)
 * @param error         why this row could not be predicted; the other rows are unaffected
 */
public record PredictedRow(int row, Optional<String> label, OptionalDouble score, Map<String, Double> probabilities,
        Optional<String> error) {

    /** Copies the probabilities. */
    public PredictedRow {
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    /** @return whether the row was predicted */
    public boolean ok() {
        return error.isEmpty();
    }

    static PredictedRow failed(int row, String error) {
        return new PredictedRow(row, Optional.empty(), OptionalDouble.empty(), Map.of(), Optional.of(error));
    }
}
