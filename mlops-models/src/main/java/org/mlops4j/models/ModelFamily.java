package org.mlops4j.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of model that {@link ModelingSetup} can train: a stable key (like PyCaret's model ids), its defaults and its
 * documented random-search space.
 *
 * <p>Classification keys: {@code lr} L2-regularised logistic regression solved to convergence by L-BFGS (scikit-learn's
 * {@code LogisticRegression}: {@code C}, {@code max_iter}, {@code tol}), {@code sgd_lr} logistic regression by SGD
 * (Tribuo's, AdaGrad), {@code svm} linear SVM (SGD, hinge loss),
 * {@code liblinear} LibLinear (linear SVM by default; {@code solver=L2R_LR} gives logistic regression),
 * {@code dt} CART decision tree, {@code rf} random forest, {@code et} extra trees, {@code xgboost} gradient-boosted
 * trees, {@code nb} Gaussian naive Bayes (scikit-learn's {@code GaussianNB}, PyCaret's {@code nb}), {@code mnb}
 * multinomial naive Bayes on min-max scaled features, {@code knn} k-nearest neighbours, {@code fm}
 * factorization machine, {@code dummy} majority class. Regression keys: {@code lr} least squares solved exactly
 * (scikit-learn's {@code LinearRegression}; {@code alpha > 0} makes it {@code Ridge(alpha)}), {@code sgd_lr} linear
 * regression by SGD (Tribuo's, squared loss, AdaGrad), {@code dt}, {@code rf}, {@code xgboost}, {@code dummy}
 * (mean). {@link ModelingSetup#families()} lists them.
 *
 * <p>{@code dt}, {@code rf} and {@code et} train with mlops4j's histogram trees and return Tribuo tree models. Tribuo's
 * own CART trainers are there too, as {@code tribuo_dt}, {@code tribuo_rf} and {@code tribuo_et} (regression:
 * {@code tribuo_dt}, {@code tribuo_rf}); they are several times slower, so, like PyCaret's {@code turbo=True},
 * {@link ModelingSetup#compareModels} leaves them out unless they are named or {@link CompareOptions#turbo(boolean)}
 * is off ({@link #turbo()} is false for them).
 *
 * @param key          the stable key
 * @param name         a human-readable name for leaderboards
 * @param task         classification or regression
 * @param scaling      how numeric features are scaled for this family
 * @param usesWeights  whether class weighting reaches this family's training (example or label weights)
 * @param defaults     the parameters used unless told otherwise ({@link Integer}, {@link Double} or {@link String})
 * @param searchSpace  the space {@link ModelingSetup#tuneModel} samples from; empty when there is nothing to tune
 * @param description  the Tribuo trainer and what the defaults mean
 * @param turbo        whether a comparison of every family includes this one by default (false for slow families)
 */
public record ModelFamily(String key, String name, TaskType task, Scaling scaling, boolean usesWeights,
        Map<String, Object> defaults, List<Hyperparameter> searchSpace, String description, boolean turbo) {

    /** Copies the collections, keeping the defaults' order. */
    public ModelFamily {
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        searchSpace = List.copyOf(searchSpace);
    }

    /**
     * A family that every comparison includes by default.
     *
     * @param key         the stable key
     * @param name        a human-readable name
     * @param task        classification or regression
     * @param scaling     how numeric features are scaled
     * @param usesWeights whether class weighting reaches its training
     * @param defaults    its default parameters
     * @param searchSpace its tuning space
     * @param description the trainer and what the defaults mean
     */
    public ModelFamily(String key, String name, TaskType task, Scaling scaling, boolean usesWeights,
            Map<String, Object> defaults, List<Hyperparameter> searchSpace, String description) {
        this(key, name, task, scaling, usesWeights, defaults, searchSpace, description, true);
    }

    /**
     * @param overrides parameters to change; each key must be one of {@link #defaults()}
     * @return the defaults with the overrides applied
     * @throws org.mlops4j.core.ConfigurationException naming the unknown key and the known ones
     */
    public Map<String, Object> withDefaults(Map<String, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new org.mlops4j.core.ConfigurationException("Model family '" + key + "' has no parameter '"
                        + e.getKey() + "'; its parameters are " + defaults.keySet());
            }
            merged.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(merged);
    }
}
