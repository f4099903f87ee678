package org.mlops4j.core;

/**
 * A configuration value is missing or invalid, or a requested provider cannot be found or is ambiguous.
 *
 * <p>The message names the property or provider, the value that was found and what would be accepted.
 */
public final class ConfigurationException extends MlopsException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the property or provider, the value found and the values accepted
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message the property or provider, the value found and the values accepted
     * @param cause   the underlying failure
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
