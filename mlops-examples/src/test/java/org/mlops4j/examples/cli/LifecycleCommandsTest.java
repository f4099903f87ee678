package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.JdbcDatabase;
import org.mlops4j.core.data.JdbcWriteMode;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.examples.leadscoring.LeadDrift;
import org.mlops4j.examples.leadscoring.LeadGenerator;
import org.mlops4j.examples.leadscoring.LeadScoringSchemas;
import org.mlops4j.examples.leadscoring.LeadScoringTraining;
import org.mlops4j.models.EvaluationMetric;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.TrainedModel;

/** The pipeline, train, runs and models commands, one after another on one tracking store. */
class LifecycleCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** Generated raw leads run through the data pipeline (which must succeed) into {@code training.db}. */
    private Path trainingDatabase(long seed, int rows) {
        Path train = folder.resolve("train.csv");
        LeadGenerator.builder().seed(seed).rows(rows).build().write(train);
        Path trainingDb = folder.resolve("training.db");
        MlopsCommandTest.Result data = MlopsCommandTest.mlops("pipeline", "run", "data", "--input", train, "--db",
                trainingDb);
        assertEquals(0, data.code(), data.err());
        return trainingDb;
    }

    @Test
    void trainsScoresMonitorsAndManagesModelsFromTheShell() throws Exception {
        String uri = "file:" + folder.resolve("mlruns");
        Path trainingDb = trainingDatabase(3, 8000);

        MlopsCommandTest.Result training = MlopsCommandTest.mlops("pipeline", "run", "training", "--db", trainingDb,
                "--tracking-uri", uri, "--folds", 2, "--models", "lr,nb");
        assertEquals(0, training.code(), training.err());
        assertTrue(training.out().contains("encode_features"), training.out());
        assertTrue(training.out().contains("Registered version 1"), training.out());
        assertTrue(training.out().contains("promoted to Production"), training.out());

        Path labelled = folder.resolve("week.csv");
        Table week = LeadGenerator.builder().seed(4).rows(4000)
                .drift(LeadDrift.moveMass("first_utm_source_c", 14)).build().write(labelled);
        Path unlabelled = folder.resolve("week-unlabelled.csv");
        CsvWriter.builder().build().write(week.drop(LeadScoringSchemas.TARGET), unlabelled);
        Path weekDb = folder.resolve("week.db");
        assertEquals(0, MlopsCommandTest.mlops("pipeline", "run", "data", "--input", unlabelled, "--db", weekDb,
                "--inference").code());
        Path serving = folder.resolve("serving");
        MlopsCommandTest.Result inference = MlopsCommandTest.mlops("pipeline", "run", "inference", "--db", weekDb,
                "--output", serving, "--batch", "week", "--sample-rate", 0.5, "--tracking-uri", uri);
        assertEquals(0, inference.code(), inference.err());
        assertTrue(inference.out().contains("scored by version 1"), inference.out());
        assertEquals(1, Files.readAllLines(serving.resolve("prediction_distribution.jsonl")).size());
        long captured = Files.readAllLines(serving.resolve("serving_log.jsonl")).size();
        assertTrue(captured > 1700 && captured < 2300, "about half of 4000 requests captured: " + captured);

        MlopsCommandTest.Result monitoring = MlopsCommandTest.mlops("pipeline", "run", "monitoring",
                "--serving-log", serving.resolve("serving_log.jsonl"), "--reference-db", trainingDb,
                "--output", folder.resolve("monitoring"), "--labels", labelled, "--tracking-uri", uri);
        assertEquals(1, monitoring.code(), monitoring.out() + monitoring.err());
        assertTrue(monitoring.out().contains("-> escalate"), monitoring.out());
        assertTrue(monitoring.out().contains("ESCALATED"), monitoring.out());
        assertTrue(monitoring.out().indexOf("ESCALATED") > monitoring.out().indexOf("SUCCEEDED"),
                "the outcome comes after the step table: " + monitoring.out());
        assertTrue(monitoring.out().matches("(?s).*quality auc 0\\.\\d{3}, .*"), "numbers formatted: "
                + monitoring.out());
        assertTrue(Files.isRegularFile(folder.resolve("monitoring/drift_report.html")));

        MlopsCommandTest.Result search = MlopsCommandTest.mlops("runs", "search", "--tracking-uri", uri,
                "--experiment", "monitoring", "--filter", "metrics.max_deviation_pct > 10", "--json");
        assertEquals(0, search.code(), search.err());
        JsonNode runs = JSON.readTree(search.out());
        assertEquals(1, runs.size(), search.out());
        assertEquals("ESCALATE", runs.get(0).path("tags").path("mlops.monitor.action").asText());
        assertTrue(runs.get(0).path("metrics").path("quality_auc").asDouble() > 0.7, search.out());

        MlopsCommandTest.Result alias = MlopsCommandTest.mlops("models", "alias", "--tracking-uri", uri, "--name",
                "lead-scoring", "--alias", "challenger", "--version", 1);
        assertEquals(0, alias.code(), alias.err());
        MlopsCommandTest.Result archive = MlopsCommandTest.mlops("models", "transition", "--tracking-uri", uri,
                "--name", "lead-scoring", "--version", 1, "--stage", "archived");
        assertEquals(0, archive.code(), archive.err());
        MlopsCommandTest.Result list = MlopsCommandTest.mlops("models", "list", "--tracking-uri", uri);
        assertTrue(list.out().contains("version 1  Archived"), list.out());
        assertTrue(list.out().contains("challenger"), list.out());

        MlopsCommandTest.Result noProduction = MlopsCommandTest.mlops("pipeline", "run", "inference", "--db", weekDb,
                "--output", serving, "--tracking-uri", uri);
        assertEquals(2, noProduction.code(), noProduction.out());
        assertTrue(noProduction.err().contains("no version in Production"), noProduction.err());
    }

    @Test
    void challengePromotesOnlyAVersionThatScoresBetterThanProduction() throws Exception {
        String uri = "file:" + folder.resolve("mlruns");
        Path trainingDb = trainingDatabase(6, 6000);
        Table modelInput = LeadScoringTraining.readModelInput(trainingDb);
        Table training = modelInput.filter(i -> i < 4000);
        Path heldOut = folder.resolve("held-out.csv");
        CsvWriter.builder().build().write(modelInput.filter(i -> i >= 4000), heldOut);

        TrainedModel nb;
        TrainedModel lr;
        try (TrackingLocation location = TrackingLocation.open(StoreSettings.of(uri, null))) {
            ModelTracking models = ModelTracking.of(location.tracking(), location.registry());
            ModelingSetup setup = ModelingSetup.builder(training, LeadScoringSchemas.TARGET).folds(2).seed(1).build();
            nb = setup.createModel("nb").model();
            lr = setup.createModel("lr").model();
            for (TrainedModel model : new TrainedModel[] {nb, nb, lr}) {   // versions 1, 2 (a copy of 1) and 3
                try (ActiveRun run = location.tracking().startRun("models", model.family())) {
                    models.register(models.logModel(run, model, training), "lead-scoring");
                    run.end();
                }
            }
            location.registry().transitionStage("lead-scoring", 1, ModelStage.PRODUCTION, true);
        }

        MlopsCommandTest.Result copy = MlopsCommandTest.mlops("models", "challenge", "--tracking-uri", uri,
                "--name", "lead-scoring", "--version", 2, "--held-out", heldOut);
        assertEquals(1, copy.code(), copy.out() + copy.err());
        assertTrue(copy.out().contains("Version 2: held-out AUC"), copy.out());
        assertTrue(copy.out().contains("not promoted, Production unchanged"), copy.out());

        MlopsCommandTest.Result challenger = MlopsCommandTest.mlops("models", "challenge", "--tracking-uri", uri,
                "--name", "lead-scoring", "--version", 3, "--held-out", heldOut, "--json");
        JsonNode decision = JSON.readTree(challenger.out());
        double lrAuc = lr.evaluate(CsvReader.builder().build().read(heldOut)).get(EvaluationMetric.AUC);
        double nbAuc = nb.evaluate(CsvReader.builder().build().read(heldOut)).get(EvaluationMetric.AUC);
        assertEquals(lrAuc, decision.path("candidateScore").asDouble(), 1e-12, challenger.out());
        assertEquals(nbAuc, decision.path("championScore").asDouble(), 1e-12, challenger.out());
        assertEquals(1, decision.path("championVersion").asInt());
        boolean better = lrAuc > nbAuc;
        assertEquals(better, decision.path("promoted").asBoolean(), challenger.out());
        assertEquals(better ? 0 : 1, challenger.code(), challenger.err());
        MlopsCommandTest.Result list = MlopsCommandTest.mlops("models", "list", "--tracking-uri", uri);
        assertTrue(list.out().contains(better ? "version 3  Production" : "version 1  Production"), list.out());

        MlopsCommandTest.Result missing = MlopsCommandTest.mlops("models", "challenge", "--tracking-uri", uri,
                "--name", "lead-scoring", "--version", 3, "--held-out", folder.resolve("nope.csv"));
        assertEquals(2, missing.code(), missing.out());
        assertTrue(missing.err().contains("--held-out"), missing.err());
    }

    @Test
    void refusesABatchThatLacksAModelFeatureAndNamesIt() {
        String uri = "file:" + folder.resolve("mlruns");
        Path trainingDb = trainingDatabase(5, 3000);
        assertEquals(0, MlopsCommandTest.mlops("pipeline", "run", "training", "--db", trainingDb, "--tracking-uri",
                uri, "--folds", 2, "--models", "nb").code());
        Table withoutCityTier = LeadScoringTraining.readModelInput(trainingDb).drop("city_tier",
                LeadScoringSchemas.TARGET);
        Path batchDb = folder.resolve("batch.db");
        JdbcDatabase.of("jdbc:sqlite:" + batchDb).writeTable(withoutCityTier, "model_input", JdbcWriteMode.REPLACE);
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("pipeline", "run", "inference", "--db", batchDb,
                "--output", folder.resolve("serving"), "--tracking-uri", uri);
        assertEquals(2, result.code(), result.out());
        assertTrue(result.out().contains("input_features_check") && result.out().contains("FAILED"), result.out());
        assertTrue(result.err().contains("[city_tier]"), result.err());
        assertTrue(Files.notExists(folder.resolve("serving/serving_log.jsonl")));
    }

    @Test
    void printsTheLeaderboardOfAnyLabelledFileAsJson() throws Exception {
        Path file = folder.resolve("leads.csv");
        CsvWriter.builder().build().write(LeadScoringTraining.readModelInput(dataOf(file)), file);
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("train", "--input", file, "--target",
                "app_complete_flag", "--folds", 3, "--models", "lr,nb,dummy", "--tracking-uri",
                "file:" + folder.resolve("mlruns"), "--experiment", "leads", "--json");
        assertEquals(0, result.code(), result.err());
        JsonNode board = JSON.readTree(result.out());
        assertEquals(3, board.path("entries").size(), result.out());
        MlopsCommandTest.Result runs = MlopsCommandTest.mlops("runs", "search", "--tracking-uri",
                "file:" + folder.resolve("mlruns"), "--experiment", "leads", "--json");
        assertEquals(4, JSON.readTree(runs.out()).size(), "the parent run and one nested run per candidate");
    }

    @Test
    void writesTheBestModelsEvaluationPageWhenAsked() throws Exception {
        Path file = folder.resolve("leads.csv");
        CsvWriter.builder().build().write(LeadScoringTraining.readModelInput(dataOf(file)), file);
        Path html = folder.resolve("reports/evaluation.html");
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("train", "--input", file, "--target",
                "app_complete_flag", "--folds", 2, "--models", "lr", "--tracking-uri",
                "file:" + folder.resolve("mlruns"), "--evaluation-html", html);
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("evaluation of lr written to " + html), result.out());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("ROC curve") && page.contains("<svg"));
        assertFalse(page.contains("<script"));
    }

    private Path dataOf(Path file) {
        Path raw = folder.resolve("raw.csv");
        LeadGenerator.builder().seed(6).rows(2000).build().write(raw);
        Path db = folder.resolve("raw.db");
        MlopsCommandTest.mlops("pipeline", "run", "data", "--input", raw, "--db", db);
        return db;
    }
}
