package org.mlops4j.core.monitor;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a model answered for one served row, as the {@link ServingLog} captures it: the prediction and its score, or
 * why there is none. The row's input values are the matching row of {@link ServedBatch#inputs()}.
 *
 * @param prediction the predicted label (a class); empty when the row failed, or for a model that predicts no label
 *                   (regression), whose value is the score
 * @param score      the score logged with the prediction (for a classifier, the probability of the positive class);
 *                   empty when the model gives none or the row failed
 * @param error      why the row could not be scored; empty when it was
 */
public record ServedRow(Optional<String> prediction, OptionalDouble score, Optional<String> error) {

    /**
     * Checks that nothing is {@code null} and that a failed row has neither prediction nor score.
     *
     * @throws IllegalArgumentException when a row with an error also has a prediction or a score
     */
    public ServedRow {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(error, "error");
        if (error.isPresent() && (prediction.isPresent() || score.isPresent())) {
            throw new IllegalArgumentException("A row that failed (" + error.get() + ") has no prediction or score,"
                    + " but got " + prediction + " and " + score);
        }
    }

    /**
     * @param prediction the predicted label
     * @param score      its score; not a finite number for none
     * @return a scored row
     */
    public static ServedRow predicted(String prediction, double score) {
        return new ServedRow(Optional.of(prediction),
                Double.isFinite(score) ? OptionalDouble.of(score) : OptionalDouble.empty(), Optional.empty());
    }

    /**
     * @param error why the row could not be scored
     * @return a failed row
     */
    public static ServedRow failed(String error) {
        return new ServedRow(Optional.empty(), OptionalDouble.empty(), Optional.of(error));
    }

    /** @return whether the row was scored */
    public boolean ok() {
        return error.isEmpty();
    }
}
