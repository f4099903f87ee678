package org.mlops4j.core.tracking;

/** An experiment, run, metric or artifact that was asked for does not exist. The message names what was looked for. */
public final class TrackingNotFoundException extends TrackingException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was looked for and where
     */
    public TrackingNotFoundException(String message) {
        super(message);
    }
}
