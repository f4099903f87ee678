package org.mlops4j.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.readonly.ReadOnlyTrackingStore;
import org.mlops4j.server.rest.RestHttp.Answer;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.registry.FileModelRegistryProvider;

/**
 * A server over a store and a registry opened read-only: reads answer, writes get MLflow's {@code PERMISSION_DENIED}
 * (403, which MLflow's clients do not retry) with the store's message, not an internal error.
 */
class ReadOnlyStoreRestApiIT {

    @Test
    void answersPermissionDeniedToWritesAndServesReads(@TempDir Path folder) {
        String experimentId;
        try (TrackingClient writable = TrackingClient.of(FileTrackingStore.open(folder));
             ModelRegistry models = FileModelRegistryProvider.open(folder)) {
            experimentId = writable.createExperiment("kept").experimentId();
            models.createModel("kept-model", "", Map.of());
        }
        try (TrackingClient tracking = TrackingClient.of(ReadOnlyTrackingStore.of(FileTrackingStore.open(folder)));
             ModelRegistry registry = FileModelRegistryProvider.openReadOnly(folder);
             TrackingServer server = TrackingServer.builder().trackingClient(tracking).modelRegistry(registry)
                     .port(0).start()) {
            RestHttp http = new RestHttp(server.url());
            assertEquals(200, http.get("experiments/get", Map.of("experiment_id", experimentId)).status());
            assertEquals(200, http.get("registered-models/get", Map.of("name", "kept-model")).status());

            for (Answer refused : List.of(http.post("experiments/create", Map.of("name", "new")),
                    http.post("runs/create", Map.of("experiment_id", experimentId)),
                    http.post("experiments/set-experiment-tag", Map.of("experiment_id", experimentId, "key", "k",
                            "value", "v")),
                    http.post("registered-models/create", Map.of("name", "new-model")),
                    http.send("DELETE", "registered-models/delete", Map.of("name", "kept-model")))) {
                assertEquals(403, refused.status(), refused.body().toString());
                assertEquals("PERMISSION_DENIED", refused.errorCode());
                assertTrue(refused.body().get("message").asText().contains("read-only"), refused.body().toString());
            }
            assertTrue(tracking.getExperimentByName("new").isEmpty());
            assertTrue(registry.findModel("kept-model").isPresent());
        }
    }
}
