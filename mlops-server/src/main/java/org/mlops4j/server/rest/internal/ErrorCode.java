package org.mlops4j.server.rest.internal;

/**
 * The error codes of MLflow's REST API ({@code databricks.proto}) that this server answers with, each with the HTTP
 * status MLflow gives it ({@code mlflow/exceptions.py}).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public enum ErrorCode {
    /** A value the caller sent is missing, malformed or out of range. */
    INVALID_PARAMETER_VALUE(400),
    /** The request is not JSON, or not an object. */
    BAD_REQUEST(400),
    /** The experiment, run, model or version does not exist. */
    RESOURCE_DOES_NOT_EXIST(404),
    /** An experiment or model of that name exists already. */
    RESOURCE_ALREADY_EXISTS(400),
    /** No endpoint at that path. */
    ENDPOINT_NOT_FOUND(404),
    /** The store failed. */
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** @return the HTTP status MLflow answers this code with */
    public int status() {
        return status;
    }
}
