package org.mlops4j.models;

import java.util.Objects;

/**
 * Where a registered model version comes from: the data it was trained on, the run that trained it, the artifact.
 *
 * @param modelName       the registered model
 * @param version         the version number
 * @param runId           the run that trained and logged it
 * @param source          the artifact's URI, such as {@code runs:/<run id>/model}
 * @param dataFingerprint the training data's fingerprint
 * @param trainingRows    how many rows it was trained on, or -1 when not recorded
 */
public record ModelLineage(String modelName, int version, String runId, String source, String dataFingerprint,
        int trainingRows) {

    /** Checks that every part is present. */
    public ModelLineage {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    }
}
