package org.mlops4j.models;

import java.util.List;
import org.mlops4j.core.data.Table;

/**
 * What cross-validation needs from a setup: the training rows, their folds and the preprocessing choices.
 *
 * @param training the training split (features and target)
 * @param target   the target
 * @param features the feature columns
 * @param foldOf   each training row's fold
 * @param folds    the number of folds
 * @param options  preprocessing choices
 * @param seed     the random seed given to every trainer
 */
record ModelingData(Table training, TargetSpec target, List<String> features, int[] foldOf, int folds,
        PreprocessingOptions options, long seed) {

    /** Copies the features. */
    public ModelingData {
        features = List.copyOf(features);
    }
}
