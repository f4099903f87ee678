package org.mlops4j.drift.profile;

import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.MlopsException;

/**
 * A saved profile cannot be read: the JSON is malformed, a required key is missing, a value has the wrong type, or a
 * sketch's bytes do not decode. The message names the source and the JSON path of the problem.
 */
public class ProfileFormatException extends MlopsException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public ProfileFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause   the underlying failure
     */
    public ProfileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
