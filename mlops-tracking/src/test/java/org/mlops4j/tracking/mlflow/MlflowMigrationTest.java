package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.core.tracking.migration.MigrationCounts;
import org.mlops4j.core.tracking.migration.MigrationEnd;
import org.mlops4j.core.tracking.migration.MigrationListener;
import org.mlops4j.core.tracking.migration.StoreMigration;

/**
 * Migrations out of MLflow's stores (the file layout and the SQL schema, opened read-only) into mlops4j's, and into an
 * MLflow database, which takes experiments, runs and models as MLflow writes them.
 */
class MlflowMigrationTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = {"file", "sqlite"})
    void pycaretsMlflowFolderMigratesWithNestedRunsAndRegistryAndStaysUntouched(String to) throws Exception {
        Path mlruns = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir);
        Map<String, String> before = MlflowStores.contents(mlruns);
        URI target = to.equals("file") ? tempDir.resolve("ours").toUri()
                : URI.create("jdbc:sqlite:" + tempDir.resolve("ours.db"));

        MigrationCounts counts;
        try (MigrationEnd in = open(mlruns.toUri(), StoreAccess.READ_ONLY);
             MigrationEnd out = open(target, StoreAccess.READ_WRITE)) {
            StoreMigration migration = new StoreMigration(in, out);
            counts = migration.copy(MigrationListener.NONE);
            assertEquals(List.of(), migration.check());
            Run setup = copyOf(out, MlflowStores.SETUP);
            assertEquals(MlflowStores.SETUP, setup.runId(), "MLflow's run id kept");
            assertEquals(setup.runId(), copyOf(out, MlflowStores.FOREST).parentRunId().orElseThrow());
            assertEquals(in.tracking().getMetricHistory(MlflowStores.FOREST, "AUC").size(),
                    out.tracking().getMetricHistory(copyOf(out, MlflowStores.FOREST).runId(), "AUC").size());
            ModelVersion champion = out.registry().getByAlias("lead-scoring", "champion");
            assertEquals(ModelStage.PRODUCTION, champion.stage());
            Run forest = copyOf(out, MlflowStores.FOREST);
            assertEquals(forest.runId(), champion.runId().orElseThrow());
            assertEquals(forest.info().artifactUri() + "/model", champion.source(),
                    "MLflow's file:// source inside the run's artifacts points into the copy's artifacts");
            assertEquals("/srv/models/churn/1", out.registry().getVersion("churn", 1).source());
        }
        assertEquals(before, MlflowStores.contents(mlruns), "reading the source wrote nothing to it");
        assertTrue(counts.runsCopied() >= 4, counts.toString());
        assertEquals(0, counts.runsGivenNewIds(), counts.toString());
        assertTrue(counts.runsSkippedDeleted() >= 1, counts.toString());
        assertEquals(1, counts.experimentsSkippedDeleted(), counts.toString());
        assertEquals(2, counts.modelsCreated(), counts.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowStores.MLFLOW1, MlflowStores.MLFLOW3})
    void mlflowOneAndThreeFoldersMigrateIntoSqliteAndTheCheckAgrees(String fixture) throws Exception {
        Path mlruns = MlflowStores.copy(fixture, tempDir);
        URI target = URI.create("jdbc:sqlite:" + tempDir.resolve("ours.db"));
        try (MigrationEnd in = open(mlruns.toUri(), StoreAccess.READ_ONLY);
             MigrationEnd out = open(target, StoreAccess.READ_WRITE)) {
            StoreMigration migration = new StoreMigration(in, out);
            MigrationCounts counts = migration.copy(MigrationListener.NONE);
            assertTrue(counts.runsCopied() >= 1, counts.toString());
            assertEquals(fixture.equals(MlflowStores.MLFLOW3), counts.versionsSkipped() > 0,
                    "a version registered from a 3.x logged model (models:/m-...) is skipped: " + counts);
            assertEquals(List.of(), migration.check());
            assertEquals(false, migration.copy(MigrationListener.NONE).movedAnything());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void anMlflowDatabaseMigratesIntoOurFileStoreAndASecondRunCopiesNothing(String script) throws Exception {
        Path db = MlflowSqlFixtures.sqlite(script, tempDir);
        URI source = URI.create("jdbc:sqlite:" + db);
        URI target = tempDir.resolve("ours").toUri();
        try (MigrationEnd in = open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = open(target, StoreAccess.READ_WRITE)) {
            StoreMigration migration = new StoreMigration(in, out);
            MigrationCounts first = migration.copy(MigrationListener.NONE);
            assertTrue(first.runsCopied() >= 4, first.toString());
            assertEquals(List.of(), migration.check());
            assertEquals(copyOf(out, MlflowSqlFixtures.SETUP).runId(),
                    copyOf(out, MlflowSqlFixtures.FOREST).parentRunId().orElseThrow());
            MigrationCounts second = migration.copy(MigrationListener.NONE);
            assertEquals(false, second.movedAnything(), second.toString());
        }
    }

    @Test
    void anMlflowDatabaseAsTargetGetsTheExperimentsItLacksAndTheirRunsWithTheirIds() throws Exception {
        URI source = tempDir.resolve("ours").toUri();
        String runId;
        try (MigrationEnd end = open(source, StoreAccess.READ_WRITE)) {
            end.tracking().createExperiment("brand-new", Map.of());
            String experiment = end.tracking().getExperimentByName("brand-new").orElseThrow().experimentId();
            runId = end.tracking().createRun(experiment, "r", "u", 1L, List.of()).runId();
        }
        Path db = MlflowSqlFixtures.sqlite(MlflowSqlFixtures.MLFLOW2, tempDir);
        URI target = URI.create("jdbc:sqlite:" + db);
        int runsBefore = runCount(target);
        try (MigrationEnd in = open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = open(target, StoreAccess.READ_WRITE)) {
            new StoreMigration(in, out).copy(MigrationListener.NONE);
            String id = out.tracking().getExperimentByName("brand-new").orElseThrow().experimentId();
            assertTrue(Long.parseLong(id) > 2, "an id after MLflow's experiments 0, 1 and 2: " + id);
            assertEquals(id, out.tracking().getRun(runId).orElseThrow().info().experimentId(), "the run's id kept");
        }
        assertEquals(runsBefore + 1, runCount(target), "the run copied");
    }

    private static int runCount(URI location) {
        try (MigrationEnd end = open(location, StoreAccess.READ_ONLY)) {
            return runs(end).size();
        }
    }

    private static MigrationEnd open(URI location, StoreAccess access) {
        return MigrationEnd.open(Mlops.builder().build(), location, access);
    }

    private static List<Run> runs(MigrationEnd end) {
        return end.tracking().listExperiments(ViewType.ALL).stream().map(Experiment::experimentId)
                .flatMap(id -> end.tracking().searchRuns(SearchRequest.builder(id).viewType(ViewType.ALL)
                        .maxResults(50_000).build()).runs().stream()).toList();
    }

    private static Run copyOf(MigrationEnd end, String sourceRunId) {
        return runs(end).stream().filter(r -> sourceRunId.equals(r.data().tags().get(StoreMigration.MIGRATED_FROM)))
                .findFirst().orElseThrow(() -> new AssertionError("no copy of " + sourceRunId));
    }
}
