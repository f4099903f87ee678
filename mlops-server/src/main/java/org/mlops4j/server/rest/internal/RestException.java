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

    /**
     * @param code    MLflow's error code
     * @param message what was expected, what was found, how to fix it
     */
    public RestException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return MLflow's error code */
    public ErrorCode code() {
        return code;
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
