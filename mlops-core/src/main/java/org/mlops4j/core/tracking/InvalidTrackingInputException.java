package org.mlops4j.core.tracking;

import org.mlops4j.core.CausedByInput;

/**
 * A value passed to the tracking API breaks a rule: a name with characters that are not allowed or that would escape
 * the store's folder, a value longer than its limit, a param logged again with a different value, a write to a run
 * that has ended or was deleted, a batch that is too large. The message names the value, the rule and the limit.
 */
public class InvalidTrackingInputException extends TrackingException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the value, the rule it breaks, and how to fix it
     */
    public InvalidTrackingInputException(String message) {
        super(message);
    }
}
