package org.mlops4j.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much one input column matters to a model, from Tribuo's {@code Model.getTopFeatures}: the absolute weights of
 * linear models (on the features as scaled for the model), the number of splits on a feature for trees, forests and
 * XGBoost (XGBoost's "weight" importance, not its gain). Each encoded feature's importance is the mean of its absolute
 * values over the lists Tribuo gives (one per class for linear models, one for trees); an input column's importance is
 * the sum over its encoded features (the one-hot levels {@code column=level} of a categorical column, the column
 * itself otherwise). Values are comparable within one model only. Models whose top features are not importances
 * (naive Bayes: log-likelihoods) or that have none (nearest neighbours, baselines) give no feature importance.
 *
 * @param inputColumn     the input column
 * @param importance      the sum of its encoded features' importances
 * @param encodedFeatures each encoded feature's importance, largest first
 */
public record FeatureImportance(String inputColumn, double importance, Map<String, Double> encodedFeatures) {

    /** Copies the map, keeping its order. */
    public FeatureImportance {
        encodedFeatures = Collections.unmodifiableMap(new LinkedHashMap<>(encodedFeatures));
    }
}
