package org.mlops4j.examples.leadscoring;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.mlops4j.models.Leaderboard;

/**
 * What one run of the training pipeline did: the comparison, the model version it registered, and whether that
 * version was promoted to Production.
 *
 * @param leaderboard       the comparison of the candidate families, best first
 * @param family            the family of the registered model
 * @param runId             the tracking run of {@code get_trained_model}
 * @param version           the registered version's number
 * @param heldOutAuc        the new model's AUC on the held-out rows
 * @param productionVersion the version that was in Production before, if any
 * @param productionAuc     that version's AUC on the same held-out rows, if there was one
 * @param promoted          whether the new version is now in Production (and has the alias {@code champion})
 * @param heldOutRows       how many held-out rows both models were scored on
 */
public record TrainingOutcome(Leaderboard leaderboard, String family, String runId, int version, double heldOutAuc,
                              OptionalInt productionVersion, OptionalDouble productionAuc, boolean promoted,
                              int heldOutRows) {

    /** Checks that nothing is {@code null}. */
    public TrainingOutcome {
        Objects.requireNonNull(leaderboard, "leaderboard");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(productionVersion, "productionVersion");
        Objects.requireNonNull(productionAuc, "productionAuc");
    }

    /** @return one sentence for people: what was registered and why it was or was not promoted */
    public String decision() {
        String versus = productionAuc.isPresent()
                ? String.format(java.util.Locale.ROOT, "held-out AUC %.4f vs %.4f of Production version %d", heldOutAuc,
                        productionAuc.getAsDouble(), productionVersion.getAsInt())
                : String.format(java.util.Locale.ROOT, "held-out AUC %.4f, no version in Production", heldOutAuc);
        return "Registered version " + version + " (" + family + "), " + versus + ": "
                + (promoted ? "promoted to Production" : "not promoted, Production unchanged");
    }
}
