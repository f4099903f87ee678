package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.tck.readonly.FileTreeSnapshot;

/**
 * Opening an MLflow store, read-only or read-write, and reading all of it writes nothing: no lock, no index, no
 * {@code .trash}, no {@code meta.json}; every file keeps its bytes and time. Tracking and registry writes through a
 * read-only open are refused and write nothing.
 */
class MlflowStoreReadOnlyTest {

    private static final String READ_ONLY = "opened read-only";

    @TempDir
    Path tempDir;

    @Test
    void readingEverythingReadOnlyOrReadWriteChangesNoFileNoByteAndNoTime() throws IOException {
        for (String name : List.of(MlflowStores.PYCARET_MLFLOW2, MlflowStores.MLFLOW1, MlflowStores.MLFLOW3)) {
            Path root = MlflowStores.copy(name, tempDir);
            FileTreeSnapshot files = FileTreeSnapshot.of(root);
            Map<String, String> bytes = MlflowStores.contents(root);
            Mlops mlops = mlops(root.toUri());
            try (TrackingClient readOnly = TrackingClient.openReadOnly(mlops, root.toUri());
                 TrackingClient readWrite = TrackingClient.open(mlops, root.toUri());
                 ModelRegistry registryReadOnly = mlops.openModelRegistryReadOnly();
                 ModelRegistry registryReadWrite = mlops.openModelRegistry()) {
                for (TrackingClient tracking : List.of(readOnly, readWrite)) {
                    assertTrue(readEverything(tracking) > 0, name);
                }
                for (ModelRegistry registry : List.of(registryReadOnly, registryReadWrite)) {
                    registry.listModels().forEach(m -> registry.listVersions(m.name()));
                }
            }
            assertEquals(files, FileTreeSnapshot.of(root), name + ": files, folders or times changed");
            assertEquals(bytes, MlflowStores.contents(root), name + ": bytes changed");
        }
    }

    @Test
    void trackingAndRegistryWritesOpenedReadOnlyAreRefusedSayingWhyAndWriteNothing() throws IOException {
        Path root = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir);
        Map<String, String> bytes = MlflowStores.contents(root);
        Mlops mlops = mlops(root.toUri());
        try (TrackingClient tracking = TrackingClient.openReadOnly(mlops, root.toUri());
             ModelRegistry registry = mlops.openModelRegistryReadOnly()) {
            TrackingStore store = tracking.store();
            assertThrows(MlopsException.class, () -> tracking.createExperiment("new"));
            assertThrows(MlopsException.class, () -> tracking.startRun("lead-scoring", "second"));
            assertThrows(MlopsException.class, () -> store.logBatch(MlflowStores.SETUP,
                    List.of(Metric.now("auc", 0.9, 0)), List.of(), List.of(new RunTag("k", "v"))));
            assertThrows(MlopsException.class, () -> store.deleteRun(MlflowStores.SETUP));
            assertThrows(MlopsException.class, () -> store.writeArtifact(MlflowStores.SETUP, "x.txt",
                    new ByteArrayInputStream(new byte[] {1})));
            assertRefused(() -> registry.createModel("new"));
            assertRefused(() -> registry.register(NewModelVersion.builder("lead-scoring", "runs:/"
                    + MlflowStores.SETUP + "/model").build()));
            assertRefused(() -> registry.transitionStage("lead-scoring", 3, ModelStage.PRODUCTION, true));
            assertRefused(() -> registry.setAlias("lead-scoring", "champion", 3));
        }
        assertEquals(bytes, MlflowStores.contents(root));
    }

    private static int readEverything(TrackingClient tracking) {
        int read = 0;
        List<Experiment> experiments = tracking.listExperiments(ViewType.ALL);
        List<String> ids = experiments.stream().map(Experiment::experimentId).toList();
        for (Run run : tracking.searchAllRuns(SearchRequest.builder(ids).viewType(ViewType.ALL).build())) {
            run.data().metrics().keySet().forEach(key -> tracking.getMetricHistory(run.runId(), key));
            tracking.listArtifacts(run.runId(), "");
            read++;
        }
        return read;
    }

    private static void assertRefused(Executable write) {
        MlopsException e = assertThrows(MlopsException.class, write);
        assertTrue(e.getMessage().contains(READ_ONLY), e.getMessage());
    }

    private static Mlops mlops(URI location) {
        return Mlops.builder().property(MlopsProperties.TRACKING_URI, location.toString()).build();
    }
}
