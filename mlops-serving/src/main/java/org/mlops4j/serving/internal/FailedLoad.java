package org.mlops4j.serving.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A version the server tried to swap in and could not: it did not resolve, load, or score the probe, so the old one
 * kept serving.
 *
 * @param version the version the URI named, 0 when it named none
 * @param message why
 * @param at      when
 */
public record FailedLoad(int version, String message, Instant at) {

    /** Checks the values. */
    public FailedLoad {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
