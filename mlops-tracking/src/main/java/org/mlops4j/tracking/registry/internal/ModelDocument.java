package org.mlops4j.tracking.registry.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;

/**
 * The content of one model's {@code model.json}: the model, its versions, stages, aliases and tags. The whole file is
 * replaced atomically on every change, so a change that touches several versions (a promotion that archives the old
 * production version) is all-or-nothing. Mapped by Jackson on fields; not thread-safe (used under the model's lock).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class ModelDocument {

    /** The layout version of this file; readers refuse files of a later layout. */
    static final int FORMAT = 1;

    int format = FORMAT;
    long createdAt;
    long updatedAt;
    String description = "";
    Map<String, String> tags = new TreeMap<>();
    Map<String, Integer> aliases = new TreeMap<>();
    int lastVersion;
    List<VersionDocument> versions = new ArrayList<>();

    /** One version inside {@link ModelDocument}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class VersionDocument {
        int version;
        long createdAt;
        long updatedAt;
        String stage = ModelStage.NONE.displayName();
        String source;
        String runId;
        String inputSchema;
        String description = "";
        Map<String, String> tags = new TreeMap<>();
    }

    Optional<VersionDocument> version(int number) {
        return versions.stream().filter(v -> v.version == number).findFirst();
    }

    RegisteredModel toModel(String name) {
        return new RegisteredModel(name, Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt),
                description, tags, aliases);
    }

    ModelVersion toVersion(String name, VersionDocument v) {
        Set<String> pointing = aliases.entrySet().stream().filter(e -> e.getValue() == v.version)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return new ModelVersion(name, v.version, Instant.ofEpochMilli(v.createdAt), Instant.ofEpochMilli(v.updatedAt),
                ModelStage.parse(v.stage), v.source, Optional.ofNullable(v.runId),
                StoredInputSchema.read(v.inputSchema, name, v.version),
                v.description, v.tags, pointing);
    }
}
