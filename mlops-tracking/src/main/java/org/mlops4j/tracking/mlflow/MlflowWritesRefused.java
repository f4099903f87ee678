package org.mlops4j.tracking.mlflow;

import java.net.URI;
import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.TrackingException;

/**
 * What a change asked of a store or registry in MLflow's file layout or SQL schema that mlops4j does not write (an
 * MLflow file store or registry opened read-only, a SQL schema it cannot write) fails with: one message, in a {@link TrackingException} or a {@link ModelRegistryException} marked {@link CausedByInput} (the fix
 * is another location), so that the {@code mlops} tool exits 2 with the message alone.
 */
final class MlflowWritesRefused {

    private static final String FILE_LAYOUT = "MLflow's own file layout (mlruns with meta.yaml files)";

    private MlflowWritesRefused() {
    }

    /**
     * @param what     the refused change, such as "create a run in experiment 0"
     * @param location the store's location
     * @return the exception a tracking store throws
     */
    static TrackingException inTracking(String what, URI location) {
        return new InTracking("Cannot " + what + ": " + location + " holds " + FILE_LAYOUT + ", opened read-only"
                + " here. Open it to read and write (TrackingClient.open, Mlops.openTrackingStore) to change it.");
    }

    /**
     * @param what     the refused change, such as "create a run in experiment 0"
     * @param location the database's location, secrets redacted
     * @param schema   what the database holds
     * @return the exception a tracking store over MLflow's SQL schema throws
     */
    static TrackingException inTracking(String what, URI location, MlflowSchema schema) {
        return new InTracking(sqlMessage(what, location, schema));
    }

    /**
     * @param what     the refused change, such as "create model 'churn'"
     * @param location the registry's location
     * @return the exception a registry in MLflow's file layout opened read-only throws
     */
    static ModelRegistryException inRegistry(String what, URI location) {
        return new InRegistry("Cannot " + what + ": " + location + " holds " + FILE_LAYOUT + ", opened read-only"
                + " here. Open the registry to read and write (Mlops.openModelRegistry) to change it.");
    }

    /**
     * @param what     the refused change, such as "create model 'churn'"
     * @param location the database's location, secrets redacted
     * @param schema   what the database holds
     * @return the exception a registry over MLflow's SQL schema throws
     */
    static ModelRegistryException inRegistry(String what, URI location, MlflowSchema schema) {
        return new InRegistry(sqlMessage(what, location, schema));
    }

    private static String sqlMessage(String what, URI location, MlflowSchema schema) {
        return "Cannot " + what + ": " + location + " holds an MLflow database (" + schema.describe() + "), which"
                + " mlops4j reads in place but writes only at the revisions from 89d4b8295536 (latest_metrics) to "
                + MlflowSchema.CURRENT_REVISION + " (MLflow 1.x to 2.9), so that MLflow still reads what it finds."
                + " Write to another location (a new folder or a jdbc: database) with --tracking-uri or"
                + " mlops.tracking.uri and copy with 'mlops migrate', or use MLflow itself to change this one.";
    }

    private static String message(String what, URI location, String holds, String format) {
        return "Cannot " + what + ": " + location + " holds " + holds + ", which mlops4j reads in place; writing "
                + format + " is not supported yet. Write to"
                + " another location (a new folder or a jdbc: database) with --tracking-uri or mlops.tracking.uri,"
                + " or use MLflow itself to change this one.";
    }

    /** A refused change of a tracking store. */
    private static final class InTracking extends TrackingException implements CausedByInput,
            org.mlops4j.core.tracking.WriteRefused {
        private static final long serialVersionUID = 1L;

        InTracking(String message) {
            super(message);
        }
    }

    /** A refused change of a registry. */
    private static final class InRegistry extends ModelRegistryException implements CausedByInput,
            org.mlops4j.core.tracking.WriteRefused {
        private static final long serialVersionUID = 1L;

        InRegistry(String message) {
            super(message);
        }
    }
}
