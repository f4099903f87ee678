package org.mlops4j.models;

import java.util.Objects;
import org.mlops4j.core.data.Schema;

/**
 * A model saved as a run's artifact by {@link ModelTracking#logModel}.
 *
 * @param runId           the run that holds it
 * @param artifactPath    the folder within the run's artifacts
 * @param flavor          the flavor it was saved with
 * @param dataFingerprint the fingerprint of the training data ({@link org.mlops4j.core.data.TableFingerprint})
 * @param trainingRows    how many rows it was trained on
 * @param inputSchema     the model's input columns with their types, registered with its versions
 */
public record LoggedModel(String runId, String artifactPath, String flavor, String dataFingerprint, int trainingRows,
        Schema inputSchema) {

    /** Checks that every part is present. */
    public LoggedModel {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifactPath, "artifactPath");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        Objects.requireNonNull(inputSchema, "inputSchema");
    }

    /** @return the model's {@code runs:/<run id>/<artifact path>} URI */
    public String uri() {
        return "runs:/" + runId + "/" + artifactPath;
    }
}
