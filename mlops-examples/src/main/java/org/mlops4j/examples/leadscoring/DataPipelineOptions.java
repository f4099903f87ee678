package org.mlops4j.examples.leadscoring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the case study's data pipeline works on: the raw CSV batch, the SQLite file its tables go to, whether the
 * batch is inference data (without the target), the quarantine folder for batches that fail a schema check, and the
 * case study's mappings and schemas.
 *
 * <pre>{@code
 * DataPipelineOptions options = DataPipelineOptions.builder(Path.of("leads.csv"), Path.of("leads.db")).build();
 * Pipeline data = LeadScoringPipelines.data(options);
 * }</pre>
 *
 * @param input            the raw CSV batch (a leading unnamed index column, as pandas writes it, is dropped)
 * @param database         the SQLite file; created by {@code build_dbs} when it does not exist
 * @param inference        whether the batch is inference data, without {@code app_complete_flag}
 * @param quarantineFolder where a batch that fails a schema check is copied, with its report
 * @param mappings         city tiers, significant levels, interaction groups
 * @param schemas          the raw and model input column lists
 */
public record DataPipelineOptions(Path input, Path database, boolean inference, Path quarantineFolder,
                                  LeadScoringMappings mappings, LeadScoringSchemas schemas) {

    /** Checks that nothing is {@code null}. */
    public DataPipelineOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(quarantineFolder, "quarantineFolder");
        Objects.requireNonNull(mappings, "mappings");
        Objects.requireNonNull(schemas, "schemas");
    }

    /**
     * @param input    the raw CSV batch
     * @param database the SQLite file
     * @return a builder with training data, the bundled mappings and schemas, and the quarantine folder
     *         {@code quarantine} next to the database
     */
    public static Builder builder(Path input, Path database) {
        return new Builder(input, database);
    }

    /** @return the JDBC URL of the database */
    public String jdbcUrl() {
        return "jdbc:sqlite:" + database.toAbsolutePath();
    }

    /** Collects the options; not thread-safe. */
    public static final class Builder {
        private final Path input;
        private final Path database;
        private boolean inference;
        private Path quarantineFolder;
        private LeadScoringMappings mappings;
        private LeadScoringSchemas schemas;

        private Builder(Path input, Path database) {
            this.input = Objects.requireNonNull(input, "input");
            this.database = Objects.requireNonNull(database, "database");
        }

        /**
         * @param isInference whether the batch is inference data, without the target; default false
         * @return this builder
         */
        public Builder inference(boolean isInference) {
            this.inference = isInference;
            return this;
        }

        /**
         * @param folder where failing batches go; default {@code quarantine} next to the database
         * @return this builder
         */
        public Builder quarantineFolder(Path folder) {
            this.quarantineFolder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /**
         * @param caseStudyMappings the mappings; default {@link LeadScoringMappings#bundled()}
         * @return this builder
         */
        public Builder mappings(LeadScoringMappings caseStudyMappings) {
            this.mappings = Objects.requireNonNull(caseStudyMappings, "caseStudyMappings");
            return this;
        }

        /**
         * @param caseStudySchemas the schemas; default {@link LeadScoringSchemas#bundled()}
         * @return this builder
         */
        public Builder schemas(LeadScoringSchemas caseStudySchemas) {
            this.schemas = Objects.requireNonNull(caseStudySchemas, "caseStudySchemas");
            return this;
        }

        /** @return the options */
        public DataPipelineOptions build() {
            Path parent = database.toAbsolutePath().getParent();
            return new DataPipelineOptions(input, database, inference,
                    quarantineFolder != null ? quarantineFolder : parent.resolve("quarantine"),
                    mappings != null ? mappings : LeadScoringMappings.bundled(),
                    schemas != null ? schemas : LeadScoringSchemas.bundled());
        }
    }
}
