package org.mlops4j.models;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.mlops4j.core.spi.support.Json;

/**
 * What {@link ChampionChallenger} decided about one candidate version: both scores on the same held-out rows and
 * whether the candidate now serves.
 *
 * @param modelName        the registered model
 * @param candidateVersion the version that challenged
 * @param metric           the metric the two were compared on
 * @param candidateScore   the candidate's score on the held-out rows
 * @param championVersion  the version that was in Production, if any (never the candidate itself)
 * @param championScore    its score on the same rows, present exactly when {@code championVersion} is
 * @param minImprovement   how much better the candidate had to be
 * @param promoted         whether the candidate was moved to Production
 * @param heldOutRows      how many rows both were scored on
 */
public record PromotionDecision(String modelName, int candidateVersion, EvaluationMetric metric, double candidateScore,
        OptionalInt championVersion, OptionalDouble championScore, double minImprovement, boolean promoted,
        int heldOutRows) {

    /** Checks that nothing is {@code null} and that a champion comes with its score. */
    public PromotionDecision {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(championVersion, "championVersion");
        Objects.requireNonNull(championScore, "championScore");
        if (championVersion.isPresent() != championScore.isPresent()) {
            throw new IllegalArgumentException("A champion version needs its score, and a score its version");
        }
    }

    /**
     * @return the decision in one sentence, such as {@code "Version 2: held-out AUC 0.8283 vs 0.8251 of Production
     *         version 1: promoted to Production"}
     */
    public String summary() {
        String name = metric.label();
        String versus = championVersion.isPresent()
                ? String.format(Locale.ROOT, "held-out %s %.4f vs %.4f of Production version %d", name, candidateScore,
                        championScore.getAsDouble(), championVersion.getAsInt())
                : String.format(Locale.ROOT, "held-out %s %.4f, no version in Production", name, candidateScore);
        return "Version " + candidateVersion + ": " + versus + ": "
                + (promoted ? "promoted to Production" : "not promoted, Production unchanged");
    }

    /**
     * @return the decision as a JSON object: {@code modelName}, {@code candidateVersion}, {@code metric} (its id),
     *         {@code candidateScore}, {@code championVersion} and {@code championScore} (null without a champion),
     *         {@code minImprovement}, {@code promoted}, {@code heldOutRows} and {@code summary}
     */
    public String toJson() {
        return Json.write(new Document(modelName, candidateVersion, metric.id(), candidateScore,
                championVersion.isPresent() ? championVersion.getAsInt() : null,
                championScore.isPresent() ? championScore.getAsDouble() : null, minImprovement, promoted, heldOutRows,
                summary()));
    }

    /** The JSON document {@link #toJson()} writes. */
    private record Document(String modelName, int candidateVersion, String metric, double candidateScore,
                            Integer championVersion, Double championScore, double minImprovement, boolean promoted,
                            int heldOutRows, String summary) {
    }
}
