package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.models.PredictedRow;
import org.mlops4j.models.Predictions;
import org.mlops4j.server.RawClient;

/**
 * MLflow's scoring protocol over real sockets, with a real Tribuo model registered in a real file store: every input
 * format answers what the model predicts in process; bad rows get their own errors while the others are scored;
 * malformed requests get 400 in MLflow's error shape; slow, oversized and odd requests are cut off.
 */
class ModelServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> COLUMNS = List.of("dropped", "platform", "referred");

    @TempDir
    static Path folder;

    private static ServingFixture fixture;
    private static ModelServer server;
    private static Table rows;
    private static Predictions expected;

    @BeforeAll
    static void serve() {
        fixture = ServingFixture.create(folder);
        server = ModelServer.builder("models:/lead-scoring@champion").mlops(fixture.mlops())
                // A body that stalls is cut off after 1 s; idle connections stay open for the default head timeout
                // (10 s), so that the client's pooled connections are not closed under it between two tests.
                .serverSettings(s -> s.port(0).threads(2).queueCapacity(4).maxBodyBytes(64 * 1024)
                        .idleTimeout(Duration.ofSeconds(1)))
                .start();
        rows = ServingFixture.leads(6, 99).drop("converted");
        expected = fixture.model.predictor().predict(rows);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> post(String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve("/invocations"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode scored(String contentType, String body) throws Exception {
        HttpResponse<String> response = post(contentType, body);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("lead-scoring", response.headers().firstValue(ModelServer.MODEL_HEADER).orElseThrow());
        assertEquals("1", response.headers().firstValue(ModelServer.VERSION_HEADER).orElseThrow());
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.url().resolve(path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("1", response.headers().firstValue(ModelServer.VERSION_HEADER).orElseThrow(), path);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static void assertBadRequest(HttpResponse<String> response, String messagePart) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("BAD_REQUEST", error.get("error_code").asText(), response.body());
        assertTrue(error.get("message").asText().contains(messagePart), response.body());
        assertEquals("1", response.headers().firstValue(ModelServer.VERSION_HEADER).orElseThrow());
    }

    /** Checks that the answer's predictions are the in-process ones, row by row, for the given request rows. */
    private static void assertPredictsAsInProcess(JsonNode answer, int... requestRows) {
        JsonNode predictions = answer.get("predictions");
        for (int i = 0; i < requestRows.length; i++) {
            if (requestRows[i] < 0) {
                continue;
            }
            PredictedRow want = expected.get(requestRows[i]);
            JsonNode got = predictions.get(i);
            assertEquals(want.label().orElseThrow(), got.get("label").asText(), "row " + i + ": " + got);
            assertFalse(got.has("score"), "the label's probability is among the probabilities: " + got);
            assertEquals(want.score().orElseThrow(), got.get("probabilities").get(want.label().get()).asDouble(),
                    1e-12);
            double sum = 0;
            for (String label : fixture.model.classLabels()) {
                double p = got.get("probabilities").get(label).asDouble();
                assertEquals(want.probabilities().get(label), p, 1e-12, "row " + i + " class " + label);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-9);
        }
    }

    private static int[] allRows() {
        return java.util.stream.IntStream.range(0, rows.rowCount()).toArray();
    }

    private static ArrayNode values(int row) {
        ArrayNode values = JSON.createArrayNode();
        values.add(rows.numeric("dropped").getDouble(row));
        values.add(rows.categorical("platform").get(row));
        values.add(rows.bool("referred").getBoolean(row));
        return values;
    }

    private static ObjectNode record(int row) {
        ObjectNode record = JSON.createObjectNode();
        ArrayNode values = values(row);
        for (int c = 0; c < COLUMNS.size(); c++) {
            record.set(COLUMNS.get(c), values.get(c));
        }
        return record;
    }

    private static String split() {
        ObjectNode split = JSON.createObjectNode();
        split.putArray("columns").addAll(COLUMNS.stream().map(JSON.getNodeFactory()::textNode).toList());
        ArrayNode data = split.putArray("data");
        for (int row = 0; row < rows.rowCount(); row++) {
            data.add(values(row));
        }
        return JSON.createObjectNode().set("dataframe_split", split).toString();
    }

    private static String recordsUnder(String key) {
        ArrayNode records = JSON.createArrayNode();
        for (int row = 0; row < rows.rowCount(); row++) {
            records.add(record(row));
        }
        return JSON.createObjectNode().set(key, records).toString();
    }

    @Test
    void dataframeSplitAnswersTheInProcessPredictionsWithLabelAndClassProbabilities() throws Exception {
        JsonNode answer = scored("application/json", split());
        assertEquals(rows.rowCount(), answer.get("predictions").size());
        assertPredictsAsInProcess(answer, allRows());
        assertEquals("lead-scoring", answer.get("model").get("name").asText());
        assertEquals(1, answer.get("model").get("version").asInt());
        assertEquals(0, answer.get("failed_rows").asInt());
        assertEquals(0, answer.get("missing_values").size());
    }

    @Test
    void dataframeRecordsInstancesAndInputsAnswerTheSame() throws Exception {
        assertPredictsAsInProcess(scored("application/json", recordsUnder("dataframe_records")), allRows());
        assertPredictsAsInProcess(scored("application/json; charset=utf-8", recordsUnder("instances")), allRows());
        assertPredictsAsInProcess(scored("application/json", recordsUnder("inputs")), allRows());
        ArrayNode arrays = JSON.createArrayNode();
        ObjectNode columnar = JSON.createObjectNode();
        COLUMNS.forEach(columnar::putArray);
        for (int row = 0; row < rows.rowCount(); row++) {
            arrays.add(values(row));
            for (int c = 0; c < COLUMNS.size(); c++) {
                ((ArrayNode) columnar.get(COLUMNS.get(c))).add(values(row).get(c));
            }
        }
        assertPredictsAsInProcess(scored("application/json", JSON.createObjectNode().set("instances", arrays)
                .toString()), allRows());
        assertPredictsAsInProcess(scored("application/json", JSON.createObjectNode().set("inputs", columnar)
                .toString()), allRows());
        ObjectNode oneRow = JSON.createObjectNode();
        oneRow.set("inputs", record(2));
        assertPredictsAsInProcess(scored("application/json", oneRow.toString()), 2);
    }

    @Test
    void csvWithAHeaderAnswersTheSameAndExtraColumnsAreIgnored() throws Exception {
        StringBuilder csv = new StringBuilder("id,referred,platform,dropped\n");
        for (int row = 0; row < rows.rowCount(); row++) {
            csv.append(row).append(',').append(rows.bool("referred").getBoolean(row)).append(',')
                    .append(rows.categorical("platform").get(row)).append(',')
                    .append(rows.numeric("dropped").getDouble(row)).append('\n');
        }
        assertPredictsAsInProcess(scored("text/csv", csv.toString()), allRows());
    }

    @Test
    void aBadRowGetsItsOwnErrorWhileTheOtherRowsAreScored() throws Exception {
        ArrayNode records = JSON.createArrayNode();
        records.add(record(0));
        records.add(record(1).put("dropped", "many"));
        records.add(record(2));
        records.add(record(3).put("referred", "perhaps"));
        records.add(JSON.getNodeFactory().textNode("not a row"));
        records.add(record(5));
        JsonNode answer = scored("application/json", JSON.createObjectNode().set("dataframe_records", records)
                .toString());
        assertPredictsAsInProcess(answer, 0, -1, 2, -1, -1, 5);
        JsonNode error = answer.get("predictions").get(1).get("error");
        assertEquals(1, error.get("row").asInt());
        assertEquals("dropped", error.get("column").asText());
        assertEquals("a finite number", error.get("expected").asText());
        assertEquals("\"many\"", error.get("found").asText());
        assertTrue(error.get("message").asText().contains("Row 1"), error.toString());
        assertEquals("referred", answer.get("predictions").get(3).get("error").get("column").asText());
        assertEquals("true or false", answer.get("predictions").get(3).get("error").get("expected").asText());
        assertFalse(answer.get("predictions").get(4).get("error").has("column"));
        assertEquals(3, answer.get("failed_rows").asInt());
        assertEquals(6, answer.get("rows").asInt());
    }

    @Test
    void aSplitRowWithTooFewValuesIsThatRowsErrorAndCsvFieldsAreCheckedAsJsonValues() throws Exception {
        String body = "{\"dataframe_split\": {\"columns\": [\"dropped\", \"platform\", \"referred\"], \"data\": "
                + "[[0.5, \"Level0\", true], [0.5, \"Level0\"], [\"x\", \"Level0\", false]]}}";
        JsonNode answer = scored("application/json", body);
        assertEquals("3 values, one per column", answer.get("predictions").get(1).get("error").get("expected")
                .asText());
        assertEquals("dropped", answer.get("predictions").get(2).get("error").get("column").asText());
        assertTrue(answer.get("predictions").get(0).has("label"));
        JsonNode csv = scored("text/csv", "dropped,platform,referred\n0.5,Level0,true\nx,Level0,false\n");
        assertEquals("\"x\"", csv.get("predictions").get(1).get("error").get("found").asText());
        assertTrue(csv.get("predictions").get(0).has("label"));
    }

    @Test
    void missingValuesAndUnseenLevelsAreImputedAndCountedPerColumn() throws Exception {
        String body = "{\"dataframe_records\": [{\"dropped\": null, \"platform\": \"Level99\", \"referred\": true},"
                + " {\"platform\": \"Level0\", \"referred\": false}, {\"dropped\": 1.5, \"platform\": \"Level42\","
                + " \"referred\": null}]}";
        JsonNode answer = scored("application/json", body);
        assertEquals(0, answer.get("failed_rows").asInt());
        answer.get("predictions").forEach(p -> assertTrue(p.has("label"), p.toString()));
        assertEquals(2, answer.get("missing_values").get("dropped").asInt(), answer.toString());
        assertEquals(1, answer.get("missing_values").get("referred").asInt(), answer.toString());
        assertEquals(2, answer.get("unseen_levels").get("platform").asInt(), answer.toString());
        assertFalse(answer.get("unseen_levels").has("dropped"));
    }

    @Test
    void malformedRequestsAre400InMlflowsErrorShape() throws Exception {
        assertBadRequest(post("application/json", "{\"dataframe_split\": "), "not valid JSON");
        assertBadRequest(post("application/json", ""), "empty");
        assertBadRequest(post("application/json", split() + "}"), "not valid JSON");
        assertBadRequest(post("application/json", "[1, 2]"), "exactly one of the input fields");
        assertBadRequest(post("application/json", "{\"data\": [[1]]}"), "exactly one of the input fields");
        assertBadRequest(post("application/json", "{\"instances\": [], \"inputs\": []}"), "exactly one");
        assertBadRequest(post("application/json", "{\"dataframe_split\": {\"columns\": [\"dropped\"]}}"),
                "\"data\"");
        assertBadRequest(post("application/json", "{\"dataframe_records\": {\"dropped\": 1}}"), "array of rows");
        assertBadRequest(post("application/json", "{\"dataframe_records\": [{\"dropped\": 1, \"platform\": "
                + "\"Level0\"}]}"), "[referred]");
        assertBadRequest(post("application/json", "{\"inputs\": {\"dropped\": [1, 2], \"platform\": [\"Level0\"],"
                + " \"referred\": [true, false]}}"), "same length");
        assertBadRequest(post("text/csv", "dropped,platform,referred\n1,\"Level0,true\n"), "as CSV");
    }

    @Test
    void otherContentTypesAndCharsetsAre415() throws Exception {
        for (String type : List.of("text/plain", "application/json; charset=latin-1", "application/x-www-form-"
                + "urlencoded", "application/json; format=pandas-split")) {
            HttpResponse<String> response = post(type, split());
            assertEquals(415, response.statusCode(), type + ": " + response.body());
        }
        assertEquals(415, post(null, split()).statusCode());
    }

    @Test
    void pingHealthAndVersionNameTheServedVersion() throws Exception {
        get("/ping", 200);
        get("/health", 200);
        JsonNode version = get("/version", 200);
        assertEquals("lead-scoring", version.get("name").asText());
        assertEquals(1, version.get("version").asInt());
        assertEquals("models:/lead-scoring@champion", version.get("uri").asText());
        assertEquals(1, server.servedVersion().version());
        get("/nowhere", 404);
        assertEquals(405, CLIENT.send(HttpRequest.newBuilder(server.url().resolve("/invocations")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void anOversizedBodyIs413AndAStalledBodyIsCutOffWhileOthersAreAnswered() throws Exception {
        StringBuilder big = new StringBuilder("{\"dataframe_records\": [");
        while (big.length() < 70 * 1024) {
            big.append(record(0)).append(',');
        }
        big.append(record(0)).append("]}");
        assertEquals(413, post("application/json", big.toString()).statusCode());
        try (RawClient stalled = new RawClient(server.url())) {
            stalled.send("POST /invocations HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: "
                    + "application/json\r\nContent-Length: 500\r\n\r\n{\"dataframe_records\": [");
            assertPredictsAsInProcess(scored("application/json", split()), allRows());
            Optional<Duration> closed = stalled.closedWithin(Duration.ofSeconds(5));
            assertTrue(closed.isPresent(), "a stalled body was still waited for 5 s after a 1 s idle timeout");
        }
        RawClient.Answer oddHead = RawClient.exchange(server.url(), "POST /invocations HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port() + "\r\nContent-Type: application/json\r\nContent-Length: 3\r\nConnection: close"
                + "\r\n\r\n{}}");
        assertEquals(400, oddHead.status(), oddHead.text());
        assertTrue(oddHead.text().contains("BAD_REQUEST"), oddHead.text());
    }

    @Test
    void scoredRequestsAreCapturedInTheServingLogForMonitoring() throws Exception {
        Path log = folder.resolve("serving/serving_log.jsonl");
        try (ModelServer logging = ModelServer.builder("models:/lead-scoring@champion").mlops(fixture.mlops())
                .serverSettings(s -> s.port(0)).servingLog(log, 1.0).servingLogBatch("online").start()) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(logging.url()
                        .resolve("/invocations")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(split())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
            }
        }
        Table window = new org.mlops4j.core.monitor.ServingLog(log).read(batch -> batch.equals("online"));
        assertEquals(3 * rows.rowCount(), window.rowCount());
        for (int row = 0; row < window.rowCount(); row++) {
            assertEquals(expected.get(row % rows.rowCount()).label().orElseThrow(),
                    window.column("prediction").format(row));
        }
        assertEquals(List.of("dropped", "platform", "referred"), window.columnNames().subList(0, 3));
    }

    @Test
    void metricsCountRequestsRowsErrorsImputationsAndLatencyInPrometheusText() throws Exception {
        try (ModelServer counted = ModelServer.builder("models:/lead-scoring@champion").mlops(fixture.mlops())
                .serverSettings(s -> s.port(0)).servingLog(folder.resolve("metrics/log.jsonl"), 1.0).start()) {
            URI invocations = counted.url().resolve("/invocations");
            String oneBadRow = "{\"dataframe_records\": [{\"dropped\": \"x\", \"platform\": \"Level0\", "
                    + "\"referred\": true}, {\"dropped\": null, \"platform\": \"Level9\", \"referred\": true}]}";
            for (String body : List.of(split(), split(), oneBadRow, "{}")) {
                CLIENT.send(HttpRequest.newBuilder(invocations).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            }
            CLIENT.send(HttpRequest.newBuilder(invocations).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> scrape = CLIENT.send(HttpRequest.newBuilder(counted.url().resolve("/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElseThrow()
                    .startsWith("text/plain; version=0.0.4"));
            String text = scrape.body();
            assertEquals(3.0, metric(text, "mlops_serving_requests_total{outcome=\"scored\"}"), text);
            assertEquals(1.0, metric(text, "mlops_serving_requests_total{outcome=\"bad_request\"}"));
            assertEquals(1.0, metric(text, "mlops_serving_requests_total{outcome=\"unsupported_media_type\"}"));
            assertEquals(2.0 * rows.rowCount() + 1, metric(text, "mlops_serving_rows_total{outcome=\"scored\"}"));
            assertEquals(1.0, metric(text, "mlops_serving_rows_total{outcome=\"failed\"}"));
            assertEquals(1.0, metric(text, "mlops_serving_errors_total{kind=\"row_input\"}"));
            assertEquals(1.0, metric(text, "mlops_serving_imputed_values_total{kind=\"missing\"}"));
            assertEquals(1.0, metric(text, "mlops_serving_imputed_values_total{kind=\"unseen\"}"));
            assertEquals(5.0, metric(text, "mlops_serving_latency_seconds_count"));
            assertEquals(5.0, metric(text, "mlops_serving_latency_seconds_bucket{le=\"+Inf\"}"));
            assertEquals(1.0, metric(text, "mlops_serving_model_version{model=\"lead-scoring\"}"));
            assertEquals(0.0, metric(text, "mlops_serving_model_swaps_total"));
            assertEquals(0.0, metric(text, "mlops_serving_log_dropped_total"));
            assertTrue(text.contains("mlops_serving_log_captured_rows_total"), text);
        }
    }

    /** @return the value of the sample whose name and labels are exactly these */
    private static double metric(String text, String sample) {
        return text.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(sample.length() + 1).trim().split(" ")[0]))
                .orElseThrow(() -> new AssertionError("no sample " + sample + " in\n" + text));
    }

    @Test
    void aServerWhoseOnlyThreadIsTakenAnswers503WithRetryAfterAtOnceAndATokenIsRequiredWhenSet() throws Exception {
        String token = "0123456789abcdef0123456789abcdef";
        try (ModelServer busy = ModelServer.builder("models:/lead-scoring@champion").mlops(fixture.mlops())
                .serverSettings(s -> s.port(0).threads(1).queueCapacity(0).idleTimeout(Duration.ofSeconds(5))
                        .bearerToken(token)).start();
                RawClient slow = new RawClient(busy.url())) {
            HttpRequest.Builder scoring = HttpRequest.newBuilder(busy.url().resolve("/invocations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(split()));
            assertEquals(401, CLIENT.send(scoring.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            scoring.header("Authorization", "Bearer " + token);
            slow.send("POST /invocations HTTP/1.1\r\nHost: 127.0.0.1:" + busy.port() + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"inputs\": ");
            Thread.sleep(300);
            long start = System.nanoTime();
            HttpResponse<String> refused = CLIENT.send(scoring.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(2), "503 at once");
            slow.close();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            int status;
            do {
                Thread.sleep(100);
                status = CLIENT.send(scoring.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            } while (status == 503 && System.nanoTime() < deadline);
            assertEquals(200, status, "the thread is free again once the stalled client is gone");
        }
    }

    @Test
    void anUnknownModelOrAliasFailsToStartNamingIt() {
        ModelNotFoundException missing = assertThrows(ModelNotFoundException.class, () -> ModelServer
                .builder("models:/lead-scoring@nobody").mlops(fixture.mlops()).serverSettings(s -> s.port(0))
                .start());
        assertTrue(missing.getMessage().contains("nobody"), missing.getMessage());
        assertThrows(RuntimeException.class, () -> ModelServer.builder("lead-scoring"));
        try (ModelServer byStage = ModelServer.builder("models:/lead-scoring/Production").mlops(fixture.mlops())
                .serverSettings(s -> s.port(0)).start()) {
            assertEquals(1, byStage.servedVersion().version());
            assertEquals(URI.create("http://127.0.0.1:" + byStage.port() + "/"), byStage.url());
        }
    }
}
