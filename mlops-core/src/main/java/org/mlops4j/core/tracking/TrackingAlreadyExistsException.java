package org.mlops4j.core.tracking;

import org.mlops4j.core.CausedByInput;

/**
 * Something with the same unique name already exists, such as an experiment name. The message says whether the
 * existing one is active or deleted, and how to reuse or restore it.
 */
public final class TrackingAlreadyExistsException extends TrackingException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what exists and how to proceed
     */
    public TrackingAlreadyExistsException(String message) {
        super(message);
    }
}
