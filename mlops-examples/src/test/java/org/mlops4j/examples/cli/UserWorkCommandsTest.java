package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/**
 * The commands for a user's own work, not the case study's: {@code pipeline run FILE}, {@code train --register} and
 * {@code --tune}, {@code models register|describe}, {@code artifacts list|download}, {@code runs search}'s table,
 * and the one default of {@code --tracking-uri}.
 */
class UserWorkCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN_ID = Pattern.compile("run (\\w+) in experiment");

    @TempDir
    Path folder;

    /** A labelled file: churn depends on tenure and plan. */
    private Path churnCsv(int n) {
        Random random = new Random(11);
        NumericColumn.Builder tenure = NumericColumn.builder("tenure", n);
        CategoricalColumn.Builder plan = CategoricalColumn.builder("plan", n);
        CategoricalColumn.Builder churned = CategoricalColumn.builder("churned", n);
        for (int i = 0; i < n; i++) {
            double t = random.nextGaussian();
            boolean basic = random.nextBoolean();
            tenure.add(t);
            plan.add(basic ? "basic" : "pro");
            churned.add(random.nextDouble() < 1 / (1 + Math.exp(2 * t - (basic ? 1 : -1))) ? "yes" : "no");
        }
        Path file = folder.resolve("churn.csv");
        CsvWriter.builder().build().write(Table.of(tenure.build(), plan.build(), churned.build()), file);
        return file;
    }

    private String uri() {
        return "file:" + folder.resolve("mlruns");
    }

    private static String runId(MlopsCommandTest.Result result) {
        Matcher m = RUN_ID.matcher(result.out());
        assertTrue(m.find(), result.out());
        return m.group(1);
    }

    @Test
    void trainRegistersTheBestModelWhichDescribeArtifactsAndSearchThenShow() throws Exception {
        MlopsCommandTest.Result train = MlopsCommandTest.mlops("train", "--input", churnCsv(400), "--target",
                "churned", "--folds", 3, "--models", "lr,dummy", "--tracking-uri", uri(), "--experiment", "churn",
                "--register", "churn-model");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("registered churn-model version 1 from runs:/"), train.out());
        String parent = runId(train);

        MlopsCommandTest.Result describe = MlopsCommandTest.mlops("models", "describe", "--tracking-uri", uri(),
                "--name", "churn-model");
        assertEquals(0, describe.code(), describe.err());
        assertTrue(describe.out().contains("version 1  None"), describe.out());
        assertTrue(describe.out().contains("source runs:/" + parent + "/model"), describe.out());
        assertTrue(describe.out().contains("input [tenure:numeric, plan:categorical]"), describe.out());
        assertTrue(describe.out().contains("tags {mlops.data.fingerprint="), describe.out());

        MlopsCommandTest.Result list = MlopsCommandTest.mlops("artifacts", "list", parent, "--tracking-uri", uri());
        assertEquals(0, list.code(), list.err());
        for (String artifact : List.of("model/", "evaluation.html", "evaluation.json", "leaderboard.json")) {
            assertTrue(list.out().contains(artifact), artifact + " in " + list.out());
        }
        Path downloads = folder.resolve("downloads");
        MlopsCommandTest.Result download = MlopsCommandTest.mlops("artifacts", "download", parent, "model",
                "--output", downloads, "--tracking-uri", uri());
        assertEquals(0, download.code(), download.err());
        Path model = Path.of(download.out().strip());
        assertTrue(Files.isDirectory(model) && model.startsWith(downloads), download.out());
        try (var files = Files.list(model)) {
            assertTrue(files.findAny().isPresent(), "the model folder has files");
        }

        MlopsCommandTest.Result again = MlopsCommandTest.mlops("models", "register", "--tracking-uri", uri(),
                "--name", "churn-copy", "--run", parent);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("churn-copy  version 1"), again.out());
        assertTrue(again.out().contains("source runs:/" + parent + "/model"), again.out());

        MlopsCommandTest.Result search = MlopsCommandTest.mlops("runs", "search", "--tracking-uri", uri(),
                "--experiment", "churn", "--filter", "attributes.run_id = '" + parent + "'");
        assertEquals(0, search.code(), search.err());
        List<String> lines = search.out().lines().toList();
        assertTrue(lines.get(0).startsWith("run_id") && lines.get(0).contains("params.folds"), search.out());
        String auc = JSON.readTree(MlopsCommandTest.mlops("runs", "search", "--tracking-uri", uri(), "--experiment",
                "churn", "--filter", "attributes.run_id = '" + parent + "'", "--json").out()).get(0)
                .path("metrics").fieldNames().next();
        assertTrue(lines.get(0).contains("metrics." + auc), search.out());
        assertTrue(lines.get(1).startsWith(parent) && lines.get(1).contains("FINISHED"), search.out());
        int folds = lines.get(0).indexOf("params.folds");
        assertTrue(lines.get(1).startsWith("3 ", folds), "params are aligned left under their header: " + search.out());
        int aucEnd = lines.get(0).indexOf("metrics." + auc) + ("metrics." + auc).length();
        double value = JSON.readTree(MlopsCommandTest.mlops("runs", "search", "--tracking-uri", uri(),
                "--experiment", "churn", "--filter", "attributes.run_id = '" + parent + "'", "--json").out()).get(0)
                .path("metrics").path(auc).asDouble();
        assertTrue(lines.get(1).substring(0, aucEnd).endsWith(" " + TextTable.number(value)),
                "metric values are aligned right under their header: " + search.out());
        assertEquals("1 run(s)", lines.get(2), search.out());
    }

    @Test
    void tuneSearchesOneFamilyAndRefusesAnUnknownOne() throws Exception {
        Path csv = churnCsv(300);
        MlopsCommandTest.Result tune = MlopsCommandTest.mlops("train", "--input", csv, "--target", "churned",
                "--folds", 2, "--tune", "dt", "--iterations", 2, "--tracking-uri", uri(), "--json");
        assertEquals(0, tune.code(), tune.err());
        JsonNode board = JSON.readTree(tune.out());
        assertEquals(3, board.path("entries").size(), "the defaults and two sampled configurations: " + tune.out());
        assertTrue(board.path("entries").toString().contains("dt#0"), tune.out());

        MlopsCommandTest.Result unknown = MlopsCommandTest.mlops("train", "--input", csv, "--target", "churned",
                "--tune", "nosuch", "--tracking-uri", uri());
        assertEquals(2, unknown.code(), unknown.out());
        assertTrue(unknown.err().contains("--tune") && unknown.err().contains("nosuch"), unknown.err());

        MlopsCommandTest.Result both = MlopsCommandTest.mlops("train", "--input", csv, "--target", "churned",
                "--tune", "dt", "--models", "lr", "--tracking-uri", uri());
        assertEquals(2, both.code(), both.out());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void runsAPipelineDeclaredInTheUsersFile() throws Exception {
        Path csv = churnCsv(50);
        Path yaml = folder.resolve("count.yaml");
        Files.writeString(yaml, """
                name: count
                steps:
                  - name: load
                    type: csv-rows
                    params: {path: "%s"}
                    outputs: [rows]
                  - name: check
                    type: min-rows
                    inputs: [rows]
                    params: {min: %d}
                """.formatted(csv.toString().replace("\\", "/"), 10));
        MlopsCommandTest.Result run = MlopsCommandTest.mlops("pipeline", "run", yaml, "--tracking-uri", uri());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("pipeline count SUCCEEDED"), run.out());
        MlopsCommandTest.Result runs = MlopsCommandTest.mlops("runs", "search", "--tracking-uri", uri(),
                "--experiment", "pipelines", "--json");
        assertEquals(3, JSON.readTree(runs.out()).size(), "one run for the pipeline, one per step: " + runs.out());

        Files.writeString(yaml, Files.readString(yaml).replace("min: 10", "min: 100"));
        MlopsCommandTest.Result tooFew = MlopsCommandTest.mlops("pipeline", "run", yaml, "--tracking-uri", uri());
        assertEquals(ExitCodes.BAD_INPUT, tooFew.code(), tooFew.out());
        assertTrue(tooFew.out().contains("check") && tooFew.out().contains("FAILED"), tooFew.out());
        assertTrue(tooFew.err().contains("The table has 50 rows; at least 100 are needed"), tooFew.err());

        Files.writeString(yaml, Files.readString(yaml).replace("type: min-rows", "type: at-least"));
        MlopsCommandTest.Result unknownType = MlopsCommandTest.mlops("pipeline", "run", yaml, "--tracking-uri",
                uri());
        assertEquals(ExitCodes.BAD_INPUT, unknownType.code(), unknownType.out());
        assertTrue(unknownType.err().contains("at-least") && unknownType.err().contains("min-rows"),
                unknownType.err());

        MlopsCommandTest.Result caseStudy = MlopsCommandTest.mlops("pipeline", "run", "data", "--help");
        assertEquals(0, caseStudy.code(), "the case study's pipelines stay subcommands");
        MlopsCommandTest.Result none = MlopsCommandTest.mlops("pipeline", "run");
        assertEquals(ExitCodes.BAD_INPUT, none.code());
        assertTrue(none.err().contains("FILE.yaml") && none.err().contains("training"), none.err());
    }

    @Test
    void everyStoreCommandDefaultsToTheConfiguredTrackingUri() {
        MlopsCommandTest.Result train = MlopsCommandTest.mlops("train", "--input", churnCsv(200), "--target",
                "churned", "--folds", 2, "--models", "lr", "--tracking-uri", uri(), "--register", "m");
        assertEquals(0, train.code(), train.err());
        String previous = System.getProperty(MlopsProperties.TRACKING_URI);
        System.setProperty(MlopsProperties.TRACKING_URI, uri());
        try {
            for (List<Object> command : List.<List<Object>>of(List.of("runs", "search"), List.of("models", "list"),
                    List.of("models", "describe", "--name", "m"), List.of("artifacts", "list", runId(train)))) {
                MlopsCommandTest.Result result = MlopsCommandTest.mlops(command.toArray());
                assertEquals(0, result.code(), command + ": " + result.err());
            }
            MlopsCommandTest.Result elsewhere = MlopsCommandTest.mlops("runs", "search", "--tracking-uri",
                    "file:" + folder.resolve("nothing-here"));
            assertEquals(ExitCodes.BAD_INPUT, elsewhere.code(), "the option wins over the property");
        } finally {
            if (previous == null) {
                System.clearProperty(MlopsProperties.TRACKING_URI);
            } else {
                System.setProperty(MlopsProperties.TRACKING_URI, previous);
            }
        }
    }

    @Test
    void aRegistryElsewhereIsUsedByEveryCommandGivenItsRegistryUri() {
        String registry = "jdbc:sqlite:" + folder.resolve("registry.db");
        MlopsCommandTest.Result train = MlopsCommandTest.mlops("train", "--input", churnCsv(200), "--target",
                "churned", "--folds", 2, "--models", "lr", "--tracking-uri", uri(), "--registry-uri", registry,
                "--register", "churn");
        assertEquals(0, train.code(), train.err());
        MlopsCommandTest.Result there = MlopsCommandTest.mlops("models", "list", "--tracking-uri", uri(),
                "--registry-uri", registry);
        assertTrue(there.out().contains("churn  version 1"), there.out());
        MlopsCommandTest.Result describe = MlopsCommandTest.mlops("models", "describe", "--name", "churn",
                "--tracking-uri", uri(), "--registry-uri", registry);
        assertTrue(describe.out().contains("source runs:/" + runId(train) + "/model"), describe.out());
        MlopsCommandTest.Result trackingOnly = MlopsCommandTest.mlops("models", "list", "--tracking-uri", uri());
        assertEquals(0, trackingOnly.code(), trackingOnly.err());
        assertEquals("", trackingOnly.out(), "the tracking store's own registry holds nothing");
    }

    @Test
    void artifactsOfAnUnknownRunIsABadInput() {
        MlopsCommandTest.mlops("train", "--input", churnCsv(200), "--target", "churned", "--folds", 2, "--models",
                "dummy", "--tracking-uri", uri());
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("artifacts", "list", "nosuchrun", "--tracking-uri",
                uri());
        assertEquals(ExitCodes.BAD_INPUT, result.code(), result.out());
        assertTrue(result.err().contains("No run 'nosuchrun'"), result.err());
    }
}
