package org.mlops4j.models;

/**
 * How a {@link Predictor} treats input that its model's preprocessing would have to fill in.
 *
 * <p>By default ({@link #defaults()}) a missing value and an unseen categorical level are imputed by the rule of
 * {@link FeatureEncoder}, the row is predicted, and the batch's {@link Predictions#imputation()} counts them. Under
 * {@link #strict()} each such value is an error for its row ({@link PredictedRow#error()} names the row and the
 * column), the other rows are predicted, and the counts are kept the same way. A column of the wrong type is an error
 * for the whole batch in both modes.
 *
 * @param strictInputs whether missing values and unseen levels fail their rows instead of being imputed
 */
public record PredictOptions(boolean strictInputs) {

    private static final PredictOptions DEFAULTS = new PredictOptions(false);
    private static final PredictOptions STRICT = new PredictOptions(true);

    /** @return impute missing values and unseen levels, and count them */
    public static PredictOptions defaults() {
        return DEFAULTS;
    }

    /** @return fail each row with a missing value or an unseen level, and count them */
    public static PredictOptions strict() {
        return STRICT;
    }
}
