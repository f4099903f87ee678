package org.mlops4j.core.tracking;

import java.util.Objects;

/**
 * A mutable label on a run or an experiment. Keys starting with {@code mlflow.} are system tags (see
 * {@link SystemTags}).
 *
 * @param key   the name (letters, digits, {@code _ - . / : space}; at most 250 characters)
 * @param value the value (at most 8000 characters on runs, 5000 on experiments)
 */
public record RunTag(String key, String value) {
    /** Checks that neither part is null; the stores check names and lengths. */
    public RunTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
