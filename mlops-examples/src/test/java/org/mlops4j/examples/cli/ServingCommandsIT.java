package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.TrainedModel;

/**
 * {@code mlops predict} and {@code mlops serve} through the packaged jar, against a real Tribuo model registered in a
 * real file store: the output and answers match the model in process, bad rows get their errors, and bad models,
 * files and options exit with 2 and a one-line message.
 */
class ServingCommandsIT {

    private static final String MODEL = "models:/churn@champion";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path folder;

    private static String store;
    private static TrainedModel trained;

    @BeforeAll
    static void registerAModel() {
        store = "file:" + folder.resolve("mlruns");
        Table data = rows(300, 7);
        try (TrackingLocation location = TrackingLocation.open(StoreSettings.of(store, null))) {
            ModelingSetup setup = ModelingSetup.builder(data, "churned").folds(2).seed(3).build();
            trained = setup.finalizeModel(setup.createModel("lr"));
            ModelTracking models = ModelTracking.of(location.tracking(), location.registry());
            try (ActiveRun run = location.tracking().startRun("churn", "train")) {
                int version = models.register(models.logModel(run, trained, data), "churn").version();
                run.end();
                location.registry().setAlias("churn", "champion", version);
            }
        }
    }

    private static Table rows(int n, long seed) {
        Random random = new Random(seed);
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
        return Table.of(tenure.build(), plan.build(), churned.build());
    }

    private static MlopsJar jar() {
        return MlopsJar.built(folder);
    }

    private static Path csv(String name, Table table) {
        Path file = folder.resolve(name);
        CsvWriter.builder().build().write(table, file);
        return file;
    }

    @Test
    void predictWritesTheInProcessPredictionsAndExits0() throws Exception {
        Table input = rows(20, 99).drop("churned");
        Path output = folder.resolve("scored.csv");
        MlopsJar.Outcome outcome = jar().run("predict", "--model", MODEL, "--tracking-uri", store, "--input",
                csv("input.csv", input).toString(), "--output", output.toString());
        assertEquals(0, outcome.code(), outcome.err());
        assertTrue(outcome.out().contains("scored 20 rows") && outcome.out().contains("churn version 1"),
                outcome.out());
        Table scored = CsvReader.builder().columnType("prediction_label", ColumnType.TEXT).build().read(output);
        Predictions expected = trained.predictor().predict(input);
        assertEquals(List.of("tenure", "plan", "prediction_label", "prediction_score", "probability_no",
                "probability_yes", "_error"), scored.columnNames());
        for (int row = 0; row < 20; row++) {
            assertEquals(expected.get(row).label().orElseThrow(), scored.column("prediction_label").format(row));
            assertEquals(expected.get(row).probabilities().get("yes"),
                    scored.numeric("probability_yes").getDouble(row), 1e-9);
            assertTrue(scored.column("_error").isNull(row));
        }
    }

    @Test
    void predictPutsEachBadRowsErrorInTheErrorColumnScoresTheOthersAndExits1() throws Exception {
        Path input = folder.resolve("bad-rows.csv");
        Files.writeString(input, "plan,tenure\nbasic,0.5\npro,lots\nbasic,\nenterprise,1.0\n");
        Path output = folder.resolve("bad-rows-scored.csv");
        MlopsJar.Outcome outcome = jar().run("predict", "--model", MODEL, "--tracking-uri", store, "--input",
                input.toString(), "--output", output.toString());
        assertEquals(1, outcome.code(), outcome.err() + outcome.out());
        assertTrue(outcome.out().contains("1 with an error") && outcome.out().contains("{tenure=1}")
                && outcome.out().contains("{plan=1}"), outcome.out());
        Table scored = CsvReader.builder().defaultType(ColumnType.TEXT).build().read(output);
        assertEquals("Row 1 (from 0), column 'tenure': expected a finite number, found \"lots\".",
                scored.column("_error").format(1));
        for (int row : new int[] {0, 2, 3}) {
            assertTrue(scored.column("_error").isNull(row), "row " + row);
            assertTrue(!scored.column("prediction_label").isNull(row), "row " + row);
        }
    }

    @Test
    void predictExits2WithOneLineForABadModelFileOrColumns() throws Exception {
        Path input = csv("ok.csv", rows(5, 1).drop("churned"));
        String out = folder.resolve("out.csv").toString();
        Path noPlan = csv("no-plan.csv", rows(5, 1).drop("churned", "plan"));
        List<List<String>> bad = List.of(
                List.of("--model", "models:/churn@nobody", "--tracking-uri", store, "--input", input.toString()),
                List.of("--model", "churn", "--tracking-uri", store, "--input", input.toString()),
                List.of("--model", MODEL, "--tracking-uri", store, "--input", folder.resolve("none.csv").toString()),
                List.of("--model", MODEL, "--tracking-uri", store, "--input", noPlan.toString()));
        List<String> expected = List.of("nobody", "churn", "none.csv", "[plan]");
        for (int i = 0; i < bad.size(); i++) {
            List<String> args = new java.util.ArrayList<>(List.of("predict"));
            args.addAll(bad.get(i));
            args.addAll(List.of("--output", out));
            MlopsJar.Outcome outcome = jar().run(args.toArray(String[]::new));
            assertEquals(2, outcome.code(), args + ": " + outcome.err());
            assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
            assertTrue(outcome.err().startsWith("mlops predict: ") && outcome.err().contains(expected.get(i)),
                    outcome.err());
        }
    }

    @Test
    void serveAnswersTheScoringProtocolUntilStopped() throws Exception {
        Path servingLog = folder.resolve("serving");
        try (MlopsJar.Running server = jar().start("serve", "--model", MODEL, "--tracking-uri", store, "--port",
                "0", "--serving-log", servingLog.toString(), "--sample-rate", "1")) {
            String line = server.firstLine();
            assertTrue(line.startsWith("mlops model server for " + MODEL + " (version 1) at http://127.0.0.1:"),
                    line);
            URI url = URI.create(line.substring(line.indexOf("http://")).strip());
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(url.resolve("/invocations"))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
                            "tenure,plan\n0.5,basic\nx,pro\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("1", answer.headers().firstValue("X-Mlops-Model-Version").orElseThrow());
            JsonNode predictions = new ObjectMapper().readTree(answer.body()).get("predictions");
            Predictions expected = trained.predictor().predict(Table.of(NumericColumn.of("tenure", 0.5),
                    CategoricalColumn.of("plan", "basic")));
            assertEquals(expected.get(0).label().orElseThrow(), predictions.get(0).get("label").asText());
            assertEquals("tenure", predictions.get(1).get("error").get("column").asText());
        }
        Table captured = new ServingLog(servingLog.resolve("serving_log.jsonl")).read();
        assertEquals(1, captured.rowCount(), "the scored row, written before the process ended");
        assertEquals(0.5, captured.numeric("tenure").getDouble(0));
    }

    @Test
    void serveWithATokenFileAnswersOnlyRequestsThatCarryIt() throws Exception {
        Path tokenFile = folder.resolve("token");
        String token = "0123456789abcdef0123456789abcdef";
        Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
        try (MlopsJar.Running server = jar().start("serve", "--model", MODEL, "--tracking-uri", store, "--port",
                "0", "--token-file", tokenFile.toString())) {
            URI url = URI.create(server.firstLine().substring(server.firstLine().indexOf("http://")).strip());
            assertEquals(401, CLIENT.send(HttpRequest.newBuilder(url.resolve("/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, CLIENT.send(HttpRequest.newBuilder(url.resolve("/ping"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
    }

    @Test
    void serveExits2WithOneLineForABadModelAddressOrPort() throws Exception {
        List<List<String>> bad = List.of(
                List.of("--model", "models:/churn@nobody", "--tracking-uri", store, "--port", "0"),
                List.of("--model", "models:/churn", "--tracking-uri", store, "--port", "0"),
                List.of("--model", MODEL, "--tracking-uri", store, "--port", "0", "--host", "0.0.0.0"),
                List.of("--model", MODEL, "--tracking-uri", store, "--port", "70000"),
                List.of("--model", MODEL, "--tracking-uri", store, "--serving-log", "log", "--sample-rate", "2"),
                List.of("--model", MODEL, "--tracking-uri", store, "--poll-interval", "-1"));
        List<String> expected = List.of("nobody", "models:/churn", "token", "--port", "--sample-rate",
                "--poll-interval");
        for (int i = 0; i < bad.size(); i++) {
            List<String> args = new java.util.ArrayList<>(List.of("serve"));
            args.addAll(bad.get(i));
            MlopsJar.Outcome outcome = jar().run(args.toArray(String[]::new));
            assertEquals(2, outcome.code(), args + ": " + outcome.err());
            assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
            assertTrue(outcome.err().startsWith("mlops serve: ") && outcome.err().contains(expected.get(i)),
                    outcome.err());
        }
    }
}
