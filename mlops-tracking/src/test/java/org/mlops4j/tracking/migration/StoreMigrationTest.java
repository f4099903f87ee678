package org.mlops4j.tracking.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.migration.MigrationCounts;
import org.mlops4j.core.tracking.migration.MigrationDifference;
import org.mlops4j.core.tracking.migration.MigrationEnd;
import org.mlops4j.core.tracking.migration.MigrationListener;
import org.mlops4j.core.tracking.migration.RunProgress;
import org.mlops4j.core.tracking.migration.RunProgress.RunOutcome;
import org.mlops4j.core.tracking.migration.StoreMigration;

/** Migrations between mlops4j's file store and SQLite store, both ways: what is copied, repeated and resumed. */
class StoreMigrationTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @CsvSource({"file,sqlite", "sqlite,file", "file,file", "sqlite,sqlite"})
    void copiesExperimentsRunsArtifactsAndRegistryAndTheCheckAgrees(String from, String to) {
        URI source = location(from, "source");
        URI target = location(to, "target");
        String parent;
        try (MigrationEnd end = MigrationStores.open(source, StoreAccess.READ_WRITE)) {
            parent = MigrationStores.fill(end, 0);
        }
        MigrationCounts counts;
        try (MigrationEnd in = MigrationStores.open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = MigrationStores.open(target, StoreAccess.READ_WRITE)) {
            StoreMigration migration = new StoreMigration(in, out);
            counts = migration.copy(MigrationListener.NONE);
            assertEquals(List.of(), migration.check());

            Run parentCopy = copyOf(out, parent);
            assertEquals(parent, parentCopy.runId(), "the copy keeps its source's id");
            for (Run run : runs(out)) {
                assertEquals(run.data().tag(StoreMigration.MIGRATED_FROM).orElseThrow(), run.runId());
                run.parentRunId().ifPresent(p -> assertEquals(parentCopy.runId(), p, "nested run's parent"));
            }
            Run child = runs(out).stream().filter(r -> r.info().runName().equals("Logistic Regression"))
                    .findFirst().orElseThrow();
            List<Metric> auc = out.tracking().getMetricHistory(child.runId(), "auc");
            assertEquals(4, auc.size(), "repeated steps and duplicate entries kept: " + auc);
            assertTrue(Double.isNaN(child.data().metrics().get("loss").value()));
            ModelVersion champion = out.registry().getByAlias("lead-scoring", "champion");
            assertEquals(ModelStage.PRODUCTION, champion.stage());
            assertEquals("runs:/" + child.runId() + "/model", champion.source());
            assertEquals(child.runId(), champion.runId().orElseThrow());
            assertEquals("s3://bucket/elsewhere/model", out.registry().getByAlias("lead-scoring", "baseline")
                    .source());
        }
        assertEquals(MigrationStores.ACTIVE_RUNS, counts.runsCopied());
        assertEquals(0, counts.runsGivenNewIds(), "every id kept");
        assertEquals(MigrationStores.DELETED_RUNS, counts.runsSkippedDeleted());
        assertEquals(1, counts.experimentsSkippedDeleted());
        assertEquals(1, counts.experimentsCreated());
        assertEquals(3 * 5, counts.metricValues());
        assertEquals(3 * 2, counts.artifactFiles());
        assertEquals(1, counts.modelsCreated());
        assertEquals(3, counts.versionsCopied());
    }

    @Test
    void aSecondMigrationCopiesNothingAndTheCheckStillAgrees() {
        URI source = location("file", "source");
        URI target = location("sqlite", "target");
        try (MigrationEnd end = MigrationStores.open(source, StoreAccess.READ_WRITE)) {
            MigrationStores.fill(end, 2);
        }
        migrate(source, target, MigrationListener.NONE);
        List<RunOutcome> outcomes = new ArrayList<>();
        MigrationCounts again = migrate(source, target, p -> outcomes.add(p.outcome()));

        assertFalse(again.movedAnything(), again.toString());
        assertEquals(MigrationStores.ACTIVE_RUNS + 2, again.runsAlreadyComplete());
        assertFalse(outcomes.contains(RunOutcome.COPIED));
        try (MigrationEnd in = MigrationStores.open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = MigrationStores.open(target, StoreAccess.READ_WRITE)) {
            assertEquals(List.of(), new StoreMigration(in, out).check());
            assertEquals(MigrationStores.ACTIVE_RUNS + 2, runs(out).size(), "no run copied twice");
            assertEquals(3, out.registry().listVersions("lead-scoring").size(), "no version registered twice");
        }
    }

    @Test
    void anInterruptedMigrationResumesAndFinishesAPartlyCopiedRun() {
        URI source = location("sqlite", "source");
        URI target = location("file", "target");
        try (MigrationEnd end = MigrationStores.open(source, StoreAccess.READ_WRITE)) {
            MigrationStores.fill(end, 3);
        }
        int total = MigrationStores.ACTIVE_RUNS + 3;
        RuntimeException stop = new IllegalStateException("stopped by the test");
        int[] copied = {0};
        MigrationListener stopAfterThree = p -> {
            if (p.outcome() == RunOutcome.COPIED && ++copied[0] == 3) {
                throw stop;
            }
        };
        assertEquals(stop, assertThrows(IllegalStateException.class, () -> migrate(source, target, stopAfterThree)));
        // a copy half made, as a crash in the middle of a run leaves it: created, some metric values, no params
        String halfCopied;
        try (MigrationEnd in = MigrationStores.open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = MigrationStores.open(target, StoreAccess.READ_WRITE)) {
            assertTrue(new StoreMigration(in, out).check().size() > 0, "the check sees the unfinished migration");
            Run next = runs(in).stream().filter(r -> r.info().runName().equals("candidate 4")).findFirst()
                    .orElseThrow();
            halfCopied = next.runId();
            Experiment leads = out.tracking().getExperimentByName("leads").orElseThrow();
            RunInfo copy = out.tracking().createRun(leads.experimentId(), next.info().runName(),
                    next.info().userId(), next.info().startTime(),
                    List.of(new RunTag(StoreMigration.MIGRATED_FROM, next.runId())));
            out.tracking().logBatch(copy.runId(), in.tracking().getMetricHistory(next.runId(), "auc")
                    .subList(0, 2), List.of(), List.of());
        }
        List<RunProgress> progress = new ArrayList<>();
        MigrationCounts resumed = migrate(source, target, progress::add);

        assertEquals(1, resumed.runsFinished(), resumed.toString());
        assertEquals(3, resumed.runsAlreadyComplete(), "the three runs copied before the stop");
        assertEquals(total - 3 - 1, resumed.runsCopied(), resumed.toString());
        assertEquals(RunOutcome.FINISHED, progress.stream().filter(p -> p.sourceRunId().equals(halfCopied))
                .findFirst().orElseThrow().outcome());
        try (MigrationEnd in = MigrationStores.open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = MigrationStores.open(target, StoreAccess.READ_WRITE)) {
            assertEquals(List.of(), new StoreMigration(in, out).check());
            assertEquals(total, runs(out).size());
            for (Run run : runs(out)) {
                String from = run.data().tag(StoreMigration.MIGRATED_FROM).orElseThrow();
                assertEquals(from.equals(halfCopied), !from.equals(run.runId()),
                        "ids kept but for the copy the test made with a new id: " + run.runId());
            }
        }
        assertEquals(0, resumed.runsGivenNewIds(), resumed.toString());
    }

    @Test
    void aSourceRunIdTakenInTheTargetGivesThatCopyANewIdCountedAndTheCheckAgrees() {
        URI source = location("sqlite", "source");
        URI target = location("file", "target");
        try (MigrationEnd end = MigrationStores.open(source, StoreAccess.READ_WRITE)) {
            MigrationStores.fill(end, 0);
        }
        String taken;
        try (MigrationEnd in = MigrationStores.open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = MigrationStores.open(target, StoreAccess.READ_WRITE)) {
            taken = runs(in).stream().filter(r -> r.info().isActive()).findFirst().orElseThrow().runId();
            out.tracking().createRunWithId(taken, Experiment.DEFAULT_ID, "not a copy", "someone", 1L, List.of());
        }
        MigrationCounts counts = migrate(source, target, MigrationListener.NONE);
        assertEquals(1, counts.runsGivenNewIds(), counts.toString());
        try (MigrationEnd in = MigrationStores.open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = MigrationStores.open(target, StoreAccess.READ_WRITE)) {
            assertTrue(!copyOf(out, taken).runId().equals(taken), "the copy of " + taken + " has a new id");
            assertEquals("not a copy", out.tracking().getRun(taken).orElseThrow().info().runName());
            assertEquals(List.of(), new StoreMigration(in, out).check());
        }
    }

    @Test
    void theCheckReportsAMetricValueAndATagThatDiffer() {
        URI source = location("file", "source");
        URI target = location("file", "target");
        String parent;
        try (MigrationEnd end = MigrationStores.open(source, StoreAccess.READ_WRITE)) {
            parent = MigrationStores.fill(end, 0);
        }
        migrate(source, target, MigrationListener.NONE);
        try (MigrationEnd in = MigrationStores.open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = MigrationStores.open(target, StoreAccess.READ_WRITE)) {
            Run copy = copyOf(out, parent);
            out.tracking().logBatch(copy.runId(), List.of(new Metric("extra", 1, 1, 0)), List.of(),
                    List.of(new RunTag("Source", "changed")));
            List<MigrationDifference> differences = new StoreMigration(in, out).check();
            assertEquals(2, differences.size(), differences.toString());
            assertTrue(differences.get(0).subject().contains(parent), differences.toString());
        }
    }

    private MigrationCounts migrate(URI source, URI target, MigrationListener listener) {
        try (MigrationEnd in = MigrationStores.open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = MigrationStores.open(target, StoreAccess.READ_WRITE)) {
            return new StoreMigration(in, out).copy(listener);
        }
    }

    private URI location(String kind, String name) {
        return kind.equals("file") ? tempDir.resolve(name).toUri()
                : URI.create("jdbc:sqlite:" + tempDir.resolve(name + ".db"));
    }

    static List<Run> runs(MigrationEnd end) {
        List<Run> runs = new ArrayList<>();
        for (Experiment e : end.tracking().listExperiments(org.mlops4j.core.tracking.ViewType.ACTIVE_ONLY)) {
            runs.addAll(end.tracking().searchRuns(org.mlops4j.core.tracking.SearchRequest.builder(e.experimentId())
                    .maxResults(50_000).build()).runs());
        }
        return runs;
    }

    static Run copyOf(MigrationEnd end, String sourceRunId) {
        return runs(end).stream().filter(r -> r.data().tags().getOrDefault(StoreMigration.MIGRATED_FROM, "")
                .equals(sourceRunId)).findFirst().orElseThrow();
    }

}
