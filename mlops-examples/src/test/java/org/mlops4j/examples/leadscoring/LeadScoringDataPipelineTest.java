package org.mlops4j.examples.leadscoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.examples.leadscoring.TableAssertions.assertSameTable;
import static org.mlops4j.examples.leadscoring.TableAssertions.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.JdbcDatabase;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.StepState;

/**
 * The data pipeline on the case study's own unit-test input and on a small file of edge cases, table by table,
 * against the tables that {@code expected/make_expected.py} computes independently from the case study's description.
 */
class LeadScoringDataPipelineTest {

    private static final List<String> TABLES = List.of(LeadScoringPipelines.LOADED_DATA,
            LeadScoringPipelines.CITY_TIER_MAPPED, LeadScoringPipelines.CATEGORICAL_VARIABLES_MAPPED,
            LeadScoringPipelines.INTERACTIONS_MAPPED, LeadScoringPipelines.MODEL_INPUT);
    private static final PipelineRunner RUNNER = PipelineRunner.builder().threads(2).build();

    @TempDir
    Path folder;

    @AfterAll
    static void closeRunner() {
        RUNNER.close();
    }

    private PipelineRun run(Path input, Path db, boolean inference) {
        return RUNNER.run(LeadScoringPipelines.data(DataPipelineOptions.builder(input, db).inference(inference)
                .build()));
    }

    private void assertTablesAsExpected(String input, String expectedFolder) {
        Path db = folder.resolve("leads.db");
        PipelineRun run = run(resource("/leadscoring/" + input), db, false);
        assertEquals(PipelineState.SUCCEEDED, run.state(), () -> run.steps().toString());
        JdbcDatabase database = JdbcDatabase.of("jdbc:sqlite:" + db);
        for (String table : TABLES) {
            Table expected = CsvReader.builder().build().read(resource(expectedFolder + table + ".csv"));
            assertSameTable(expected, database.readTable(table), table);
        }
    }

    @Test
    void writesTheCaseStudysExpectedTablesForItsUnitTestInput() {
        assertTablesAsExpected("leadscoring_test.csv", "/leadscoring/expected/");
    }

    @Test
    void fillsNullsMapsUnknownCitiesAndLevelsAndSumsGroupedRows() {
        assertTablesAsExpected("leadscoring_edge_cases.csv", "/leadscoring/expected/edge_cases/");
    }

    @Test
    void runsTheCaseStudysStepsInOrderAndReportsWhetherTheDatabaseExisted() {
        Path db = folder.resolve("sub/leads.db");
        PipelineRun first = run(resource("/leadscoring/leadscoring_test.csv"), db, false);
        assertEquals(List.of("build_dbs", "raw_data_schema_check", "load_data_into_db", "map_city_tier",
                "map_categorical_vars", "interactions_mapping", "model_input_schema_check"),
                first.steps().stream().map(s -> s.stepName()).toList());
        assertEquals("created", first.output(LeadScoringPipelines.DATABASE_STATUS, String.class).orElseThrow());
        PipelineRun second = run(resource("/leadscoring/leadscoring_test.csv"), db, false);
        assertEquals("exists", second.output(LeadScoringPipelines.DATABASE_STATUS, String.class).orElseThrow());
        assertEquals(PipelineState.SUCCEEDED, second.state());
        assertEquals(100, JdbcDatabase.of("jdbc:sqlite:" + db).readTable("loaded_data").rowCount(),
                "a second run replaces the tables rather than appending");
    }

    @Test
    void quarantinesABatchWithAMissingColumnBeforeAnythingIsLoaded() throws IOException {
        Table raw = CsvReader.builder().build().read(resource("/leadscoring/leadscoring_test.csv"));
        Path bad = folder.resolve("inbox/bad_batch.csv");
        CsvWriter.builder().build().write(raw.drop("referred_lead"), bad);
        Path db = folder.resolve("leads.db");
        PipelineRun run = run(bad, db, false);
        assertEquals(PipelineState.FAILED, run.state());
        assertEquals(StepState.FAILED, run.stateOf(LeadScoringPipelines.RAW_DATA_SCHEMA_CHECK));
        assertEquals(StepState.UPSTREAM_FAILED, run.stateOf(LeadScoringPipelines.LOAD_DATA_INTO_DB));
        assertEquals(StepState.UPSTREAM_FAILED, run.stateOf(LeadScoringPipelines.MODEL_INPUT_SCHEMA_CHECK));
        String error = run.step(LeadScoringPipelines.RAW_DATA_SCHEMA_CHECK).orElseThrow().lastError().orElseThrow()
                .message();
        assertTrue(error.contains("referred_lead"), error);
        Path quarantined = folder.resolve("quarantine/bad_batch.csv");
        assertTrue(Files.isRegularFile(quarantined), "the batch is copied to the quarantine folder");
        String report = Files.readString(folder.resolve("quarantine/bad_batch.csv.report.json"));
        assertTrue(report.contains("\"valid\" : false") && report.contains("referred_lead"), report);
        assertFalse(JdbcDatabase.of("jdbc:sqlite:" + db).hasTable(LeadScoringPipelines.LOADED_DATA),
                "nothing of a failing batch reaches the database");
    }

    @Test
    void groupsInferenceDataWithoutTheTarget() {
        Table raw = CsvReader.builder().build().read(resource("/leadscoring/leadscoring_edge_cases.csv"));
        Path input = folder.resolve("inference.csv");
        CsvWriter.builder().build().write(raw.drop(LeadScoringSchemas.TARGET), input);
        Path db = folder.resolve("inference.db");
        PipelineRun run = run(input, db, true);
        assertEquals(PipelineState.SUCCEEDED, run.state(), () -> run.steps().toString());
        Table expected = CsvReader.builder().build()
                .read(resource("/leadscoring/expected/edge_cases/model_input.csv"))
                .drop(LeadScoringSchemas.TARGET);
        assertSameTable(expected, JdbcDatabase.of("jdbc:sqlite:" + db).readTable("model_input"), "model_input");
    }

    @Test
    void rejectsTrainingDataAsInferenceDataBecauseItCarriesTheTarget() {
        Path db = folder.resolve("leads.db");
        PipelineRun run = run(resource("/leadscoring/leadscoring_test.csv"), db, true);
        assertEquals(StepState.FAILED, run.stateOf(LeadScoringPipelines.RAW_DATA_SCHEMA_CHECK));
        assertTrue(Files.isRegularFile(folder.resolve("quarantine/leadscoring_test.csv.report.json")));
    }

    /** A copy of the case study's unit-test input with one field replaced; lines and fields count from 1. */
    private Path withValue(String name, int line, String column, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(resource("/leadscoring/leadscoring_test.csv")));
        int field = List.of(lines.get(0).split(",", -1)).indexOf(column);
        String[] fields = lines.get(line - 1).split(",", -1);
        fields[field] = value;
        lines.set(line - 1, String.join(",", fields));
        Path copy = folder.resolve("inbox").resolve(name);
        Files.createDirectories(copy.getParent());
        Files.write(copy, lines);
        return copy;
    }

    private String rawCheckError(PipelineRun run) {
        return run.step(LeadScoringPipelines.RAW_DATA_SCHEMA_CHECK).orElseThrow().lastError().orElseThrow().message();
    }

    @Test
    void quarantinesABatchWithTextInANumericColumnNamingFileLineColumnAndValue() throws IOException {
        Path bad = withValue("bad_batch.csv", 5, LeadDataTransforms.LEADS_DROPPED, "12abc");
        Path db = folder.resolve("leads.db");

        PipelineRun run = run(bad, db, false);

        assertEquals(StepState.FAILED, run.stateOf(LeadScoringPipelines.RAW_DATA_SCHEMA_CHECK));
        assertEquals(StepState.UPSTREAM_FAILED, run.stateOf(LeadScoringPipelines.LOAD_DATA_INTO_DB));
        String error = rawCheckError(run);
        assertTrue(error.contains(bad + ", line 5, column 'total_leads_droppped': value_type: expected a number, "
                + "found '12abc'"), error);
        Path quarantined = folder.resolve("quarantine/bad_batch.csv");
        assertTrue(error.contains("the batch is quarantined as " + quarantined + " with its report "
                + quarantined + ".report.json"), error);
        assertEquals(Files.readString(bad), Files.readString(quarantined), "the batch is kept as it came");
        String report = Files.readString(folder.resolve("quarantine/bad_batch.csv.report.json"));
        assertTrue(report.contains("\"row\" : 5") && report.contains("\"found\" : \"12abc\""), report);
        assertFalse(JdbcDatabase.of("jdbc:sqlite:" + db).hasTable(LeadScoringPipelines.LOADED_DATA),
                "nothing of a failing batch reaches the database");
    }

    @Test
    void showsNulAndControlCharactersOfABadValueEscapedAndNamesEveryBadLineInTheReport() throws IOException {
        Path bad = withValue("nul_batch.csv", 3, LeadDataTransforms.REFERRED, "1\u0000\u001b[2J");
        List<String> lines = new ArrayList<>(Files.readAllLines(bad));
        String[] fields = lines.get(40).split(",", -1);
        fields[8] = "\u00072";
        lines.set(40, String.join(",", fields));
        Files.write(bad, lines);

        PipelineRun run = run(bad, folder.resolve("leads.db"), false);

        String error = rawCheckError(run);
        assertTrue(error.contains(bad + ", line 3, column 'referred_lead': value_type: expected a number, found "
                + "'1\\u0000\\u001b[2J'"), error);
        assertTrue(error.contains("2 of 100 rows rejected"), error);
        assertFalse(error.chars().anyMatch(Character::isISOControl), "no raw control character: " + error);
        String report = Files.readString(folder.resolve("quarantine/nul_batch.csv.report.json"));
        assertTrue(report.contains("\"row\" : 41"), report);
        assertTrue(report.contains("line 41, column '" + lines.get(0).split(",")[8] + "'"), report);
    }
}
