package org.mlops4j.core.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to register as a new model version; the registry adds the number, the timestamps and the stage.
 *
 * <pre>{@code
 * ModelVersion v = registry.register(NewModelVersion.builder("lead-scoring", "runs:/" + runId + "/model")
 *         .inputSchema(schemaJson)
 *         .description("gradient boosting, 5-fold AUC 0.91")
 *         .tag("owner", "growth-team")
 *         .build());
 * }</pre>
 *
 * @param name        the registered model's name
 * @param source      where the artifacts are: {@code runs:/<run_id>/<path>}, {@code models:/...} (resolved to the
 *                    source of that version) or any other URI or path
 * @param runId       the producing run's id; taken from a {@code runs:/} source when empty
 * @param inputSchema the JSON text of the input schema the model expects
 * @param description free text; empty for none
 * @param tags        the version's tags
 */
public record NewModelVersion(String name, String source, Optional<String> runId, Optional<String> inputSchema,
                              String description, Map<String, String> tags) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the tags (sorted, unmodifiable) and checks that nothing is {@code null}. */
    public NewModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(description, "description");
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /**
     * @param name   the registered model's name
     * @param source where the version's artifacts are
     * @return a builder with no run id, schema, description or tags
     */
    public static Builder builder(String name, String source) {
        return new Builder(name, source);
    }

    /** Collects the optional parts of a {@link NewModelVersion}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final String source;
        private String runId;
        private String inputSchema;
        private String description = "";
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder(String name, String source) {
            this.name = Objects.requireNonNull(name, "name");
            this.source = Objects.requireNonNull(source, "source");
        }

        /**
         * @param runId the id of the run that produced the model
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = Objects.requireNonNull(runId, "runId");
            return this;
        }

        /**
         * @param json the input schema as JSON text (an object or an array)
         * @return this builder
         */
        public Builder inputSchema(String json) {
            this.inputSchema = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * @param schema the input schema as a JSON-like map (strings, numbers, booleans, lists and maps)
         * @return this builder
         * @throws InvalidRegistryValueException when the map cannot be written as JSON
         */
        public Builder inputSchema(Map<String, ?> schema) {
            Objects.requireNonNull(schema, "schema");
            try {
                this.inputSchema = JSON.writeValueAsString(schema);
            } catch (JsonProcessingException e) {
                throw new InvalidRegistryValueException("The input schema for model '" + name
                        + "' cannot be written as JSON: " + e.getOriginalMessage()
                        + ". Use only strings, numbers, booleans, lists and maps.");
            }
            return this;
        }

        /**
         * @param description free text
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @param key   a tag key
         * @param value its value
         * @return this builder
         */
        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param more tags to add
         * @return this builder
         */
        public Builder tags(Map<String, String> more) {
            more.forEach(this::tag);
            return this;
        }

        /** @return the new version's description */
        public NewModelVersion build() {
            return new NewModelVersion(name, source, Optional.ofNullable(runId), Optional.ofNullable(inputSchema),
                    description, tags);
        }
    }
}
