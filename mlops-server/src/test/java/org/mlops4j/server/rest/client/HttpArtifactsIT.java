package org.mlops4j.server.rest.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.file.FileTrackingStore;

/**
 * Artifacts through the {@code http:} store: uploaded and downloaded with MLflow's {@code mlflow-artifacts} endpoints
 * ({@code PUT}/{@code GET /api/2.0/mlflow-artifacts/artifacts/<experiment>/<run>/artifacts/<path>}), listed with
 * {@code artifacts/list}. Needs a {@link TrackingServer} that has those endpoints: fails without them.
 */
class HttpArtifactsIT {

    @RegisterExtension
    final ServerFixture servers = new ServerFixture();

    @TempDir
    Path folder;

    @Test
    void writesListsAndReadsArtifactsThatTheServersStoreKeeps() throws Exception {
        TrackingClient served = TrackingClient.of(FileTrackingStore.open(folder.resolve("mlruns")));
        TrackingServer server = servers.start(served, Optional.empty(), builder -> { });
        try (TrackingStore store = ServerFixture.httpStore(server.url(), Map.of())) {
            RunInfo run = store.createRun(Experiment.DEFAULT_ID, "with files", "ci", 1000L, List.of());
            byte[] model = {0, 1, 2, (byte) 255};
            store.writeArtifact(run.runId(), "model/weights.bin", new ByteArrayInputStream(model));
            store.writeArtifact(run.runId(), "notes with spaces.txt",
                    new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));

            try (InputStream in = served.store().openArtifact(run.runId(), "model/weights.bin")) {
                assertArrayEquals(model, in.readAllBytes(), "kept by the server's own store");
            }
            assertEquals(List.of(new ArtifactInfo("model", true, 0), new ArtifactInfo("notes with spaces.txt", false,
                    5)), store.listArtifacts(run.runId(), ""));
            try (InputStream in = store.openArtifact(run.runId(), "notes with spaces.txt")) {
                assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThrows(TrackingNotFoundException.class, () -> store.openArtifact(run.runId(), "missing.txt"));
        }
    }
}
