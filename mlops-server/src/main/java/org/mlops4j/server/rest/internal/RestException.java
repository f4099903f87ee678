package org.mlops4j.server.rest.internal;

import java.util.Objects;
import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.MlopsException;

/**
 * A request the REST API refuses, with MLflow's error code: answered as {@code {"error_code": ..., "message": ...}}
 * with the code's HTTP status.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class RestException extends MlopsException implements CausedByInput {

    private final ErrorCode code;
    private final int status;

    /**
     * @param code    MLflow's error code
     * @param message what was expected, what was found, how to fix it
     */
    public RestException(ErrorCode code, String message) {
        this(code, code.status(), message);
    }

    private RestException(ErrorCode code, int status, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
    }

    /** @return MLflow's error code */
    public ErrorCode code() {
        return code;
    }

    /** @return the HTTP status: the code's, but 413 for a body over a limit */
    public int status() {
        return status;
    }

    /**
     * @param what  the body, such as "The request body"
     * @param limit the limit in bytes
     * @param how   how to send less or raise the limit
     * @return the error for a body over a limit: {@code BAD_REQUEST} with status 413, as the server's own size check
     *         answers
     */
    public static RestException tooLarge(String what, long limit, String how) {
        return new RestException(ErrorCode.BAD_REQUEST, 413, what + " is larger than this server's limit of " + limit
                + " bytes; " + how);
    }

    /**
     * @param field the missing field
     * @return the error MLflow gives for a missing required field
     */
    public static RestException missing(String field) {
        return new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Missing value for required parameter '"
                + field + "'. See the API docs for more information about request parameters.");
    }

    /**
     * @param field    the field
     * @param expected what it should be
     * @param found    what it was
     * @return the error for a value of the wrong type or range
     */
    public static RestException invalid(String field, String expected, Object found) {
        return new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Invalid value " + found + " for parameter '"
                + field + "' supplied: expected " + expected + ".");
    }
}
