package org.mlops4j.tracking.mlflow;

import java.net.URI;
import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.TrackingException;

/**
 * What a change asked of a store or registry in MLflow's file layout, which mlops4j only reads, fails with: one
 * message, in a {@link TrackingException} or a {@link ModelRegistryException} marked {@link CausedByInput} (the fix
 * is another location), so that the {@code mlops} tool exits 2 with the message alone.
 */
final class MlflowWritesRefused {

    private MlflowWritesRefused() {
    }

    /**
     * @param what     the refused change, such as "create a run in experiment 0"
     * @param location the store's location
     * @return the exception a tracking store throws
     */
    static TrackingException inTracking(String what, URI location) {
        return new InTracking(message(what, location));
    }

    /**
     * @param what     the refused change, such as "create model 'churn'"
     * @param location the registry's location
     * @return the exception a registry throws
     */
    static ModelRegistryException inRegistry(String what, URI location) {
        return new InRegistry(message(what, location));
    }

    private static String message(String what, URI location) {
        return "Cannot " + what + ": " + location + " holds MLflow's own file layout (mlruns with meta.yaml files),"
                + " which mlops4j reads in place; writing MLflow's file layout is not supported yet. Write to"
                + " another location (a new folder or a jdbc: database) with --tracking-uri or mlops.tracking.uri,"
                + " or use MLflow itself to change this one.";
    }

    /** A refused change of a tracking store. */
    private static final class InTracking extends TrackingException implements CausedByInput {
        private static final long serialVersionUID = 1L;

        InTracking(String message) {
            super(message);
        }
    }

    /** A refused change of a registry. */
    private static final class InRegistry extends ModelRegistryException implements CausedByInput {
        private static final long serialVersionUID = 1L;

        InRegistry(String message) {
            super(message);
        }
    }
}
