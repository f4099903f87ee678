package org.mlops4j.core.tracking;

import org.mlops4j.core.CausedByInput;

/**
 * A registered model, a model version or an alias that an operation needs does not exist.
 *
 * <p>The message names what was looked for and in which registry.
 */
public final class ModelNotFoundException extends ModelRegistryException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was looked for, and where
     */
    public ModelNotFoundException(String message) {
        super(message);
    }
}
