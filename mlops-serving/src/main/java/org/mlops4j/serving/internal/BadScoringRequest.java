package org.mlops4j.serving.internal;

import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.MlopsException;

/**
 * A scoring request that cannot be read as a whole (not JSON, none of the input formats, a column the model needs is
 * absent): answered 400 with MLflow's error shape, {@code {"error_code": "BAD_REQUEST", "message": ...}}, or 415 for a
 * content type the server does not read. A single bad row is not this: it gets its own error entry.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class BadScoringRequest extends MlopsException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /** MLflow's error code for a request it cannot read. */
    public static final String BAD_REQUEST = "BAD_REQUEST";

    private final int status;

    private BadScoringRequest(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * @param message what is wrong with the request and what the server reads instead
     * @return a 400 answer
     */
    public static BadScoringRequest badRequest(String message) {
        return new BadScoringRequest(400, message, null);
    }

    /**
     * @param message what is wrong with the request and what the server reads instead
     * @param cause   the parser's failure
     * @return a 400 answer
     */
    public static BadScoringRequest badRequest(String message, Throwable cause) {
        return new BadScoringRequest(400, message, cause);
    }

    /**
     * @param message which content types the server reads
     * @return a 415 answer
     */
    public static BadScoringRequest unsupportedMediaType(String message) {
        return new BadScoringRequest(415, message, null);
    }

    /** @return the HTTP status of the answer: 400 or 415 */
    public int status() {
        return status;
    }
}
