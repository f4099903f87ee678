package org.mlops4j.server.rest.internal;

import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.RunInfo;

/**
 * The artifact locations the REST API reports for experiments and runs: the store's own ({@code file:} URIs), or,
 * when the server proxies artifacts, MLflow's {@code mlflow-artifacts:/<experiment id>/<run id>/artifacts}, which
 * MLflow's clients turn into calls of the server's {@code mlflow-artifacts} endpoints (as with MLflow's
 * {@code mlflow server --serve-artifacts}).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param proxied whether clients reach artifacts through the server
 */
public record ArtifactLocations(boolean proxied) {

    /** The scheme of proxied artifact locations. */
    public static final String SCHEME = "mlflow-artifacts:";
    /** The store's own locations. */
    public static final ArtifactLocations OF_STORE = new ArtifactLocations(false);

    /**
     * @param experiment an experiment
     * @return where clients find its artifacts
     */
    public String of(Experiment experiment) {
        return proxied ? SCHEME + "/" + experiment.experimentId() : experiment.artifactLocation();
    }

    /**
     * @param run a run
     * @return where clients find its artifacts
     */
    public String of(RunInfo run) {
        return proxied ? SCHEME + "/" + proxiedRunPath(run.experimentId(), run.runId()) : run.artifactUri();
    }

    /**
     * @param experimentId an experiment
     * @param runId        one of its runs
     * @return the path of the run's artifacts under the proxy's root: {@code <experiment id>/<run id>/artifacts}
     */
    public static String proxiedRunPath(String experimentId, String runId) {
        return experimentId + "/" + runId + "/artifacts";
    }
}
