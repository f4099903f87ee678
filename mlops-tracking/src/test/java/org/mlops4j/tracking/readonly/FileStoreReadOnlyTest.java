package org.mlops4j.tracking.readonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.tck.readonly.FileTreeSnapshot;
import org.mlops4j.tck.readonly.ReadOnlyStoreContractTest;
import org.mlops4j.tracking.internal.RunIndex;

/**
 * Read-only opening of the file store and file registry in mlops4j's own layout, and what writing refuses: folders
 * that hold other files.
 */
class FileStoreReadOnlyTest extends ReadOnlyStoreContractTest {

    /** Stores made here are in mlops4j's layout, which this test is about (new stores are MLflow's by default). */
    @Override
    protected Mlops mlops(URI location) {
        return Mlops.builder().property(MlopsProperties.TRACKING_URI, location.toString())
                .property(MlopsProperties.TRACKING_FILE_LAYOUT, "mlops4j").build();
    }

    @Override
    protected URI newStoreLocation() {
        return tempDir.resolve("mlruns").toUri();
    }

    @Override
    protected URI missingLocation() {
        return tempDir.resolve("nonexistent").resolve("mlruns").toUri();
    }

    @Override
    protected List<URI> nonStoreLocations() throws IOException {
        Path unrelated = Files.createDirectories(tempDir.resolve("project"));
        Files.writeString(unrelated.resolve("README.md"), "# a project, not a store\n");
        Files.createDirectories(unrelated.resolve("src"));
        Path file = Files.writeString(tempDir.resolve("notes.txt"), "a file, not a folder\n");
        Path empty = Files.createDirectories(tempDir.resolve("empty"));
        return List.of(unrelated.toUri(), file.toUri(), empty.toUri());
    }

    /** Removes the lock files the writers left (the store's, the experiments', the runs' and the models'). */
    @Override
    protected void forgetWritersFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(tempDir)) {
            List<Path> locks = walk.filter(p -> p.getFileName().toString().endsWith(".lock")
                    || p.getFileName().toString().equals(".locks")).sorted(Comparator.reverseOrder()).toList();
            for (Path lock : locks) {
                Files.delete(lock);
            }
        }
    }

    @Test
    void readWriteOpenOfAFolderHoldingOtherFilesIsRefusedAndChangesNothing() throws IOException {
        for (URI other : List.of(nonStoreLocations().get(0))) {
            FileTreeSnapshot before = FileTreeSnapshot.of(tempDir);
            ConfigurationException tracking = assertThrows(ConfigurationException.class,
                    () -> TrackingClient.open(mlops(other), other).close());
            assertTrue(tracking.getMessage().contains("not an mlops4j store"), tracking.getMessage());
            ConfigurationException registry = assertThrows(ConfigurationException.class,
                    () -> mlops(other).openModelRegistry().close());
            assertTrue(registry.getMessage().contains("new or empty folder"), registry.getMessage());
            assertEquals(before, FileTreeSnapshot.of(tempDir), "opening " + other + " read-write changed files");
        }
    }

    @Test
    void mlflowsOwnLayoutOpensInPlaceAndIsWrittenInItsOwnLayout() throws IOException {
        Path mlflow = Files.createDirectories(tempDir.resolve("mlflow").resolve("0"));
        Files.writeString(mlflow.resolve("meta.yaml"), "experiment_id: '0'\nname: Default\n");
        URI location = mlflow.getParent().toUri();
        FileTreeSnapshot before = FileTreeSnapshot.of(tempDir);
        try (TrackingClient tracking = TrackingClient.openReadOnly(mlops(location), location)) {
            assertEquals(List.of(Experiment.DEFAULT_NAME), tracking.listExperiments().stream()
                    .map(Experiment::name).toList());
        }
        assertEquals(before, FileTreeSnapshot.of(tempDir), "reading wrote nothing");
        try (TrackingClient tracking = TrackingClient.open(mlops(location), location)) {
            String id = tracking.createExperiment("leads").experimentId();
            assertTrue(Files.isRegularFile(mlflow.getParent().resolve(id).resolve("meta.yaml")));
            assertFalse(Files.exists(mlflow.getParent().resolve(id).resolve("meta.json")));
        }
    }

    @Test
    void readWriteOpenOfAnEmptyFolderOrOfARegistryOnlyStoreMakesOrOpensAStore() throws IOException {
        Path empty = Files.createDirectories(tempDir.resolve("empty"));
        try (ModelRegistry registry = mlops(empty.toUri()).openModelRegistry()) {
            registry.createModel("alpha");
        }
        try (TrackingClient tracking = TrackingClient.open(mlops(empty.toUri()), empty.toUri())) {
            assertTrue(tracking.getExperiment(Experiment.DEFAULT_ID).isPresent());
        }
        try (ModelRegistry registry = mlops(empty.toUri()).openModelRegistryReadOnly()) {
            assertEquals("alpha", registry.getModel("alpha").name());
        }
    }

    @Test
    void aRunMissingFromTheSearchIndexIsFoundReadOnlyWithoutRewritingTheIndex() throws IOException {
        URI location = newStoreLocation();
        String runId;
        String experimentId;
        try (TrackingClient tracking = TrackingClient.open(mlops(location), location)) {
            experimentId = tracking.getOrCreateExperiment("leads").experimentId();
            runId = tracking.run("leads", "indexed-then-lost", run -> {
                run.logMetric("auc", 0.9);
                return run.id();
            });
        }
        Files.delete(Path.of(location).resolve(experimentId).resolve(RunIndex.FILE_NAME));
        forgetWritersFiles();
        FileTreeSnapshot before = FileTreeSnapshot.of(tempDir);
        try (TrackingClient tracking = TrackingClient.openReadOnly(mlops(location), location)) {
            List<Run> runs = tracking.searchAllRuns(SearchRequest.builder(experimentId).build());
            assertEquals(List.of(runId), runs.stream().map(Run::runId).toList());
            assertEquals(0.9, runs.get(0).data().metrics().get("auc").value());
        }
        assertEquals(before, FileTreeSnapshot.of(tempDir));
    }
}
