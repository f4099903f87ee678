package org.mlops4j.core.tracking;

/**
 * A registered model cannot be created or renamed because a model of that name exists already.
 *
 * <p>The message names the model and the registry.
 */
public final class ModelAlreadyExistsException extends ModelRegistryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the model's name and the registry
     */
    public ModelAlreadyExistsException(String message) {
        super(message);
    }
}
