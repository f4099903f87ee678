package org.mlops4j.core.tracking;

import org.mlops4j.core.MlopsException;

/**
 * A tracking store could not do what was asked: it cannot be read or written, or its content is damaged. The message
 * names the store location, the experiment or run, and the file or table involved.
 *
 * <p>Subclasses say more precisely what went wrong: {@link InvalidTrackingInputException} (the caller passed a value
 * that breaks a rule), {@link TrackingNotFoundException} and {@link TrackingAlreadyExistsException}.
 */
public class TrackingException extends MlopsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, where, and how to fix it
     */
    public TrackingException(String message) {
        super(message);
    }

    /**
     * @param message what failed, where, and how to fix it
     * @param cause   the underlying failure
     */
    public TrackingException(String message, Throwable cause) {
        super(message, cause);
    }
}
