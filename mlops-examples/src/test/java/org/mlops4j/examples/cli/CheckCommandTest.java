package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.examples.leadscoring.LeadDrift;
import org.mlops4j.examples.leadscoring.LeadGenerator;

/** {@code mlops check} in this process: its output, its reports, the case study's preset and model quality. */
class CheckCommandTest {

    @TempDir
    static Path folder;

    private static Path leads;
    private static Path sameLeads;
    private static Path driftedLeads;

    private record Result(int code, String out, String err) {
    }

    private static Result mlops(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MlopsCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void generateLeads() {
        leads = folder.resolve("reference.csv");
        LeadGenerator.builder().seed(1).rows(2000).build().write(leads);
        sameLeads = folder.resolve("same.csv");
        LeadGenerator.builder().seed(2).rows(2000).build().write(sameLeads);
        driftedLeads = folder.resolve("drifted.csv");
        LeadGenerator.builder().seed(3).rows(2000).drift(LeadDrift.moveMass("first_platform_c", 30),
                LeadDrift.moveMass("first_utm_medium_c", 30), LeadDrift.moveMass("first_utm_source_c", 30))
                .build().write(driftedLeads);
    }

    @Test
    void theLeadScoringPresetPassesOnAnotherBatchOfTheSameLeads() {
        Result result = mlops("check", "--preset", "lead-scoring", "--reference", leads.toString(), "--current",
                sameLeads.toString());

        assertEquals(ExitCodes.OK, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("Lead scoring input: "), result.out());
    }

    @Test
    void theLeadScoringPresetFailsOnDriftedLeadsAndSaysWhichColumnsDrifted() {
        Result result = mlops("check", "--preset", "lead-scoring", "--reference", leads.toString(), "--current",
                driftedLeads.toString());

        assertEquals(ExitCodes.CHECKS_FAILED, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("FAIL  drifted_share: "), result.out());
        assertTrue(result.out().contains("WARN  column_drift [first_platform_c]: drift detected"), result.out());
    }

    @Test
    void printsTheResultAsJsonAndWritesTheHtmlPage() throws IOException {
        Path html = folder.resolve("check.html");
        Result result = mlops("check", "--preset", "data-stability", "--reference", leads.toString(), "--current",
                sameLeads.toString(), "--json", "--html", html.toString());

        assertTrue(result.out().startsWith("{"), result.out());
        assertTrue(result.out().contains("\"suite\" : \"Data stability\""), result.out());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</html>\n"), page);
        assertTrue(page.contains("<td>missing_share</td>"), page);
    }

    @Test
    void modelQualityIsComputedByMlopsModelsOnTheLabelledWindows() throws IOException {
        Path reference = folder.resolve("labelled-reference.csv");
        Path current = folder.resolve("labelled-current.csv");
        // reference: every prediction right; current: 3 of 4 right, recall of class 1 is 1/2
        Files.writeString(reference, "label,prediction\n1,1\n0,0\n1,1\n0,0\n");
        Files.writeString(current, "label,prediction\n1,1\n0,0\n1,0\n0,0\n");
        Path suite = Files.writeString(folder.resolve("quality.json"), """
                {"name": "quality", "checks": [
                  {"check": "model_quality", "metric": "accuracy", "target": "label", "condition": {"gte": 0.75}},
                  {"check": "model_quality", "metric": "recall", "target": "label"}
                ]}""");

        Result result = mlops("check", "--suite", suite.toString(), "--reference", reference.toString(),
                "--current", current.toString(), "--json");

        assertEquals(ExitCodes.CHECKS_FAILED, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("\"value\" : 0.75"), result.out());
        assertTrue(result.out().contains("\"value\" : 0.5"), result.out());
        assertTrue(result.out().contains("\"condition\" : \"≥ 0.8 and ≤ 1.2\""), result.out());
    }

    @Test
    void readsASuiteWrittenInYaml() throws IOException {
        Path suite = Files.writeString(folder.resolve("suite.yaml"), """
                name: yaml suite
                checks:
                  - check: row_count
                    condition: {between: [1999, 2000]}
                  - check: new_categories
                    columns: [first_platform_c]
                    severity: warn
                """);

        Result result = mlops("check", "--suite", suite.toString(), "--reference", leads.toString(), "--current",
                driftedLeads.toString(), "--json");

        assertEquals(ExitCodes.OK, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("\"suite\" : \"yaml suite\""), result.out());
        assertTrue(result.out().contains("\"condition\" : \"≥ 1999 and ≤ 2000\""), result.out());
    }

    @Test
    void theModelQualityMetricsAgreeWithTheirDefinitions() {
        ModelQualityMetrics metrics = new ModelQualityMetrics();
        CategoricalColumn actual = CategoricalColumn.of("y", "yes", "no", "yes", "yes", "no");
        CategoricalColumn predicted = CategoricalColumn.of("p", "yes", "yes", "no", "yes", "no");
        // tp 2, fp 1, fn 1, tn 1: precision 2/3, recall 2/3, accuracy 3/5
        assertEquals(2.0 / 3, metrics.compute("precision", actual, predicted), 1e-12);
        assertEquals(2.0 / 3, metrics.compute("recall", actual, predicted), 1e-12);
        assertEquals(0.6, metrics.compute("accuracy", actual, predicted), 1e-12);
        NumericColumn truth = NumericColumn.of("t", 1, 2, 3);
        NumericColumn guess = NumericColumn.of("g", 1, 2, 5);
        assertEquals(2.0 / 3, metrics.compute("mae", truth, guess), 1e-12);
        NumericColumn scores = NumericColumn.of("s", 0.9, 0.8, 0.3, 0.7, 0.1);
        // positives score 0.9, 0.3, 0.7; negatives 0.8, 0.1: 4 of 6 pairs ordered right
        assertEquals(4.0 / 6, metrics.compute("auc", actual, scores), 1e-12);
    }

    @Test
    void helpNamesTheExitCodesAndANeitherSuiteNorPresetIsABadInput() {
        Result help = mlops("check", "--help");
        assertEquals(ExitCodes.OK, help.code());
        assertTrue(help.out().startsWith("Usage: mlops check"), help.out());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("Exit code 0 when the suite passes"), help.out());

        Result neither = mlops("check", "--reference", leads.toString(), "--current", leads.toString());
        assertEquals(ExitCodes.BAD_INPUT, neither.code());
        assertTrue(neither.err().contains("--suite") && neither.err().contains("--preset"), neither.err());
    }

    @Test
    void anUnknownPresetIsABadInputNamingThePresets() {
        Result result = mlops("check", "--preset", "stable", "--reference", leads.toString(), "--current",
                leads.toString());

        assertEquals(ExitCodes.BAD_INPUT, result.code());
        assertTrue(result.err().contains("[data-stability, lead-scoring]"), result.err());
    }
}
