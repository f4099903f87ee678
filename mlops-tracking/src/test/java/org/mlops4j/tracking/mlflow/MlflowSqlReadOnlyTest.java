package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.tck.readonly.FileTreeSnapshot;

/**
 * Opening an MLflow SQLite database, read-only or read-write, and reading all of it writes nothing: the database
 * file keeps its bytes and time, and no journal, WAL or other file appears beside it. At a revision mlops4j does not
 * write (older than latest_metrics, or one it does not know) every write is refused naming the revision, and writes
 * nothing.
 */
class MlflowSqlReadOnlyTest {

    private static final String NOT_SUPPORTED = "writes only at the revisions from 89d4b8295536";

    @TempDir
    Path tempDir;

    @Test
    void searchingRunsAndListingModelsReadOnlyOrReadWriteChangesNoByteAndMakesNoFile() throws Exception {
        for (String script : List.of(MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2)) {
            Path folder = Files.createDirectory(tempDir.resolve(script));
            Path db = MlflowSqlFixtures.sqlite(script, folder);
            FileTreeSnapshot files = FileTreeSnapshot.of(folder);
            String bytes = sha256(db);
            Mlops mlops = MlflowSqlStoreTest.mlops(db);
            try (TrackingClient readOnly = TrackingClient.openReadOnly(mlops, MlflowSqlStoreTest.uri(db));
                 TrackingClient readWrite = TrackingClient.open(mlops, MlflowSqlStoreTest.uri(db));
                 ModelRegistry registryReadOnly = mlops.openModelRegistryReadOnly();
                 ModelRegistry registryReadWrite = mlops.openModelRegistry()) {
                for (TrackingClient tracking : List.of(readOnly, readWrite)) {
                    assertEquals(7, readEverything(tracking), script);
                }
                for (ModelRegistry registry : List.of(registryReadOnly, registryReadWrite)) {
                    assertEquals(2, registry.listModels().size());
                    registry.listModels().forEach(m -> registry.listVersions(m.name()));
                }
            }
            assertEquals(files, FileTreeSnapshot.of(folder), script + ": files, sizes or times changed");
            assertEquals(bytes, sha256(db), script + ": bytes changed");
        }
    }

    @Test
    void aRevisionBeforeLatestMetricsOpenedReadWriteRefusesEveryWriteNamingItAndWritesNothing() throws Exception {
        Path db = MlflowSqlFixtures.sqlite(MlflowSqlFixtures.MLFLOW1, tempDir, "DROP TABLE latest_metrics",
                "UPDATE alembic_version SET version_num = '7ac759974ad8'");
        String bytes = sha256(db);
        Mlops mlops = MlflowSqlStoreTest.mlops(db);
        try (TrackingClient tracking = TrackingClient.open(mlops, MlflowSqlStoreTest.uri(db));
             ModelRegistry registry = mlops.openModelRegistry()) {
            TrackingStore store = tracking.store();
            assertEquals(0.79, store.getRun(MlflowSqlFixtures.FOREST).orElseThrow().data().metric("AUC")
                    .orElseThrow(), "latest chosen from metrics");
            String message = assertRefused(() -> tracking.createExperiment("new"));
            assertTrue(message.contains("alembic revision 7ac759974ad8"), message);
            assertRefused(() -> store.renameExperiment("1", "renamed"));
            assertRefused(() -> store.deleteExperiment("1"));
            assertRefused(() -> store.logBatch(MlflowSqlFixtures.FOREST, List.of(Metric.now("AUC", 0.9, 3)),
                    List.of(), List.of()));
            assertRefused(() -> store.writeArtifact(MlflowSqlFixtures.FOREST, "x.txt",
                    new ByteArrayInputStream(new byte[] {1})));
            assertRefused(() -> registry.createModel("new"));
            assertRefused(() -> registry.transitionStage("lead-scoring", 3, ModelStage.PRODUCTION, true));
            assertRefused(() -> registry.deleteVersion("lead-scoring", 1));
        }
        assertEquals(bytes, sha256(db));
    }

    @Test
    void aRevisionMlops4jDoesNotKnowIsReadAndItsWritesAreRefusedNamingIt() throws Exception {
        Path db = MlflowSqlFixtures.sqlite(MlflowSqlFixtures.MLFLOW2, tempDir,
                "UPDATE alembic_version SET version_num = 'fedcba987654'");
        Mlops mlops = MlflowSqlStoreTest.mlops(db);
        try (TrackingClient tracking = TrackingClient.open(mlops, MlflowSqlStoreTest.uri(db));
             ModelRegistry registry = mlops.openModelRegistry()) {
            assertEquals(4, tracking.searchAllRuns(SearchRequest.builder("1").build()).size());
            assertEquals(3, registry.listVersions("lead-scoring").size());
            String message = assertRefused(() -> tracking.createExperiment("new"));
            assertTrue(message.contains("alembic revision fedcba987654, which mlops4j does not know"), message);
            message = assertRefused(() -> tracking.store().logBatch(MlflowSqlFixtures.FOREST,
                    List.of(Metric.now("AUC", 0.9, 3)), List.of(), List.of(new RunTag("k", "v"))));
            assertTrue(message.contains("fedcba987654, which mlops4j does not know"), message);
            assertRefused(() -> tracking.startRun("lead-scoring", "second"));
            message = assertRefused(() -> registry.createModel("new"));
            assertTrue(message.contains("fedcba987654, which mlops4j does not know"), message);
        }
    }

    @Test
    void aDatabaseWithMlflowsTablesButNoAlembicRevisionIsNotTakenForMlflows() throws Exception {
        Path db = MlflowSqlFixtures.sqlite(MlflowSqlFixtures.MLFLOW2, tempDir, "DELETE FROM alembic_version");
        MlopsException e = assertThrows(MlopsException.class, () -> TrackingClient.openReadOnly(
                MlflowSqlStoreTest.mlops(db), MlflowSqlStoreTest.uri(db)).listExperiments());
        assertTrue(!e.getMessage().contains("MLflow database"), e.getMessage());
    }

    private static int readEverything(TrackingClient tracking) {
        int read = 0;
        List<String> ids = tracking.listExperiments(ViewType.ALL).stream().map(Experiment::experimentId).toList();
        for (Run run : tracking.searchAllRuns(SearchRequest.builder(ids).viewType(ViewType.ALL).build())) {
            run.data().metrics().keySet().forEach(key -> tracking.getMetricHistory(run.runId(), key));
            tracking.listArtifacts(run.runId(), "");
            read++;
        }
        return read;
    }

    private static String assertRefused(Executable write) {
        MlopsException e = assertThrows(MlopsException.class, write);
        assertTrue(e.getMessage().contains(NOT_SUPPORTED), e.getMessage());
        return e.getMessage();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
