package org.mlops4j.tracking.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.mlops4j.core.spi.support.Json;

/**
 * A call the server refused: the HTTP status and MLflow's error code and message from the body
 * ({@code {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "..."}}), or, when the body is not MLflow's (a proxy's
 * page), a code derived from the status and the start of the body: a 404 or 405 that is not MLflow's JSON means the
 * server has no such endpoint.
 *
 * @param status  the HTTP status
 * @param code    MLflow's error code, such as {@code INVALID_PARAMETER_VALUE}
 * @param message the server's message
 */
record ServerError(int status, String code, String message) {

    /** MLflow's code for a missing experiment, run, model or version. */
    static final String RESOURCE_DOES_NOT_EXIST = "RESOURCE_DOES_NOT_EXIST";
    /** MLflow's code for a name taken already. */
    static final String RESOURCE_ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS";
    /** MLflow's code for a path with no endpoint. */
    static final String ENDPOINT_NOT_FOUND = "ENDPOINT_NOT_FOUND";

    private static final int MAX_QUOTED = 200;

    /**
     * @param status the HTTP status of a failed call
     * @param body   the answer's body
     * @return the error it reports
     */
    static ServerError parse(int status, String body) {
        try {
            JsonNode json = Json.readTree(body);
            if (json != null && json.hasNonNull("error_code")) {
                return new ServerError(status, json.get("error_code").asText(), json.path("message").asText(""));
            }
        } catch (JsonProcessingException notJson) {
            // a proxy's or a servlet container's page: described by its status below
        }
        String text = body.strip().replaceAll("\\s+", " ");
        String quoted = text.startsWith("<") ? "an HTML page, not MLflow's JSON error"
                : text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
        return new ServerError(status, codeOf(status), "HTTP " + status + (quoted.isEmpty() ? "" : ": " + quoted));
    }

    /** @return whether the server says the thing asked for does not exist */
    boolean notFound() {
        return code.equals(RESOURCE_DOES_NOT_EXIST);
    }

    /** @return whether the server refused the credentials */
    boolean unauthorised() {
        return status == 401 || status == 403;
    }

    /** @return whether the mistake is the caller's (a 4xx answer) */
    boolean callersMistake() {
        return status >= 400 && status < 500;
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404, 405 -> ENDPOINT_NOT_FOUND;
            case 413, 400 -> "INVALID_PARAMETER_VALUE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }
}
