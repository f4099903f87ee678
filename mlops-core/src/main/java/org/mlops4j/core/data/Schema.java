package org.mlops4j.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Table} must look like: an ordered list of {@link ColumnSpec}s (name, type, nullability, allowed
 * values, range) and the policies for columns the table lacks, columns the schema does not name, and column order.
 *
 * <p>{@link #validate(Table)} checks a table and splits its rows into valid and rejected ones, with a row-level
 * {@link ValidationReport}; {@link #of(Table)} infers a schema from a table; {@link #ofNames(List)} makes a schema
 * that checks column names alone. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Schema schema = Schema.builder()
 *         .column(ColumnSpec.builder("city_tier").type(ColumnType.NUMERIC).nullable(false).range(1, 3).build())
 *         .column(ColumnSpec.builder("first_platform_c").type(ColumnType.CATEGORICAL).build())
 *         .extraColumns(ExtraColumnPolicy.DROP)
 *         .build();
 * ValidationReport report = schema.validate(leads, ValidationOptions.builder().source("leads.csv").build());
 * report.writeQuarantine(Path.of("quarantine/leads.csv"));
 * Table clean = report.validRows();
 * }</pre>
 *
 * <h2>JSON form</h2>
 * {@link #toJson()} writes, and {@link #fromJson(String)} and {@link #fromJson(Path)} read, this document (keys in
 * this order; the format is stable, and a later version will change {@code "version"}):
 * <pre>{@code
 * {
 *   "format" : "mlops4j-schema",
 *   "version" : 1,
 *   "missingColumns" : "fail",           // fail | add_null          (optional, default fail)
 *   "extraColumns" : "fail",             // fail | ignore | drop     (optional, default fail)
 *   "strictOrder" : false,               // true: columns in this order (optional, default false)
 *   "columns" : [ {
 *     "name" : "city_tier",              // required, unique
 *     "type" : "numeric",                // numeric | categorical | boolean | timestamp | text (optional: any type)
 *     "nullable" : false,                // optional, default true
 *     "min" : 1,                         // optional, numeric columns only, inclusive
 *     "max" : 3                          // optional, numeric columns only, inclusive
 *   }, {
 *     "name" : "first_platform_c",
 *     "type" : "categorical",
 *     "nullable" : true,
 *     "allowedValues" : [ "Level0", "Level3", "others" ]   // optional, categorical and text columns only
 *   } ]
 * }
 * }</pre>
 * Reading is strict: an unknown key, an unknown type or policy, a repeated column name, {@code min > max}, or a key
 * of the wrong JSON type is a {@link SchemaException} that names the column and the key. {@code "format"} and
 * {@code "version"} may be left out when reading.
 *
 * @param columns        the column specs in order; at least one; names unique
 * @param missingColumns what to do when the table lacks a column the schema names
 * @param extraColumns   what to do with table columns the schema does not name
 * @param strictOrder    whether the schema's columns must appear in the table in the schema's order
 */
public record Schema(List<ColumnSpec> columns, MissingColumnPolicy missingColumns, ExtraColumnPolicy extraColumns,
                     boolean strictOrder) {

    /**
     * Checks the schema and copies its list.
     *
     * @throws SchemaException naming the column when two specs share a name, or when there is no column
     */
    public Schema {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(missingColumns, "missingColumns");
        Objects.requireNonNull(extraColumns, "extraColumns");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new SchemaException("A schema needs at least one column; add column specs");
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Integer earlier = positions.put(columns.get(i).name(), i + 1);
            if (earlier != null) {
                throw new SchemaException("Column '" + columns.get(i).name() + "' appears twice in the schema (at"
                        + " positions " + earlier + " and " + (i + 1) + "); column names must be unique");
            }
        }
    }

    /**
     * @return a builder with no columns and the default policies: missing and extra columns fail, any column order
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A schema that checks names alone: the table's columns must be exactly these, in this order, of any type, with
     * any values. This is the check that a list of expected column names, such as a case study's
     * {@code raw_data_schema}, asks for.
     *
     * @param names the expected column names in order
     * @return a schema with untyped, nullable specs; missing and extra columns fail; strict order
     * @throws SchemaException when a name repeats or is blank
     */
    public static Schema ofNames(List<String> names) {
        Builder builder = builder().strictOrder(true);
        for (String name : names) {
            builder.column(ColumnSpec.named(name));
        }
        return builder.build();
    }

    /**
     * @param names the expected column names in order
     * @return a names-only schema, as {@link #ofNames(List)}
     */
    public static Schema ofNames(String... names) {
        return ofNames(List.of(names));
    }

    /**
     * Infers a schema from a table: its columns in order, each with its type and nullable only if it holds a null.
     * No allowed values or ranges are inferred (a sample rarely shows every legal value); add them with
     * {@link #toBuilder()}. The policies are the defaults of {@link #builder()}.
     *
     * @param table the table to describe
     * @return a schema that the table satisfies
     * @throws SchemaException when the table has no columns
     */
    public static Schema of(Table table) {
        Builder builder = builder();
        for (Column column : table.columns()) {
            builder.column(ColumnSpec.builder(column.name()).type(column.type()).nullable(column.nullCount() > 0)
                    .build());
        }
        return builder.build();
    }

    /**
     * Reads a schema from its JSON form (see the class documentation).
     *
     * @param json the JSON document
     * @return the schema
     * @throws SchemaException naming the column and key when the document is malformed or the schema invalid
     */
    public static Schema fromJson(String json) {
        return SchemaJson.read(json, "schema JSON");
    }

    /**
     * Reads a schema from a JSON file (see the class documentation).
     *
     * @param file a UTF-8 JSON file
     * @return the schema
     * @throws SchemaException naming the file, column and key when the file is malformed or the schema invalid
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static Schema fromJson(Path file) {
        return SchemaJson.read(file);
    }

    /** @return the schema's JSON form (see the class documentation), pretty-printed, UTF-8 safe */
    public String toJson() {
        return SchemaJson.write(this);
    }

    /**
     * Writes the schema's JSON form to a file atomically, replacing it if it exists.
     *
     * @param file the target file; its folder is created if needed
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public void writeJson(Path file) {
        SchemaJson.write(this, file);
    }

    /** @return a builder that starts from this schema */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.columns.addAll(columns);
        builder.missingColumns = missingColumns;
        builder.extraColumns = extraColumns;
        builder.strictOrder = strictOrder;
        return builder;
    }

    /** @return the column names in order */
    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    /**
     * @param name a column's name
     * @return the spec of that column, if the schema names it
     */
    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Checks a table against this schema with the default options.
     *
     * @param table the table to check
     * @return the report, which holds the valid rows and the rejected rows; valid + rejected = all rows
     * @see #validate(Table, ValidationOptions)
     */
    public ValidationReport validate(Table table) {
        return validate(table, ValidationOptions.defaults());
    }

    /**
     * Checks a table against this schema. Nothing throws for bad data: every table-level problem (missing, extra,
     * misordered or mistyped column) and every row-level violation (null where not nullable, a value not allowed, a
     * value out of range) goes into the report, and every row ends up either in {@link ValidationReport#validRows()}
     * or in {@link ValidationReport#rejectedRows()}. When there is a table-level problem, every row is rejected.
     *
     * <p>The valid rows are conformed to the schema: its columns in its order (a text column where the schema says
     * categorical, or the reverse, is converted; a column of nulls only takes the schema's type; a missing nullable
     * column under {@link MissingColumnPolicy#ADD_NULL} is added as nulls), then extra columns under
     * {@link ExtraColumnPolicy#IGNORE}. The rejected rows keep the original columns and add {@code _row} and
     * {@code _reason}.
     *
     * @param table   the table to check
     * @param options the source name for messages, how many violations to keep in detail, row numbering
     * @return the report
     * @throws IllegalArgumentException when {@code options} names a line column the table lacks or that is not numeric
     */
    public ValidationReport validate(Table table, ValidationOptions options) {
        return new SchemaValidator(this, options).validate(table);
    }

    /**
     * Checks that a table holds what a reader of this schema needs before it scores the table (a model reading its
     * input columns, say): every column the schema names is present and of the schema's type, where categorical and
     * text stand for each other and a column holding only nulls fits any type. Other columns, the policies,
     * nullability, allowed values and ranges are not looked at ({@link #validate(Table)} checks those, row by row).
     * The model's {@code Predictor} and a check against a registered model version's schema both call this, so that
     * they accept and reject the same tables with the same message.
     *
     * @param table    the table to be scored
     * @param expecter who expects the columns, starting the message, such as {@code "The model"} or
     *                 {@code "Model lead-scoring version 3"}
     * @param source   where the table came from, for the message; {@code null} when unknown
     * @throws org.mlops4j.core.DataException naming every missing column, or else the first column of another type
     *                                        with the expected and the found type
     */
    public void requireColumns(Table table, String expecter, String source) {
        InputColumnCheck.require(this, Objects.requireNonNull(table, "table"), expecter, source);
    }

    /** Collects a {@link Schema}; not thread-safe. */
    public static final class Builder {
        private final List<ColumnSpec> columns = new ArrayList<>();
        private MissingColumnPolicy missingColumns = MissingColumnPolicy.FAIL;
        private ExtraColumnPolicy extraColumns = ExtraColumnPolicy.FAIL;
        private boolean strictOrder;

        private Builder() {
        }

        /**
         * @param spec the next column
         * @return this builder
         */
        public Builder column(ColumnSpec spec) {
            columns.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /**
         * @param name the next column's name
         * @param type its type; it is nullable and may hold any value
         * @return this builder
         */
        public Builder column(String name, ColumnType type) {
            return column(ColumnSpec.of(name, type));
        }

        /**
         * @param specs the next columns, in order
         * @return this builder
         */
        public Builder columns(List<ColumnSpec> specs) {
            specs.forEach(this::column);
            return this;
        }

        /**
         * Replaces the spec of a column already added, keeping its position.
         *
         * @param spec the new spec; a spec of the same name must have been added
         * @return this builder
         * @throws IllegalArgumentException when no column of that name was added
         */
        public Builder replace(ColumnSpec spec) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(spec.name())) {
                    columns.set(i, spec);
                    return this;
                }
            }
            throw new IllegalArgumentException("No column '" + spec.name() + "' to replace; columns are "
                    + columns.stream().map(ColumnSpec::name).toList());
        }

        /**
         * @param policy what to do when the table lacks a column; default {@link MissingColumnPolicy#FAIL}
         * @return this builder
         */
        public Builder missingColumns(MissingColumnPolicy policy) {
            this.missingColumns = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param policy what to do with columns the schema does not name; default {@link ExtraColumnPolicy#FAIL}
         * @return this builder
         */
        public Builder extraColumns(ExtraColumnPolicy policy) {
            this.extraColumns = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param strict whether the schema's columns must appear in the table in the schema's order (extra columns
         *               may stand anywhere when they are allowed); default {@code false}
         * @return this builder
         */
        public Builder strictOrder(boolean strict) {
            this.strictOrder = strict;
            return this;
        }

        /**
         * @return the schema
         * @throws SchemaException naming the column when two columns share a name, or when there is no column
         */
        public Schema build() {
            return new Schema(columns, missingColumns, extraColumns, strictOrder);
        }
    }
}
