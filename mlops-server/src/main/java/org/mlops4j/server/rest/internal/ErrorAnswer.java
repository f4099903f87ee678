package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.ModelAlreadyExistsException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.mlops4j.core.tracking.WriteRefused;

/**
 * An error as MLflow's REST API answers it: its code, the HTTP status of the code and the message. Store exceptions
 * map to the codes MLflow's stores raise for the same mistakes; a write the store refuses because it takes no changes
 * ({@link WriteRefused}: opened read-only, or a format mlops4j only reads) is {@link ErrorCode#PERMISSION_DENIED}
 * (403: the caller may not change this store; MLflow's clients retry a 500 for minutes, never a 4xx); anything else
 * not caused by the caller's input is an {@link ErrorCode#INTERNAL_ERROR}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param code    MLflow's error code
 * @param message the message sent to the client
 * @param status  the HTTP status, usually the code's
 */
public record ErrorAnswer(ErrorCode code, String message, int status) {

    /**
     * @param code    MLflow's error code
     * @param message the message sent to the client
     */
    public ErrorAnswer(ErrorCode code, String message) {
        this(code, message, code.status());
    }

    /**
     * @param failure what a store or an endpoint threw
     * @return the answer MLflow would give for it
     */
    public static ErrorAnswer of(RuntimeException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof RestException rest) { // also when a store let it through, as an upload's limit
                return new ErrorAnswer(rest.code(), rest.getMessage(), rest.status());
            }
        }
        return new ErrorAnswer(codeOf(failure), message);
    }

    private static ErrorCode codeOf(RuntimeException failure) {
        if (WriteRefused.isWriteRefused(failure)) {
            return ErrorCode.PERMISSION_DENIED;
        }
        if (failure instanceof TrackingNotFoundException || failure instanceof ModelNotFoundException) {
            return ErrorCode.RESOURCE_DOES_NOT_EXIST;
        }
        if (failure instanceof TrackingAlreadyExistsException || failure instanceof ModelAlreadyExistsException) {
            return ErrorCode.RESOURCE_ALREADY_EXISTS;
        }
        if (failure instanceof InvalidTrackingInputException || failure instanceof InvalidRegistryValueException
                || failure instanceof IllegalArgumentException || CausedByInput.isCausedByInput(failure)) {
            return ErrorCode.INVALID_PARAMETER_VALUE;
        }
        return ErrorCode.INTERNAL_ERROR;
    }

    /** @return {@code {"error_code": ..., "message": ...}} */
    public ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("error_code", code.name());
        node.put("message", message);
        return node;
    }
}
