package org.mlops4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.models.ModelImport;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.ScoringModel;
import org.mlops4j.serving.ModelServer;

/**
 * A model trained in Python, end to end: registered from MLflow's model folder into a real file store, loaded by
 * {@code models:/}, served by the model server over HTTP, scored, and read back from the serving log for monitoring.
 */
class OnnxRoundTripIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "leads-onnx";

    @TempDir
    Path folder;

    @Test
    void anMlflowOnnxModelIsRegisteredLoadedServedScoredAndMonitored() throws Exception {
        Mlops mlops = store();
        Table holdout = OnnxFixtures.holdout();
        List<OnnxFixtures.Expected> expected = OnnxFixtures.expected("pipeline");
        try (TrackingClient tracking = TrackingClient.open(mlops, mlops.trackingUri());
                ModelRegistry registry = mlops.openModelRegistry()) {
            ModelVersion version = ModelImport.of(tracking, registry, mlops)
                    .register(OnnxFixtures.file("mlflow_pipeline").toString(), MODEL, Optional.empty());
            assertEquals("onnx", version.tags().get(ModelTracking.FLAVOR_TAG));
            assertEquals(List.of("total_leads_droppped", "city_tier", "referred_lead", "first_platform_c",
                    "first_utm_medium_c", "first_utm_source_c"), version.inputSchema().orElseThrow().columnNames());
            ScoringModel loaded = ModelTracking.of(tracking, registry).loadModel("models:/" + MODEL + "/1");
            Predictions predictions = loaded.predictor().predict(holdout);
            assertEquals(expected.get(5).probabilities()[1], predictions.get(5).probabilities().get("yes"), 1e-6);
        }
        Path log = folder.resolve("serving_log.jsonl");
        try (ModelServer server = ModelServer.builder("models:/" + MODEL + "/1").mlops(mlops)
                .serverSettings(s -> s.port(0)).servingLog(log, 1.0).servingLogBatch("online").start()) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url()
                    .resolve("/invocations")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(split(holdout))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode rows = JSON.readTree(answer.body()).get("predictions");
            for (int row = 0; row < holdout.rowCount(); row++) {
                assertEquals(expected.get(row).label(), rows.get(row).get("label").asText(), "row " + row);
                assertEquals(expected.get(row).probabilities()[1],
                        rows.get(row).get("probabilities").get("yes").asDouble(), 1e-6, "row " + row);
            }
        }
        Table window = new ServingLog(log).read(batch -> batch.equals("online"));
        assertEquals(holdout.rowCount(), window.rowCount());
        for (int row = 0; row < window.rowCount(); row++) {
            assertEquals(expected.get(row).label(), window.column("prediction").format(row));
        }
    }

    @Test
    void aGraphOfOneFeatureTensorRegistersWithASchemaFileAndIsRefusedWithout() {
        Mlops mlops = store();
        try (TrackingClient tracking = TrackingClient.open(mlops, mlops.trackingUri());
                ModelRegistry registry = mlops.openModelRegistry()) {
            ModelImport models = ModelImport.of(tracking, registry, mlops);
            String graph = OnnxFixtures.file("forest.onnx").toString();
            MlopsException refused = assertThrows(MlopsException.class,
                    () -> models.register(graph, "forest", Optional.empty()));
            assertTrue(refused.getMessage().contains("give the input schema"), refused.getMessage());
            models.register(graph, "forest", Optional.of(OnnxFixtures.NUMERIC_FEATURES));
            ScoringModel loaded = ModelTracking.of(tracking, registry).loadModel("models:/forest/1");
            try (OnnxModel onnx = assertInstanceOf(OnnxModel.class, loaded)) {
                assertEquals(OnnxFixtures.expected("forest").get(0).probabilities()[0],
                        onnx.predictor().predict(OnnxFixtures.holdout()).get(0).probabilities().get("0"), 1e-6);
            }
        }
    }

    private Mlops store() {
        String location = folder.resolve("mlruns").toUri().toString();
        return Mlops.builder().property(MlopsProperties.TRACKING_URI, location)
                .property(MlopsProperties.REGISTRY_URI, location).build();
    }

    private static String split(Table table) {
        ObjectNode split = JSON.createObjectNode();
        ArrayNode columns = split.putArray("columns");
        table.columnNames().forEach(columns::add);
        ArrayNode data = split.putArray("data");
        for (int row = 0; row < table.rowCount(); row++) {
            ArrayNode values = data.addArray();
            for (String name : table.columnNames()) {
                Object value = table.column(name).get(row);
                if (value instanceof Double d) {
                    values.add(d);
                } else {
                    values.add(String.valueOf(value));
                }
            }
        }
        return JSON.createObjectNode().set("dataframe_split", split).toString();
    }
}
