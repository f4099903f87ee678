package org.mlops4j.core.tracking;

import org.mlops4j.core.MlopsException;

/**
 * A model registry operation failed: the store could not be read or written, or its content is not what this version
 * of mlops4j expects. Subclasses say when a model or version is missing, already exists, or a value is invalid.
 *
 * <p>The message names the registry location, the model and version concerned and, where possible, how to fix it.
 */
public class ModelRegistryException extends MlopsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, where, and how to fix it
     */
    public ModelRegistryException(String message) {
        super(message);
    }

    /**
     * @param message what failed, where, and how to fix it
     * @param cause   the underlying failure
     */
    public ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
