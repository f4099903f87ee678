package org.mlops4j.core.tracking;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A named model in the registry: the container of its numbered {@link ModelVersion}s.
 *
 * @param name        the model's unique name
 * @param createdAt   when it was created (millisecond precision)
 * @param updatedAt   when it, or one of its versions, was last changed
 * @param description free text; empty when there is none
 * @param tags        key/value tags, sorted by key
 * @param aliases     alias to version number ({@code champion -> 3}), sorted by alias
 */
public record RegisteredModel(String name, Instant createdAt, Instant updatedAt, String description,
                              Map<String, String> tags, Map<String, Integer> aliases) {

    /** Copies the maps (sorted, unmodifiable) and checks that nothing is {@code null}. */
    public RegisteredModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(description, "description");
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
    }

    /**
     * @param alias an alias such as {@code champion}
     * @return the version number it points to, if the alias is set
     */
    public Optional<Integer> versionOf(String alias) {
        return Optional.ofNullable(aliases.get(alias));
    }
}
