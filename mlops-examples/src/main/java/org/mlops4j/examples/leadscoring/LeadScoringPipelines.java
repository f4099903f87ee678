package org.mlops4j.examples.leadscoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.JdbcDatabase;
import org.mlops4j.core.data.JdbcWriteMode;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.ValidationOptions;
import org.mlops4j.core.data.ValidationReport;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.Step;
import org.mlops4j.core.pipeline.StepContext;
import org.mlops4j.core.pipeline.StepResult;

/**
 * The case study's pipelines as mlops4j pipelines, with its step names and its SQLite tables.
 *
 * <p>The data pipeline ({@link #data}) runs, one after the other:
 * <ol>
 *   <li>{@value #BUILD_DBS}: creates the SQLite file when it does not exist (output {@value #DATABASE_STATUS}:
 *       {@code created} or {@code exists});</li>
 *   <li>{@value #RAW_DATA_SCHEMA_CHECK}: reads the CSV batch and checks that its columns are exactly
 *       {@code raw_data_schema} (without the target for inference data) and that the columns the later steps read as
 *       numbers ({@link LeadDataTransforms#numericColumns()}) hold numbers or nulls; a failing batch is copied to the
 *       quarantine folder with its validation report, and the pipeline fails before anything is written. The
 *       step's error names the batch file, the line, the column and the value (escaped, see
 *       {@link org.mlops4j.core.PrintableValue}) of the first bad value, and where the batch and its
 *       report went; the report lists every bad value with its line. The whole batch is quarantined rather than
 *       its bad rows alone, so that a batch is either loaded whole or not at all;</li>
 *   <li>{@value #LOAD_DATA_INTO_DB} → table {@value #LOADED_DATA}: nulls become 0 in {@code total_leads_droppped}
 *       and {@code referred_lead} only;</li>
 *   <li>{@value #MAP_CITY_TIER} → table {@value #CITY_TIER_MAPPED};</li>
 *   <li>{@value #MAP_CATEGORICAL_VARS} → table {@value #CATEGORICAL_VARIABLES_MAPPED};</li>
 *   <li>{@value #INTERACTIONS_MAPPING} → tables {@value #INTERACTIONS_MAPPED} and {@value #MODEL_INPUT};</li>
 *   <li>{@value #MODEL_INPUT_SCHEMA_CHECK}: checks that {@value #MODEL_INPUT}'s columns are exactly
 *       {@code model_input_schema}; a failure quarantines the batch as the check on raw data does.</li>
 * </ol>
 * Each step after the first check reads the previous step's table from the database and writes its own table there
 * (replacing an older one); the output handed to the next step is a {@link StoredTable}. The transformations
 * themselves are in {@link LeadDataTransforms}.
 */
public final class LeadScoringPipelines {

    /** The data pipeline's name. */
    public static final String DATA_PIPELINE = "data";

    /** Step: create the database file. */
    public static final String BUILD_DBS = "build_dbs";
    /** Step: check the raw batch's columns. */
    public static final String RAW_DATA_SCHEMA_CHECK = "raw_data_schema_check";
    /** Step: load the raw batch into {@value #LOADED_DATA}. */
    public static final String LOAD_DATA_INTO_DB = "load_data_into_db";
    /** Step: map cities to tiers. */
    public static final String MAP_CITY_TIER = "map_city_tier";
    /** Step: map rare levels to {@code others}. */
    public static final String MAP_CATEGORICAL_VARS = "map_categorical_vars";
    /** Step: sum interactions into groups and group rows. */
    public static final String INTERACTIONS_MAPPING = "interactions_mapping";
    /** Step: check the model input's columns. */
    public static final String MODEL_INPUT_SCHEMA_CHECK = "model_input_schema_check";

    /** Output of {@value #BUILD_DBS}: {@code created} or {@code exists}. */
    public static final String DATABASE_STATUS = "database_status";
    /** Output of {@value #RAW_DATA_SCHEMA_CHECK}: the checked raw batch (kept in memory only). */
    public static final String RAW_DATA = "raw_data";
    /** Table written by {@value #LOAD_DATA_INTO_DB}. */
    public static final String LOADED_DATA = "loaded_data";
    /** Table written by {@value #MAP_CITY_TIER}. */
    public static final String CITY_TIER_MAPPED = "city_tier_mapped";
    /** Table written by {@value #MAP_CATEGORICAL_VARS}. */
    public static final String CATEGORICAL_VARIABLES_MAPPED = "categorical_variables_mapped";
    /** Table written by {@value #INTERACTIONS_MAPPING}. */
    public static final String INTERACTIONS_MAPPED = "interactions_mapped";
    /** Table written by {@value #INTERACTIONS_MAPPING}: the features and the target. */
    public static final String MODEL_INPUT = "model_input";
    /** Output of {@value #MODEL_INPUT_SCHEMA_CHECK}: the validation report. */
    public static final String MODEL_INPUT_REPORT = "model_input_report";

    private LeadScoringPipelines() {
    }

    /**
     * @param options the batch, the database and the case study's files
     * @return the data pipeline; run it with a {@link org.mlops4j.core.pipeline.PipelineRunner}
     */
    public static Pipeline data(DataPipelineOptions options) {
        DataSteps steps = new DataSteps(options);
        return Pipeline.builder(DATA_PIPELINE)
                .step(Step.named(BUILD_DBS).outputs(DATABASE_STATUS).persistOutputs(false).run(steps::buildDbs))
                .step(Step.named(RAW_DATA_SCHEMA_CHECK).after(BUILD_DBS).outputs(RAW_DATA).persistOutputs(false)
                        .run(steps::rawDataSchemaCheck))
                .step(Step.named(LOAD_DATA_INTO_DB).inputs(RAW_DATA).outputs(LOADED_DATA).persistOutputs(false)
                        .run(steps::loadDataIntoDb))
                .step(Step.named(MAP_CITY_TIER).inputs(LOADED_DATA).outputs(CITY_TIER_MAPPED).persistOutputs(false)
                        .run(steps::mapCityTier))
                .step(Step.named(MAP_CATEGORICAL_VARS).inputs(CITY_TIER_MAPPED).outputs(CATEGORICAL_VARIABLES_MAPPED)
                        .persistOutputs(false).run(steps::mapCategoricalVars))
                .step(Step.named(INTERACTIONS_MAPPING).inputs(CATEGORICAL_VARIABLES_MAPPED)
                        .outputs(INTERACTIONS_MAPPED, MODEL_INPUT).persistOutputs(false)
                        .run(steps::interactionsMapping))
                .step(Step.named(MODEL_INPUT_SCHEMA_CHECK).inputs(MODEL_INPUT).outputs(MODEL_INPUT_REPORT)
                        .persistOutputs(false).run(steps::modelInputSchemaCheck))
                .build();
    }

    /** The steps of one data pipeline; each method is one step. */
    private static final class DataSteps {
        /** The column the raw batch's file lines are read into, for messages; not a column of the data. */
        private static final String LINE_COLUMN = "__mlops_line__";

        private final DataPipelineOptions options;
        private final LeadDataTransforms transforms;
        private final BatchQuarantine quarantine;
        private final JdbcDatabase database;

        DataSteps(DataPipelineOptions options) {
            this.options = options;
            this.transforms = new LeadDataTransforms(options.mappings(), options.schemas());
            this.quarantine = new BatchQuarantine(options.quarantineFolder());
            this.database = JdbcDatabase.of(options.jdbcUrl());
        }

        StepResult buildDbs(StepContext context) throws IOException {
            Path file = options.database().toAbsolutePath();
            if (Files.exists(file)) {
                context.log().info("Database {} exists", file);
                return StepResult.of(DATABASE_STATUS, "exists");
            }
            Files.createDirectories(file.getParent());
            database.tableNames(); // opening a connection creates the SQLite file
            context.log().info("Database {} created", file);
            return StepResult.of(DATABASE_STATUS, "created");
        }

        StepResult rawDataSchemaCheck(StepContext context) {
            Path input = options.input();
            if (!Files.isRegularFile(input)) {
                throw new UncheckedIOException(new java.io.FileNotFoundException("The input batch " + input
                        + " does not exist or is not a file"));
            }
            Table raw = CsvReader.builder().lineColumn(LINE_COLUMN).build().read(input);
            Schema schema = options.schemas().rawSchema(options.inference(), transforms.numericColumns());
            ValidationReport report = schema.validate(raw, ValidationOptions.builder().source(input.toString())
                    .lineColumn(LINE_COLUMN).build());
            if (!report.valid()) {
                throw new SchemaCheckException(report, quarantine.quarantineFile(RAW_DATA_SCHEMA_CHECK, input,
                        report));
            }
            Table checked = report.validRows();
            context.log().info("{}: {} rows with the {} expected columns", input, checked.rowCount(),
                    checked.columnCount());
            return StepResult.of(RAW_DATA, checked);
        }

        StepResult loadDataIntoDb(StepContext context) {
            Table raw = context.input(RAW_DATA, Table.class);
            return write(context, LOADED_DATA, transforms.load(raw));
        }

        StepResult mapCityTier(StepContext context) {
            Table loaded = read(context.input(LOADED_DATA, StoredTable.class));
            return write(context, CITY_TIER_MAPPED, transforms.mapCityTier(loaded));
        }

        StepResult mapCategoricalVars(StepContext context) {
            Table tiered = read(context.input(CITY_TIER_MAPPED, StoredTable.class));
            return write(context, CATEGORICAL_VARIABLES_MAPPED, transforms.mapCategoricalVars(tiered));
        }

        StepResult interactionsMapping(StepContext context) {
            Table mapped = read(context.input(CATEGORICAL_VARIABLES_MAPPED, StoredTable.class));
            Table grouped = transforms.mapInteractions(mapped, options.inference());
            StepResult interactions = write(context, INTERACTIONS_MAPPED, grouped);
            StepResult modelInput = write(context, MODEL_INPUT, transforms.modelInput(grouped, options.inference()));
            return interactions.and(MODEL_INPUT, modelInput.outputs().get(MODEL_INPUT));
        }

        StepResult modelInputSchemaCheck(StepContext context) {
            Table modelInput = read(context.input(MODEL_INPUT, StoredTable.class));
            ValidationReport report = validate(options.schemas().modelInputSchema(options.inference()), modelInput,
                    options.database() + "#" + MODEL_INPUT);
            if (!report.valid()) {
                throw new SchemaCheckException(report, quarantine.quarantineFile(MODEL_INPUT_SCHEMA_CHECK,
                        options.input(), report));
            }
            context.log().info("{}: {} rows with the {} expected columns", MODEL_INPUT, modelInput.rowCount(),
                    modelInput.columnCount());
            return StepResult.of(MODEL_INPUT_REPORT, report.toJson());
        }

        private static ValidationReport validate(Schema schema, Table table, String source) {
            return schema.validate(table, ValidationOptions.builder().source(source).build());
        }

        private Table read(StoredTable stored) {
            return database.readTable(stored.table());
        }

        private StepResult write(StepContext context, String tableName, Table table) {
            database.writeTable(table, tableName, JdbcWriteMode.REPLACE);
            context.log().info("Wrote table {}: {} rows, {} columns", tableName, table.rowCount(),
                    table.columnCount());
            return StepResult.of(tableName, new StoredTable(tableName, table.rowCount()));
        }
    }
}
