package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.examples.leadscoring.LeadDrift;
import org.mlops4j.examples.leadscoring.LeadGenerator;
import org.mlops4j.examples.leadscoring.LeadScoringSchemas;
import org.mlops4j.examples.leadscoring.LeadScoringTraining;
import org.mlops4j.serving.ModelServer;

/**
 * The case study's monitoring on online traffic: the trained lead-scoring model is served over HTTP, a week of leads
 * with injected drift is scored through {@code /invocations}, the server captures the requests in its serving log, and
 * the monitoring pipeline reads that log and escalates.
 */
class OnlineMonitoringIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path folder;

    private Path database(String name, Table leads, boolean inference) {
        Path csv = folder.resolve(name + ".csv");
        org.mlops4j.core.data.CsvWriter.builder().build().write(leads, csv);
        Path db = folder.resolve(name + ".db");
        MlopsCommandTest.Result data = inference
                ? MlopsCommandTest.mlops("pipeline", "run", "data", "--input", csv, "--db", db, "--inference")
                : MlopsCommandTest.mlops("pipeline", "run", "data", "--input", csv, "--db", db);
        assertEquals(0, data.code(), data.err());
        return db;
    }

    private static String split(Table table, int from, int to) {
        ObjectNode split = JSON.createObjectNode();
        ArrayNode columns = split.putArray("columns");
        table.columnNames().forEach(columns::add);
        ArrayNode data = split.putArray("data");
        for (int row = from; row < to; row++) {
            ArrayNode values = data.addArray();
            for (Column column : table.columns()) {
                if (column.isNull(row)) {
                    values.addNull();
                } else if (column instanceof NumericColumn numeric) {
                    values.add(numeric.getDouble(row));
                } else {
                    values.add(column.format(row));
                }
            }
        }
        return JSON.createObjectNode().set("dataframe_split", split).toString();
    }

    @Test
    void requestsWithInjectedDriftServedOverHttpMakeTheMonitoringPipelineEscalate() throws Exception {
        String uri = "file:" + folder.resolve("mlruns");
        Path trainingDb = database("train", LeadGenerator.builder().seed(3).rows(8000).build().generate().table(),
                false);
        MlopsCommandTest.Result training = MlopsCommandTest.mlops("pipeline", "run", "training", "--db", trainingDb,
                "--tracking-uri", uri, "--folds", 2, "--models", "lr");
        assertEquals(0, training.code(), training.err());

        Table week = LeadGenerator.builder().seed(4).rows(3000).drift(LeadDrift.moveMass("first_utm_source_c", 14))
                .build().generate().table();
        Table requests = LeadScoringTraining.readModelInput(database("week", week.drop(LeadScoringSchemas.TARGET),
                true));
        Path log = folder.resolve("serving/serving_log.jsonl");
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, uri).build();
        try (ModelServer server = ModelServer.builder("models:/lead-scoring/Production").mlops(mlops)
                .serverSettings(s -> s.port(0)).servingLog(log, 1.0).servingLogBatch("online-week").start()) {
            for (int from = 0; from < requests.rowCount(); from += 250) {
                HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(server.url()
                        .resolve("/invocations")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(split(requests, from, Math.min(from + 250,
                                requests.rowCount())))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals(0, JSON.readTree(answer.body()).get("failed_rows").asInt(), answer.body());
            }
        }
        assertEquals(requests.rowCount(), new ServingLog(log).read().rowCount(), "every request captured");

        MlopsCommandTest.Result monitoring = MlopsCommandTest.mlops("pipeline", "run", "monitoring",
                "--serving-log", log, "--batch", "online-week", "--reference-db", trainingDb, "--output",
                folder.resolve("monitoring"), "--tracking-uri", uri);
        assertEquals(1, monitoring.code(), monitoring.out() + monitoring.err());
        assertTrue(monitoring.out().contains("-> escalate") || monitoring.out().contains("-> retrain"),
                monitoring.out());
    }
}
