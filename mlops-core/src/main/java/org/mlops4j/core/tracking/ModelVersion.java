package org.mlops4j.core.tracking;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mlops4j.core.data.Schema;

/**
 * One numbered version of a registered model: where its artifacts are, which run produced it, the input schema it
 * expects, its stage, aliases, description and tags.
 *
 * @param name        the registered model's name
 * @param version     the version number: 1 for the first version of a model, then counting up; never reused
 * @param createdAt   when the version was registered (millisecond precision)
 * @param updatedAt   when its stage, description, tags or aliases last changed
 * @param stage       its lifecycle stage
 * @param source      where its artifacts are: a {@code runs:/<run_id>/<path>} URI or any other URI or path
 * @param runId       the id of the run that produced it, if known
 * @param inputSchema the input schema the model expects (its columns and their types), if one was registered
 * @param description free text; empty when there is none
 * @param tags        key/value tags, sorted by key
 * @param aliases     the aliases that point at this version, sorted
 */
public record ModelVersion(String name, int version, Instant createdAt, Instant updatedAt, ModelStage stage,
                           String source, Optional<String> runId, Optional<Schema> inputSchema, String description,
                           Map<String, String> tags, Set<String> aliases) {

    /** Copies the collections (sorted, unmodifiable) and checks that nothing is {@code null}. */
    public ModelVersion {
        Objects.requireNonNull(name, "name");
        if (version < 1) {
            throw new IllegalArgumentException("A model version number is 1 or more; found " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(description, "description");
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        aliases = Collections.unmodifiableSet(new TreeSet<>(aliases));
    }

    /** @return the URI that names exactly this version: {@code models:/<name>/<version>} */
    public ModelUri uri() {
        return new ModelUri.ByVersion(name, version);
    }
}
