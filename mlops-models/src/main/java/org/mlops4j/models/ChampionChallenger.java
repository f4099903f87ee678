package org.mlops4j.models;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelUri;
import org.mlops4j.core.tracking.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Promotion gated by a validation check: a registered candidate version goes to Production only when it scores better
 * than the version serving now, both scored on the same held-out rows.
 *
 * <pre>{@code
 * ChampionChallenger gate = ChampionChallenger.of(models, registry).metric(Metric.AUC).minImprovement(0.002);
 * PromotionDecision decision = gate.challenge("lead-scoring", version.version(), heldOutRows);
 * log.info(decision.summary());   // Version 2: held-out AUC 0.8283 vs 0.8251 of Production version 1: promoted ...
 * }</pre>
 *
 * <p>With no version in Production the candidate is promoted. On promotion the previous Production versions are
 * archived and the alias (default {@value #DEFAULT_ALIAS}) moves to the candidate. Either way the decision is written
 * on the candidate version as the tags {@value #DECISION_TAG} and {@value #PROMOTED_TAG}, so the registry shows why a
 * version serves or does not. Instances are immutable; the settings return new instances.
 *
 * <p>Challenges may run at once, from threads or processes: after scoring, a challenge reads Production again and, if
 * another version was promoted meanwhile, compares with that one too (up to five times) before it
 * promotes, so a candidate is not promoted over a better version promoted while it was being scored. The last read
 * and the promotion are two registry calls, not one transaction: two challenges finishing within the same few
 * milliseconds can still both promote, and then the later one serves.
 */
public final class ChampionChallenger {

    /** The alias a promoted version receives unless another is set. */
    public static final String DEFAULT_ALIAS = "champion";
    /** Version tag: the decision in words ({@link PromotionDecision#summary()}). */
    public static final String DECISION_TAG = "mlops.promotion.decision";
    /** Version tag: {@code true} or {@code false}. */
    public static final String PROMOTED_TAG = "mlops.promotion.promoted";

    /** How often a challenge compares again when Production changes while it scores. */
    private static final int MAX_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ChampionChallenger.class);

    private final ModelTracking models;
    private final ModelRegistry registry;
    private final Optional<EvaluationMetric> metric;
    private final double minImprovement;
    private final Optional<String> alias;

    private ChampionChallenger(ModelTracking models, ModelRegistry registry, Optional<EvaluationMetric> metric,
            double minImprovement, Optional<String> alias) {
        this.models = Objects.requireNonNull(models, "models");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.metric = metric;
        this.minImprovement = minImprovement;
        this.alias = alias;
    }

    /**
     * @param models   loads the versions' models (the same tracking store and registry)
     * @param registry where the versions are registered
     * @return a gate comparing on the task's default metric ({@link EvaluationMetric#defaultFor}), with no minimum improvement
     *         beyond strictly better, moving the alias {@value #DEFAULT_ALIAS}
     */
    public static ChampionChallenger of(ModelTracking models, ModelRegistry registry) {
        return new ChampionChallenger(models, registry, Optional.empty(), 0.0, Optional.of(DEFAULT_ALIAS));
    }

    /**
     * @param compareOn the metric to compare on; lower is better for error metrics such as RMSE
     * @return a gate comparing on it
     */
    public ChampionChallenger metric(EvaluationMetric compareOn) {
        return new ChampionChallenger(models, registry, Optional.of(compareOn), minImprovement, alias);
    }

    /**
     * @param margin how much better than the champion the candidate must score (in the metric's units, not negative)
     * @return a gate with that margin
     * @throws IllegalArgumentException when the margin is negative or not finite
     */
    public ChampionChallenger minImprovement(double margin) {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("The minimum improvement must be a finite number >= 0, was " + margin);
        }
        return new ChampionChallenger(models, registry, metric, margin, alias);
    }

    /**
     * @param name the alias a promoted version receives, or {@code null} to set none
     * @return a gate with that alias
     */
    public ChampionChallenger alias(String name) {
        return new ChampionChallenger(models, registry, metric, minImprovement, Optional.ofNullable(name));
    }

    /**
     * Scores the candidate version and the Production version on the same rows and promotes the candidate when it is
     * better by more than the margin, or when nothing is in Production.
     *
     * @param modelName        the registered model
     * @param candidateVersion the version to challenge with
     * @param heldOut          labelled rows that neither version was trained on
     * @return the decision, also written on the candidate version's tags
     * @throws MlopsException when a version does not exist or the metric cannot be computed for one of them
     */
    public PromotionDecision challenge(String modelName, int candidateVersion, Table heldOut) {
        TrainedModel candidate = models.load(versionUri(modelName, candidateVersion));
        return challenge(modelName, candidateVersion, candidate, heldOut);
    }

    /**
     * As {@link #challenge(String, int, Table)}, with the candidate's model already in memory (saves loading it).
     *
     * @param modelName        the registered model
     * @param candidateVersion the version to challenge with
     * @param candidate        that version's model
     * @param heldOut          labelled rows that neither version was trained on
     * @return the decision, also written on the candidate version's tags
     */
    public PromotionDecision challenge(String modelName, int candidateVersion, TrainedModel candidate, Table heldOut) {
        registry.getVersion(modelName, candidateVersion);
        EvaluationMetric compareOn = metric.orElse(EvaluationMetric.defaultFor(candidate.task()));
        double candidateScore = score(candidate, heldOut, compareOn, "candidate version " + candidateVersion);
        Map<Integer, Double> championScores = new HashMap<>();
        OptionalInt championVersion = currentChampion(modelName, candidateVersion);
        boolean promote;
        for (int attempt = 1; ; attempt++) {
            promote = true;
            if (championVersion.isPresent()) {
                int version = championVersion.getAsInt();
                double score = championScores.computeIfAbsent(version, v -> score(
                        models.load(versionUri(modelName, v)), heldOut, compareOn, "Production version " + v));
                double gain = compareOn.higherIsBetter() ? candidateScore - score : score - candidateScore;
                promote = gain > minImprovement;
            }
            OptionalInt now = currentChampion(modelName, candidateVersion);
            if (now.equals(championVersion) || attempt == MAX_ATTEMPTS) {
                break;
            }
            LOG.info("Production of '{}' changed during the challenge (version {} -> {}): comparing again", modelName,
                    championVersion, now);
            championVersion = now;
        }
        if (promote) {
            registry.transitionStage(modelName, candidateVersion, ModelStage.PRODUCTION, true);
            alias.ifPresent(a -> registry.setAlias(modelName, a, candidateVersion));
        }
        OptionalDouble championScore = championVersion.isPresent()
                ? OptionalDouble.of(championScores.get(championVersion.getAsInt()))
                : OptionalDouble.empty();
        PromotionDecision decision = new PromotionDecision(modelName, candidateVersion, compareOn, candidateScore,
                championVersion, championScore, minImprovement, promote, heldOut.rowCount());
        registry.setVersionTag(modelName, candidateVersion, DECISION_TAG, decision.summary());
        registry.setVersionTag(modelName, candidateVersion, PROMOTED_TAG, Boolean.toString(promote));
        LOG.info("{} '{}': {}", promote ? "Promoted" : "Kept Production of", modelName, decision.summary());
        return decision;
    }

    private OptionalInt currentChampion(String modelName, int candidateVersion) {
        return registry.latestVersions(modelName, List.of(ModelStage.PRODUCTION)).stream()
                .mapToInt(ModelVersion::version).filter(v -> v != candidateVersion).findFirst();
    }

    private static String versionUri(String modelName, int version) {
        return new ModelUri.ByVersion(modelName, version).toString();
    }

    private static double score(TrainedModel model, Table heldOut, EvaluationMetric compareOn, String which) {
        if (compareOn.task() != model.task()) {
            throw new MlopsException("Cannot compare " + which + " on " + compareOn.label() + ": it is a "
                    + model.task().name().toLowerCase(Locale.ROOT) + " model");
        }
        if (compareOn == EvaluationMetric.AUC && !model.probabilistic()) {
            throw new MlopsException("AUC of " + which + " (" + model.family() + ") is not available: the model gives"
                    + " no probabilities; compare on another metric");
        }
        Double value = model.evaluate(heldOut).get(compareOn);
        if (value == null || value.isNaN()) {
            throw new MlopsException(compareOn.label() + " of " + which + " (" + model.family() + ") is undefined on "
                    + heldOut.rowCount() + " held-out rows (does the target hold only one class?)");
        }
        return value;
    }
}
