package org.mlops4j.core.tracking;

import org.mlops4j.core.CausedByInput;

/**
 * A value given to the model registry breaks its rules: a model name with a path separator, an alias that is
 * reserved, a tag key that is too long, a stage that does not exist, a {@code models:/} URI that cannot be parsed.
 *
 * <p>The message quotes the value, states the rule and, where there is one, suggests a valid alternative.
 */
public final class InvalidRegistryValueException extends ModelRegistryException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the value, the rule it breaks and how to fix it
     */
    public InvalidRegistryValueException(String message) {
        super(message);
    }
}
