package org.mlops4j.core.data;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Schema#validate(Table, ValidationOptions)} reports: the name of the data's source for messages, how many
 * row-level violations to keep in detail, and how rows are numbered.
 *
 * <p>Rows are numbered from {@code firstRowNumber} (default 1), so that a row number can point into the source: for a
 * CSV file with one header line and no line breaks inside fields, {@code firstRowNumber(2)} makes row numbers file
 * line numbers. A reader that knows each row's line can put it in a numeric column and name it with
 * {@code lineColumn}; that column is then used for row numbers, is not checked against the schema, and is left out of
 * the valid and the rejected rows.
 *
 * @param source         where the data came from, such as a file path, for messages; empty when unknown
 * @param maxViolations  how many row-level violations the report keeps in detail (counts are always complete); >= 0
 * @param firstRowNumber the number of the table's first row in the source; >= 0
 * @param lineColumn     the name of a numeric column that holds each row's line in the source, if any
 */
public record ValidationOptions(String source, int maxViolations, long firstRowNumber, Optional<String> lineColumn) {

    /** How many row-level violations a report keeps in detail unless told otherwise. */
    public static final int DEFAULT_MAX_VIOLATIONS = 1000;

    private static final ValidationOptions DEFAULTS = builder().build();

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public ValidationOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lineColumn, "lineColumn");
        if (maxViolations < 0) {
            throw new IllegalArgumentException("maxViolations must be >= 0, found " + maxViolations);
        }
        if (firstRowNumber < 0) {
            throw new IllegalArgumentException("firstRowNumber must be >= 0, found " + firstRowNumber);
        }
    }

    /** @return no source name, 1000 violations in detail, rows numbered from 1, no line column */
    public static ValidationOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects {@link ValidationOptions}; not thread-safe. */
    public static final class Builder {
        private String source = "";
        private int maxViolations = DEFAULT_MAX_VIOLATIONS;
        private long firstRowNumber = 1;
        private String lineColumn;

        private Builder() {
        }

        /**
         * @param source where the data came from, such as a file path; it prefixes every message
         * @return this builder
         */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param source the file the data came from
         * @return this builder
         */
        public Builder source(java.nio.file.Path source) {
            return source(source.toString());
        }

        /**
         * @param max how many row-level violations to keep in detail; default {@value ValidationOptions#DEFAULT_MAX_VIOLATIONS}
         * @return this builder
         */
        public Builder maxViolations(int max) {
            this.maxViolations = max;
            return this;
        }

        /**
         * @param number the number of the table's first row in the source; default 1
         * @return this builder
         */
        public Builder firstRowNumber(long number) {
            this.firstRowNumber = number;
            return this;
        }

        /**
         * @param column a numeric column of the table that holds each row's line number in the source
         * @return this builder
         */
        public Builder lineColumn(String column) {
            this.lineColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /** @return the options */
        public ValidationOptions build() {
            return new ValidationOptions(source, maxViolations, firstRowNumber, Optional.ofNullable(lineColumn));
        }
    }
}
