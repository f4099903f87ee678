package org.mlops4j.core.tracking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.mlops4j.core.data.Schema;

/**
 * What to register as a new model version; the registry adds the number, the timestamps and the stage.
 *
 * <pre>{@code
 * ModelVersion v = registry.register(NewModelVersion.builder("lead-scoring", "runs:/" + runId + "/model")
 *         .inputSchema(model.inputSchema())
 *         .description("gradient boosting, 5-fold AUC 0.91")
 *         .tag("owner", "growth-team")
 *         .build());
 * }</pre>
 *
 * @param name        the registered model's name
 * @param source      where the artifacts are: {@code runs:/<run_id>/<path>}, {@code models:/...} (resolved to the
 *                    source of that version) or any other URI or path
 * @param runId       the producing run's id; taken from a {@code runs:/} source when empty
 * @param inputSchema the input schema the model expects: its columns and their types
 * @param description free text; empty for none
 * @param tags        the version's tags
 */
public record NewModelVersion(String name, String source, Optional<String> runId, Optional<Schema> inputSchema,
                              String description, Map<String, String> tags) {

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
        private Schema inputSchema;
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
         * @param schema the input schema the model expects; a registry stores it as the schema's JSON form
         *               ({@link Schema#toJson()})
         * @return this builder
         */
        public Builder inputSchema(Schema schema) {
            this.inputSchema = Objects.requireNonNull(schema, "schema");
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
