package org.mlops4j.core.tracking;

import org.mlops4j.core.CausedByInput;

/**
 * A registered model cannot be created or renamed because a model of that name exists already.
 *
 * <p>The message names the model and the registry.
 */
public final class ModelAlreadyExistsException extends ModelRegistryException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the model's name and the registry
     */
    public ModelAlreadyExistsException(String message) {
        super(message);
    }
}
