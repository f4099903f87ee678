package org.mlops4j.core.runtime;

import java.util.Objects;

/**
 * A provider that was listed on the class path but could not be loaded. Other providers are unaffected.
 *
 * @param providerInterface the SPI it was listed for
 * @param providerClass     the class that failed, as far as it is known
 * @param reason            why it failed
 */
public record ProviderFailure(String providerInterface, String providerClass, String reason) {

    /** Checks that every part is present. */
    public ProviderFailure {
        Objects.requireNonNull(providerInterface, "providerInterface");
        Objects.requireNonNull(providerClass, "providerClass");
        Objects.requireNonNull(reason, "reason");
    }
}
