package org.mlops4j.core.tracking;

import org.mlops4j.core.CausedByInput;

/** An experiment, run, metric or artifact that was asked for does not exist. The message names what was looked for. */
public final class TrackingNotFoundException extends TrackingException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was looked for and where
     */
    public TrackingNotFoundException(String message) {
        super(message);
    }
}
