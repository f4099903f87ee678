package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.JdbcDatabase;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.examples.leadscoring.LeadGenerator;

/** The {@code mlops} tool run in this process: output, files and exit codes. */
class MlopsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** Standard output, standard error and exit code of one run. */
    record Result(int code, String out, String err) {
    }

    static Result mlops(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] text = java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int code = MlopsCommand.execute(new PrintWriter(out), new PrintWriter(err), text);
        return new Result(code, out.toString(), err.toString());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(MlopsCommandTest.class.getResource(name).toURI());
    }

    private static Path schemasJson() throws URISyntaxException {
        return resource("/leadscoring/schemas.json");
    }

    @Test
    void printsHelpForEveryCommand() {
        List<List<String>> commands = List.of(List.of(), List.of("pipeline"), List.of("pipeline", "run"),
                List.of("pipeline", "run", "data"), List.of("drift"), List.of("profile"), List.of("validate"),
                List.of("generate"), List.of("demo"), List.of("pipeline", "run", "training"),
                List.of("pipeline", "run", "inference"), List.of("pipeline", "run", "monitoring"), List.of("train"),
                List.of("runs"), List.of("runs", "search"), List.of("models"), List.of("models", "list"),
                List.of("models", "transition"), List.of("models", "alias"), List.of("models", "register"),
                List.of("models", "describe"), List.of("artifacts"), List.of("artifacts", "list"),
                List.of("artifacts", "download"));
        for (List<String> command : commands) {
            Object[] args = new Object[command.size() + 1];
            command.toArray(args);
            args[command.size()] = "--help";
            Result result = mlops(args);
            assertEquals(ExitCodes.OK, result.code(), command.toString());
            assertTrue(result.out().startsWith("Usage: mlops" + (command.isEmpty() ? "" : " " + String.join(" ",
                    command))), result.out());
        }
        assertTrue(mlops("--help").out().contains("1  checks failed or drift found"));
    }

    @Test
    void printsItsVersion() {
        Result result = mlops("--version");
        assertEquals(ExitCodes.OK, result.code());
        assertTrue(result.out().startsWith("mlops "), result.out());
    }

    @Test
    void answersBadUsageWithExitCodeTwoInOneLineThatPointsToTheHelp() {
        Result unknown = mlops("drift", "--reference", "a.csv", "--current", "b.csv", "--bogus");
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
        assertEquals("mlops drift: Unknown option: '--bogus' (see 'mlops drift --help')", unknown.err().strip());
        Result missing = mlops("profile");
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("Missing required option: '--input=CSV'"), missing.err());
        assertEquals(ExitCodes.BAD_INPUT, mlops().code());
        Result noPipeline = mlops("pipeline", "run");
        assertEquals(ExitCodes.BAD_INPUT, noPipeline.code());
        assertTrue(noPipeline.err().contains("Missing the pipeline: a FILE.yaml or FILE.json, or the name of one of"
                + " the case study's: data"), noPipeline.err());
        assertEquals(ExitCodes.BAD_INPUT, mlops("pipeline", "run", "nonsense").code());
    }

    @Test
    void reportsAMissingInputFileInOneLineWithoutAStackTrace() {
        Result result = mlops("profile", "--input", folder.resolve("absent.csv"));
        assertEquals(ExitCodes.BAD_INPUT, result.code());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("absent.csv") && result.err().contains("--input"), result.err());
        Result verbose = mlops("profile", "--input", folder.resolve("absent.csv"), "--verbose");
        assertTrue(verbose.err().contains("at org.mlops4j"), "--verbose prints the stack trace");
    }

    @Test
    void runsTheDataPipelineIntoTheSqliteFile() throws Exception {
        Path db = folder.resolve("leads.db");
        Result result = mlops("pipeline", "run", "data", "--input", resource("/leadscoring/leadscoring_test.csv"),
                "--db", db);
        assertEquals(ExitCodes.OK, result.code(), result.err());
        assertTrue(result.out().contains("model_input_schema_check") && result.out().contains("SUCCEEDED"),
                result.out());
        assertEquals(List.of("categorical_variables_mapped", "city_tier_mapped", "interactions_mapped",
                "loaded_data", "model_input"), JdbcDatabase.of("jdbc:sqlite:" + db).tableNames());
    }

    @Test
    void failsTheDataPipelineWithExitCodeOneAndQuarantinesTheBatch() throws Exception {
        Table raw = CsvReader.builder().build().read(resource("/leadscoring/leadscoring_test.csv"));
        Path bad = folder.resolve("bad.csv");
        CsvWriter.builder().build().write(raw.drop("first_utm_source_c"), bad);
        Result result = mlops("pipeline", "run", "data", "--input", bad, "--db", folder.resolve("leads.db"),
                "--quarantine", folder.resolve("q"));
        assertEquals(ExitCodes.CHECKS_FAILED, result.code());
        assertTrue(result.err().contains("raw_data_schema_check failed"), result.err());
        assertTrue(Files.exists(folder.resolve("q/bad.csv.report.json")));
        Result missing = mlops("pipeline", "run", "data", "--input", folder.resolve("none.csv"), "--db",
                folder.resolve("leads.db"));
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
    }

    @Test
    void printsTheDriftReportAsJsonAndExitsWithOneWhenTheDatasetDrifted() throws Exception {
        Path reference = folder.resolve("reference.csv");
        Path same = folder.resolve("same.csv");
        Path drifted = folder.resolve("drifted.csv");
        LeadGenerator.builder().seed(1).rows(3000).build().write(reference);
        LeadGenerator.builder().seed(2).rows(3000).build().write(same);
        LeadGenerator.builder().seed(3).rows(3000).caseStudyInferenceDrift().build().write(drifted);
        String columns = "first_platform_c,first_utm_medium_c,first_utm_source_c";

        Result quiet = mlops("drift", "--reference", reference, "--current", same, "--columns", columns);
        assertEquals(ExitCodes.OK, quiet.code(), quiet.err());
        JsonNode report = JSON.readTree(quiet.out());
        assertFalse(report.get("dataset_drift").asBoolean());
        assertEquals(3, report.get("number_of_columns").asInt());

        Path html = folder.resolve("drift.html");
        Result loud = mlops("drift", "--reference", reference, "--current", drifted, "--columns", columns,
                "--stattest", "psi", "--threshold", "0.1", "--html", html);
        assertEquals(ExitCodes.CHECKS_FAILED, loud.code(), loud.err());
        JsonNode drift = JSON.readTree(loud.out());
        assertTrue(drift.get("dataset_drift").asBoolean());
        assertEquals("psi", drift.get("columns").get(0).get("stattest").asText());
        assertTrue(Files.readString(html).contains("<svg"));

        assertEquals(ExitCodes.BAD_INPUT, mlops("drift", "--reference", reference, "--current", same,
                "--stattest", "nosuchtest").code());
        Result noColumn = mlops("drift", "--reference", reference, "--current", same, "--columns", "nosuchcolumn");
        assertEquals(ExitCodes.BAD_INPUT, noColumn.code());
        assertTrue(noColumn.err().contains("nosuchcolumn"), noColumn.err());
    }

    @Test
    void profilesACsvFileToJsonAndHtml() throws Exception {
        Path input = resource("/leadscoring/leadscoring_test.csv");
        Result printed = mlops("profile", "--input", input);
        assertEquals(ExitCodes.OK, printed.code(), printed.err());
        assertEquals(100, JSON.readTree(printed.out()).get("overview").get("rows").asInt());
        Path html = folder.resolve("p.html");
        Path json = folder.resolve("p.json");
        Result written = mlops("profile", "--input", input, "--html", html, "--json", json, "--title", "Leads");
        assertEquals(ExitCodes.OK, written.code());
        assertTrue(Files.readString(html).contains("Leads"));
        assertEquals(45, JSON.readTree(json.toFile()).get("overview").get("columns").asInt());
    }

    @Test
    void validatesAgainstTheCaseStudysColumnListsAndMlopsSchemas() throws Exception {
        Path input = resource("/leadscoring/leadscoring_test.csv");
        Result raw = mlops("validate", "--schema", schemasJson(), "--schema-name", "raw_data_schema", "--input",
                input);
        assertEquals(ExitCodes.OK, raw.code(), raw.out() + raw.err());
        assertTrue(raw.out().contains("VALID"), raw.out());

        Path rejected = folder.resolve("rejected.csv");
        Result modelInput = mlops("validate", "--schema", schemasJson(), "--schema-name", "model_input_schema",
                "--input", input, "--quarantine", rejected, "--format", "json");
        assertEquals(ExitCodes.CHECKS_FAILED, modelInput.code());
        assertFalse(JSON.readTree(modelInput.out()).get("valid").asBoolean());
        assertEquals(101, Files.readAllLines(rejected).size(), "every row of a table with wrong columns is rejected");
        assertTrue(Files.exists(folder.resolve("rejected.csv.report.json")));

        Path schema = folder.resolve("schema.json");
        Schema.of(CsvReader.builder().build().read(input)).writeJson(schema);
        assertEquals(ExitCodes.OK, mlops("validate", "--schema", schema, "--input", input).code());
        Result noName = mlops("validate", "--schema", schemasJson(), "--input", input);
        assertEquals(ExitCodes.BAD_INPUT, noName.code());
        assertTrue(noName.err().contains("raw_data_schema"), noName.err());
    }

    @Test
    void generatesLeadsWithDrift() throws Exception {
        Path output = folder.resolve("gen.csv");
        Result result = mlops("generate", "--output", output, "--rows", 200, "--seed", 4, "--drift",
                "first_platform_c=6", "--start", "2022-03-01", "--end", "2022-03-31");
        assertEquals(ExitCodes.OK, result.code(), result.err());
        Table table = CsvReader.builder().build().read(output);
        assertEquals(200, table.rowCount());
        assertEquals(45, table.columnCount());
        assertTrue(table.column("created_date").format(0).startsWith("2022-03"));
        assertEquals(ExitCodes.BAD_INPUT, mlops("generate", "--output", output, "--drift", "created_date=5").code());
    }
}
