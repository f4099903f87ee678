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
    /**
     * The caller may not make this change: a write through a read-only token, or a write to a store or registry that
     * refuses changes (opened read-only, or a format mlops4j reads but does not write). MLflow's clients do not retry
     * a 4xx answer, as they do a 500.
     */
    PERMISSION_DENIED(403),
    /** The request carries no credentials, or wrong ones. */
    UNAUTHENTICATED(401),
    /** The server does not offer this call over this store (MLflow's {@code MlflowNotImplementedException}). */
    NOT_IMPLEMENTED(501),
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
