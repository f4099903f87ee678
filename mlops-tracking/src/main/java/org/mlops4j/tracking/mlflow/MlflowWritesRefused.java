package org.mlops4j.tracking.mlflow;

import java.net.URI;

/** The one message for a change asked of a store or registry in MLflow's file layout, which mlops4j only reads. */
final class MlflowWritesRefused {

    private MlflowWritesRefused() {
    }

    /**
     * @param what     the refused change, such as "create a run in experiment 0"
     * @param location the store's location
     * @return the message
     */
    static String message(String what, URI location) {
        return "Cannot " + what + ": " + location + " holds MLflow's own file layout (mlruns with meta.yaml files),"
                + " which mlops4j reads but does not write yet; writing MLflow's file layout is not supported yet."
                + " Write to another location (a new folder or a jdbc: database) with --tracking-uri or"
                + " mlops.tracking.uri, or use MLflow itself to change this one.";
    }
}
