package org.mlops4j.examples.leadscoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the training pipeline compares, trains and registers models.
 *
 * <pre>{@code
 * TrainingOptions options = TrainingOptions.defaults().withFamilies(List.of("lr", "xgboost")).withFolds(3);
 * }</pre>
 *
 * @param modelName    the registered model's name, {@value #DEFAULT_MODEL_NAME} by default
 * @param experiment   the experiment the training runs go to, {@value #DEFAULT_EXPERIMENT} by default
 * @param families     the model families to compare (keys of {@link org.mlops4j.models.ModelingSetup#families()})
 * @param familyParams parameters that differ from a family's defaults, by family key (small tree counts by default,
 *                     for speed)
 * @param folds        cross-validation folds, at least 2
 * @param trainFraction the share of rows to train on; the rest is held out to compare the new model with the
 *                     Production version, in (0, 1)
 * @param seed         the seed of the split, the folds and the trainers
 * @param parallelism  the most folds trained at once, at least 1
 */
public record TrainingOptions(String modelName, String experiment, List<String> families,
                              Map<String, Map<String, Object>> familyParams, int folds, double trainFraction,
                              long seed, int parallelism) {

    /** The registered model's name unless another is given. */
    public static final String DEFAULT_MODEL_NAME = "lead-scoring";
    /** The experiment of training runs unless another is given. */
    public static final String DEFAULT_EXPERIMENT = "lead-scoring";
    /** The families compared by default: fast ones, with small tree counts. */
    public static final List<String> DEFAULT_FAMILIES = List.of("lr", "dt", "rf", "xgboost", "nb", "dummy");

    /** Checks and copies the values. */
    public TrainingOptions {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(experiment, "experiment");
        families = List.copyOf(families);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("At least one model family must be compared; for example "
                    + DEFAULT_FAMILIES);
        }
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        familyParams.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        familyParams = Map.copyOf(copy);
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, was " + folds);
        }
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must be in (0, 1) so that rows are held out, was "
                    + trainFraction);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }

    /**
     * @return model {@value #DEFAULT_MODEL_NAME}, experiment {@value #DEFAULT_EXPERIMENT}, the families
     *         {@link #DEFAULT_FAMILIES} (random forest with 10 trees, gradient boosting with 30, decision tree of depth
     *         at most 8), 3 folds, 80 % training rows, seed 42, two threads
     */
    public static TrainingOptions defaults() {
        return new TrainingOptions(DEFAULT_MODEL_NAME, DEFAULT_EXPERIMENT, DEFAULT_FAMILIES,
                Map.of("rf", Map.of("n_trees", 10), "xgboost", Map.of("n_trees", 30), "dt", Map.of("max_depth", 8)),
                3, 0.8, 42, 2);
    }

    /** @param name the registered model's name @return a copy with it */
    public TrainingOptions withModelName(String name) {
        return new TrainingOptions(name, experiment, families, familyParams, folds, trainFraction, seed, parallelism);
    }

    /** @param name the experiment of training runs @return a copy with it */
    public TrainingOptions withExperiment(String name) {
        return new TrainingOptions(modelName, name, families, familyParams, folds, trainFraction, seed, parallelism);
    }

    /** @param keys the families to compare @return a copy with them */
    public TrainingOptions withFamilies(List<String> keys) {
        return new TrainingOptions(modelName, experiment, keys, familyParams, folds, trainFraction, seed, parallelism);
    }

    /** @param count the cross-validation folds @return a copy with them */
    public TrainingOptions withFolds(int count) {
        return new TrainingOptions(modelName, experiment, families, familyParams, count, trainFraction, seed,
                parallelism);
    }

    /** @param value the seed @return a copy with it */
    public TrainingOptions withSeed(long value) {
        return new TrainingOptions(modelName, experiment, families, familyParams, folds, trainFraction, value,
                parallelism);
    }

    /** @param threads the most folds trained at once @return a copy with it */
    public TrainingOptions withParallelism(int threads) {
        return new TrainingOptions(modelName, experiment, families, familyParams, folds, trainFraction, seed, threads);
    }
}
