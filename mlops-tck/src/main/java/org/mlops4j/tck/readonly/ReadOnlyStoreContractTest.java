package org.mlops4j.tck.readonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * What every store and registry keeps when opened read-only ({@code StoreAccess.READ_ONLY}), through the public API
 * ({@link TrackingClient#openReadOnly}, {@link Mlops#openModelRegistryReadOnly()}): a location that does not exist or
 * holds no store is a {@link ConfigurationException} naming it, and nothing is written there, neither then nor when a
 * real store is read; writes through a read-only store or registry are refused. Each store type extends this class
 * with its locations; the file tree under {@link #tempDir} is compared before and after.
 *
 * <p>A plugin author implements {@link #newStoreLocation()}, {@link #missingLocation()} and
 * {@link #nonStoreLocations()}, all under {@link #tempDir} (a writable temporary folder that JUnit makes); a store
 * that keeps its data outside that folder (a database server) overrides {@link #databaseState()} so that "nothing was
 * written" is checked there too. Stores and registries are opened through provider discovery.
 */
public abstract class ReadOnlyStoreContractTest {

    /** Holds every location a test uses. */
    @TempDir
    protected Path tempDir;

    /** @return a location under {@link #tempDir} where a read-write open makes a new store */
    protected abstract URI newStoreLocation();

    /** @return a location under {@link #tempDir} where nothing exists */
    protected abstract URI missingLocation();

    /**
     * Makes, under {@link #tempDir}, locations that exist but hold no mlops4j store.
     *
     * @return them
     * @throws Exception when one cannot be made
     */
    protected abstract List<URI> nonStoreLocations() throws Exception;

    /**
     * @return whether readers of a real store make files of their own beside it (SQLite's {@code -wal} and
     *         {@code -shm}, through which readers and writers of a WAL database coordinate); a snapshot of a real
     *         store then leaves those files, and folders' times, out
     */
    protected boolean readersMakeCoordinationFiles() {
        return false;
    }

    /**
     * @return the state of the databases the test's locations are in, beyond the files under {@link #tempDir} (for
     *         a database server: its schemas and tables), compared before and after reading
     * @throws Exception when it cannot be read
     */
    protected Object databaseState() throws Exception {
        return List.of();
    }

    /**
     * @param location a location
     * @return what a message about it must name
     */
    protected String nameOf(URI location) {
        return location.toString();
    }

    /**
     * @param location a store location
     * @return the configuration and providers that open it
     */
    protected Mlops mlops(URI location) {
        return Mlops.builder().property(MlopsProperties.TRACKING_URI, location.toString()).build();
    }

    /**
     * Called after a real store was written and closed, before it is read read-only: a store whose writers leave
     * files that readers might also make (lock files) removes them here, so that making one shows in the snapshot.
     *
     * @throws IOException when they cannot be removed
     */
    protected void forgetWritersFiles() throws IOException {
    }

    @Test
    void readOnlyOpenOfAMissingLocationFailsNamingItAndCreatesNothing() throws Exception {
        URI missing = missingLocation();
        FileTreeSnapshot before = FileTreeSnapshot.of(tempDir);
        Object databases = databaseState();
        assertRefusedToRead(missing, () -> TrackingClient.openReadOnly(mlops(missing), missing).close());
        assertRefusedToRead(missing, () -> mlops(missing).openModelRegistryReadOnly().close());
        assertEquals(before, FileTreeSnapshot.of(tempDir));
        assertEquals(databases, databaseState());
    }

    @Test
    void readOnlyOpenOfALocationHoldingSomethingElseFailsAndChangesNothing() throws Exception {
        for (URI other : nonStoreLocations()) {
            FileTreeSnapshot before = FileTreeSnapshot.of(tempDir);
            Object databases = databaseState();
            assertRefusedToRead(other, () -> TrackingClient.openReadOnly(mlops(other), other).close());
            assertRefusedToRead(other, () -> mlops(other).openModelRegistryReadOnly().close());
            assertEquals(before, FileTreeSnapshot.of(tempDir), "opening " + other + " read-only changed files");
            assertEquals(databases, databaseState(), "opening " + other + " read-only changed a database");
        }
    }

    @Test
    void readOnlyOpenOfARealStoreReadsEverythingAndWritesNothing() throws Exception {
        URI location = newStoreLocation();
        String runId = writeStore(location);
        forgetWritersFiles();
        FileTreeSnapshot before = snapshotOfRealStore();
        Object databases = databaseState();
        try (TrackingClient tracking = TrackingClient.openReadOnly(mlops(location), location);
             ModelRegistry registry = mlops(location).openModelRegistryReadOnly()) {
            Experiment experiment = tracking.getExperimentByName("leads").orElseThrow();
            assertEquals(List.of(Experiment.DEFAULT_NAME, "leads"),
                    tracking.listExperiments().stream().map(Experiment::name).sorted().toList());
            List<Run> runs = tracking.searchAllRuns(SearchRequest.builder(experiment.experimentId())
                    .filter("metrics.auc > 0.8").build());
            assertEquals(List.of(runId), runs.stream().map(Run::runId).toList());
            Run run = tracking.getRun(runId).orElseThrow();
            assertEquals(RunStatus.FINISHED, run.info().status());
            assertEquals("0.5", run.data().params().get("C"));
            assertEquals("yes", run.data().tags().get("reviewed"));
            assertEquals(List.of(0.7, 0.81), tracking.getMetricHistory(runId, "auc").stream()
                    .map(Metric::value).toList());
            assertEquals("notes.txt", tracking.listArtifacts(runId, "").get(0).path());
            try (InputStream in = tracking.openArtifact(runId, "notes.txt")) {
                assertEquals("first run", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(List.of("lead-scoring"), registry.listModels().stream().map(m -> m.name()).toList());
            ModelVersion champion = registry.getByAlias("lead-scoring", "champion");
            assertEquals(1, champion.version());
            assertEquals(ModelStage.PRODUCTION, champion.stage());
            assertEquals(List.of(1), registry.versionsOfRun(runId).stream().map(ModelVersion::version).toList());
        }
        assertEquals(before, snapshotOfRealStore());
        assertEquals(databases, databaseState());
    }

    @Test
    void writesThroughAReadOnlyStoreAndRegistryAreRefusedAndChangeNothing() throws IOException {
        URI location = newStoreLocation();
        String runId = writeStore(location);
        forgetWritersFiles();
        FileTreeSnapshot before = snapshotOfRealStore();
        try (TrackingClient tracking = TrackingClient.openReadOnly(mlops(location), location);
             ModelRegistry registry = mlops(location).openModelRegistryReadOnly()) {
            TrackingStore store = tracking.store();
            String experimentId = tracking.getExperimentByName("leads").orElseThrow().experimentId();
            assertRefusedToWrite(TrackingException.class, () -> tracking.createExperiment("new"));
            assertRefusedToWrite(TrackingException.class, () -> tracking.startRun("leads", "second"));
            assertRefusedToWrite(TrackingException.class, () -> store.logBatch(runId,
                    List.of(Metric.now("auc", 0.9, 2)), List.of(), List.of()));
            assertRefusedToWrite(TrackingException.class, () -> store.updateRun(runId, RunStatus.FAILED,
                    OptionalLong.empty()));
            assertRefusedToWrite(TrackingException.class, () -> store.writeArtifact(runId, "more.txt",
                    new ByteArrayInputStream(new byte[] {1})));
            assertRefusedToWrite(TrackingException.class, () -> tracking.deleteRun(runId));
            assertRefusedToWrite(TrackingException.class, () -> tracking.setExperimentTag(experimentId, "k", "v"));
            assertRefusedToWrite(TrackingException.class, () -> tracking.deleteExperiment(experimentId));
            assertRefusedToWrite(ModelRegistryException.class, () -> registry.createModel("other"));
            assertRefusedToWrite(ModelRegistryException.class, () -> registry.register(
                    NewModelVersion.builder("lead-scoring", "runs:/" + runId + "/model").build()));
            assertRefusedToWrite(ModelRegistryException.class, () -> registry.transitionStage("lead-scoring", 1,
                    ModelStage.ARCHIVED, false));
            assertRefusedToWrite(ModelRegistryException.class, () -> registry.setAlias("lead-scoring", "b", 1));
            assertRefusedToWrite(ModelRegistryException.class, () -> registry.deleteModel("lead-scoring"));
        }
        assertEquals(before, snapshotOfRealStore());
    }

    @Test
    void aReadOnlyStoreBesideAWriterInTheSameProcessSeesWhatItWritesLater() {
        URI location = newStoreLocation();
        try (TrackingClient writer = TrackingClient.open(mlops(location), location);
             ModelRegistry registry = mlops(location).openModelRegistry()) {
            writer.getOrCreateExperiment("leads");
            try (TrackingClient reader = TrackingClient.openReadOnly(mlops(location), location);
                 ModelRegistry readRegistry = mlops(location).openModelRegistryReadOnly()) {
                String experimentId = reader.getExperimentByName("leads").orElseThrow().experimentId();
                assertEquals(List.of(), reader.searchAllRuns(SearchRequest.builder(experimentId).build()));
                String runId = writer.run("leads", "later", run -> {
                    run.logMetric("auc", 0.9);
                    return run.id();
                });
                registry.createModel("later");
                assertEquals(List.of(runId), reader.searchAllRuns(SearchRequest.builder(experimentId).build())
                        .stream().map(Run::runId).toList());
                assertEquals("later", readRegistry.getModel("later").name());
            }
        }
    }

    @Test
    void aReadOnlyRegistryOfAStoreWhereNoModelWasRegisteredIsEmpty() {
        URI location = newStoreLocation();
        try (TrackingClient tracking = TrackingClient.open(mlops(location), location)) {
            tracking.getOrCreateExperiment("leads");
        }
        FileTreeSnapshot before = snapshotOfRealStore();
        try (ModelRegistry registry = mlops(location).openModelRegistryReadOnly()) {
            assertEquals(List.of(), registry.listModels());
            assertTrue(registry.findModel("lead-scoring").isEmpty());
            assertEquals(List.of(), registry.versionsOfRun("no-such-run"));
        }
        assertEquals(before, snapshotOfRealStore());
    }

    /** Writes a store with an experiment, a finished run with params, metrics, a tag and an artifact, and a model. */
    private String writeStore(URI location) {
        String runId;
        try (TrackingClient tracking = TrackingClient.open(mlops(location), location);
             ModelRegistry registry = mlops(location).openModelRegistry()) {
            runId = tracking.run("leads", "first", run -> {
                run.logParam("C", "0.5");
                run.logMetric("auc", 0.7, 0);
                run.logMetric("auc", 0.81, 1);
                run.setTag("reviewed", "yes");
                run.logText("first run", "notes.txt");
                return run.id();
            });
            registry.register(NewModelVersion.builder("lead-scoring", "runs:/" + runId + "/model").runId(runId)
                    .build());
            registry.transitionStage("lead-scoring", 1, ModelStage.PRODUCTION, false);
            registry.setAlias("lead-scoring", "champion", 1);
        }
        return runId;
    }

    private FileTreeSnapshot snapshotOfRealStore() {
        if (!readersMakeCoordinationFiles()) {
            return FileTreeSnapshot.of(tempDir);
        }
        Predicate<Path> coordination = path -> path.getFileName().toString().endsWith("-wal")
                || path.getFileName().toString().endsWith("-shm");
        return FileTreeSnapshot.of(tempDir, coordination, false);
    }

    private void assertRefusedToRead(URI location, Executable open) {
        ConfigurationException e = assertThrows(ConfigurationException.class, open, "opening " + location);
        String message = e.getMessage();
        assertTrue(message.contains(nameOf(location)) && message.contains("mlops4j")
                && message.contains("URI"), message);
        assertTrue(!message.contains("\n"), "one line: " + message);
    }

    private static void assertRefusedToWrite(Class<? extends RuntimeException> type, Executable write) {
        RuntimeException e = assertThrows(type, write);
        assertTrue(e.getMessage().contains("opened read-only"), e.getMessage());
    }
}
