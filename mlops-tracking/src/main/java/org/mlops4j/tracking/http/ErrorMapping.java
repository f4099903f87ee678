package org.mlops4j.tracking.http;

import java.net.URI;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.ModelAlreadyExistsException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingNotFoundException;

/**
 * Turns what a server answered, or the failure to reach it, into mlops4j's exceptions: one mapping for the tracking
 * store ({@link TrackingException} and its subclasses), one for the registry ({@link ModelRegistryException} and its
 * subclasses). MLflow's codes map as its own client reads them: {@code RESOURCE_DOES_NOT_EXIST} is not found,
 * {@code RESOURCE_ALREADY_EXISTS} already exists, any other 4xx an invalid value; refused credentials (401, 403) are a
 * {@link ConfigurationException} that says which setting to fix.
 */
interface ErrorMapping {

    /** The mapping of the tracking store. */
    ErrorMapping TRACKING = new ErrorMapping() {
        @Override
        public RuntimeException refused(ServerError error) {
            return switch (error.code()) {
                case ServerError.RESOURCE_DOES_NOT_EXIST -> new TrackingNotFoundException(error.message());
                case ServerError.RESOURCE_ALREADY_EXISTS -> new TrackingAlreadyExistsException(error.message());
                default -> error.callersMistake() ? new InvalidTrackingInputException(error.message())
                        : new TrackingException(error.message());
            };
        }

        @Override
        public RuntimeException failed(String message, Throwable cause) {
            return new TrackingException(message, cause);
        }
    };

    /** The mapping of the model registry. */
    ErrorMapping REGISTRY = new ErrorMapping() {
        @Override
        public RuntimeException refused(ServerError error) {
            return switch (error.code()) {
                case ServerError.RESOURCE_DOES_NOT_EXIST -> new ModelNotFoundException(error.message());
                case ServerError.RESOURCE_ALREADY_EXISTS -> new ModelAlreadyExistsException(error.message());
                default -> error.callersMistake() ? new InvalidRegistryValueException(error.message())
                        : new ModelRegistryException(error.message());
            };
        }

        @Override
        public RuntimeException failed(String message, Throwable cause) {
            return new ModelRegistryException(message, cause);
        }
    };

    /**
     * @param error what the server answered (not a 401, 403 or a missing endpoint: see {@link #of(ServerError, URI)})
     * @return the exception for it
     */
    RuntimeException refused(ServerError error);

    /**
     * @param message what failed, where, and how to fix it
     * @param cause   the I/O failure
     * @return the exception for a server that could not be reached or answered nothing usable
     */
    RuntimeException failed(String message, Throwable cause);

    /**
     * @param error  what the server answered
     * @param server the server's address, for the message
     * @return the exception for it
     */
    default RuntimeException of(ServerError error, URI server) {
        if (error.status() == 401) {
            return new ConfigurationException("The tracking server at " + server + " refused the credentials (HTTP "
                    + "401: " + error.message() + "); set MLFLOW_TRACKING_TOKEN to the server's token, "
                    + "or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD.");
        }
        if (error.unauthorised()) {
            return new ConfigurationException("The tracking server at " + server + " does not let these credentials "
                    + "make this call (HTTP " + error.status() + ": " + error.message() + "): a read-only token or "
                    + "user, or a read-only store; use read-write credentials (MLFLOW_TRACKING_TOKEN) for writes.");
        }
        if (error.code().equals(ServerError.ENDPOINT_NOT_FOUND)) {
            return new ConfigurationException("The tracking server at " + server + " has no endpoint for this call ("
                    + error.message() + "): it serves no model registry (mlops server without a registry), no "
                    + "artifacts (MLflow's server without --serve-artifacts), or is an older version; start it with "
                    + "them, or check the URI's path prefix.");
        }
        return refused(error);
    }
}
