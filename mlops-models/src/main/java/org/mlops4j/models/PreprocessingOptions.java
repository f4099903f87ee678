package org.mlops4j.models;

/**
 * What {@link FeatureEncoder} learns from the training rows and applies to every later row.
 *
 * <p>The defaults follow PyCaret: numbers are imputed with the median, categories with their most frequent level,
 * no rare-level grouping, no class weights. Scaling is not chosen here: each model family asks for the scaling it
 * needs (see {@link ModelFamily#scaling()}).
 *
 * @param numericImputation     the value that replaces a missing number
 * @param categoricalImputation what replaces a missing category
 * @param rareLevelThreshold    levels seen in fewer than this share of training rows (0 to 1) are grouped into one
 *                              {@link FeatureEncoder#OTHER_LEVEL} feature, as are levels first seen at prediction
 *                              time; 0 turns grouping off (unseen levels then contribute no feature)
 * @param classWeighting        whether training rows are weighted {@code n / (classes * n_class)} (scikit-learn's
 *                              {@code class_weight="balanced"}) for the families that support weights
 */
public record PreprocessingOptions(NumericImputation numericImputation, CategoricalImputation categoricalImputation,
        double rareLevelThreshold, boolean classWeighting) {

    /** How a missing number is filled. */
    public enum NumericImputation {
        /** The training median. */
        MEDIAN,
        /** The training mean. */
        MEAN
    }

    /** How a missing category is filled. */
    public enum CategoricalImputation {
        /** The training's most frequent level. */
        MOST_FREQUENT,
        /** A level of its own, {@link FeatureEncoder#MISSING_LEVEL}. */
        MISSING_LEVEL
    }

    /** Checks the values. */
    public PreprocessingOptions {
        if (numericImputation == null || categoricalImputation == null) {
            throw new NullPointerException("imputation methods are required");
        }
        if (!(rareLevelThreshold >= 0 && rareLevelThreshold < 1)) {
            throw new IllegalArgumentException("rareLevelThreshold must be in [0, 1), was " + rareLevelThreshold);
        }
    }

    /** @return median and most-frequent imputation, no grouping, no class weights */
    public static PreprocessingOptions defaults() {
        return new PreprocessingOptions(NumericImputation.MEDIAN, CategoricalImputation.MOST_FREQUENT, 0.0, false);
    }

    /** @param method the numeric imputation @return a copy with it */
    public PreprocessingOptions withNumericImputation(NumericImputation method) {
        return new PreprocessingOptions(method, categoricalImputation, rareLevelThreshold, classWeighting);
    }

    /** @param method the categorical imputation @return a copy with it */
    public PreprocessingOptions withCategoricalImputation(CategoricalImputation method) {
        return new PreprocessingOptions(numericImputation, method, rareLevelThreshold, classWeighting);
    }

    /** @param threshold the rare-level share, 0 for none @return a copy with it */
    public PreprocessingOptions withRareLevelThreshold(double threshold) {
        return new PreprocessingOptions(numericImputation, categoricalImputation, threshold, classWeighting);
    }

    /** @param on whether to weight classes @return a copy with it */
    public PreprocessingOptions withClassWeighting(boolean on) {
        return new PreprocessingOptions(numericImputation, categoricalImputation, rareLevelThreshold, on);
    }
}
