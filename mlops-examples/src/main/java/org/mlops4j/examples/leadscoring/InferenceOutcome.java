package org.mlops4j.examples.leadscoring;

import java.time.Instant;
import java.util.Objects;

/**
 * What one run of the inference pipeline did.
 *
 * @param batch                    the batch's id
 * @param runId                    the tracking run with the metrics and KPIs
 * @param modelVersion             the Production version that scored the batch
 * @param rows                     rows in the batch
 * @param failedRows               rows that could not be scored (each with its reason in the predictions file)
 * @param shareOfOnes              share of scored rows predicted 1
 * @param shareOfZeros             share of scored rows predicted 0
 * @param capturedRows             rows captured in the serving log
 * @param leadsScored              KPI: leads scored automatically
 * @param manualHoursSaved         KPI: manual hours saved, at the configured minutes per lead
 * @param shareForManualValidation KPI: share of leads whose score lies in the uncertainty band
 * @param scoredAt                 when the batch was scored
 */
public record InferenceOutcome(String batch, String runId, int modelVersion, int rows, int failedRows,
                               double shareOfOnes, double shareOfZeros, int capturedRows, int leadsScored,
                               double manualHoursSaved, double shareForManualValidation, Instant scoredAt) {

    /** Checks that nothing is {@code null}. */
    public InferenceOutcome {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scoredAt, "scoredAt");
    }
}
