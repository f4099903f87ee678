package org.mlops4j.core;

/**
 * A plugin (a provider found through the SPI) failed while it was loaded or used.
 *
 * <p>The message names the provider's class; the cause is what the provider threw.
 */
public final class ProviderException extends MlopsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which provider failed and while doing what
     * @param cause   what the provider threw
     */
    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
