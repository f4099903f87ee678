package org.mlops4j.server.ui.internal;

import org.mlops4j.core.MlopsException;

/**
 * A request the UI answers with an error status, such as 400 for a malformed path or 404 for a run that does not
 * exist. The message is shown to the user (escaped) and says what was wrong.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class HttpProblem extends MlopsException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * @param message what is wrong with the request
     * @return a 400 problem
     */
    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    /**
     * @param message what was not found
     * @return a 404 problem
     */
    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
