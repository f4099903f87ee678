package org.mlops4j.core.tracking;

import java.util.Objects;

/**
 * A run's input setting, such as a hyper-parameter. Once logged for a run, a param's value cannot change.
 *
 * @param key   the name (letters, digits, {@code _ - . / : space}; at most 250 characters)
 * @param value the value as text (at most 6000 characters)
 */
public record Param(String key, String value) {
    /** Checks that neither part is null; the stores check names and lengths. */
    public Param {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
