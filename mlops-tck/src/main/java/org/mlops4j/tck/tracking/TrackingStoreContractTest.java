package org.mlops4j.tck.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.FilterSyntaxException;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingLimits;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;

/**
 * The rules every {@link TrackingStore} keeps. Each store implementation extends this class and says how to open a
 * fresh, empty store and how to open it again (to check what was kept).
 *
 * <p>A plugin author extends it in a JUnit 5 test with {@code mlops-tck} as a test dependency and implements
 * {@link #openStore()} and {@link #reopenStore()}; a store that keeps its data in files should make them under a JUnit
 * {@code @TempDir} of the subclass. Each test opens its own store and closes it afterwards.
 */
public abstract class TrackingStoreContractTest {

    /** A folder for the test's files (stores that live in files use it, and artifact roots). */
    @TempDir
    protected Path tempDir;

    private TrackingStore store;
    private TrackingClient tracking;

    /**
     * @return a new, empty store; called once per test
     */
    protected abstract TrackingStore openStore();

    /**
     * @return another instance over the same data as the store {@link #openStore()} returned
     */
    protected abstract TrackingStore reopenStore();

    @BeforeEach
    void openFreshStore() {
        store = openStore();
        tracking = TrackingClient.of(store);
    }

    @AfterEach
    void closeStore() {
        if (tracking != null) {
            tracking.close();
        }
    }

    // ------------------------------------------------------------------------------------------ experiments

    @Test
    void startsWithTheDefaultExperiment() {
        Experiment defaultExperiment = store.getExperiment(Experiment.DEFAULT_ID).orElseThrow();
        assertEquals(Experiment.DEFAULT_NAME, defaultExperiment.name());
        assertTrue(defaultExperiment.isActive());
        assertEquals(defaultExperiment, store.getExperimentByName("Default").orElseThrow());
    }

    @Test
    void createsExperimentsAndFindsThemByIdAndName() {
        Experiment created = store.createExperiment("lead scoring", Map.of("team", "growth"));
        assertEquals("lead scoring", created.name());
        assertEquals(Map.of("team", "growth"), created.tags());
        Experiment byId = store.getExperiment(created.experimentId()).orElseThrow();
        assertEquals(created.name(), byId.name());
        assertEquals(created.tags(), byId.tags());
        assertEquals(created.experimentId(), store.getExperimentByName("lead scoring").orElseThrow()
                .experimentId());
        assertTrue(store.getExperimentByName("nope").isEmpty());
        assertTrue(store.getExperiment("123456").isEmpty());
    }

    @Test
    void rejectsADuplicateExperimentNameAlsoWhenTheFirstIsDeleted() {
        Experiment first = store.createExperiment("dup", Map.of());
        assertThrows(TrackingAlreadyExistsException.class, () -> store.createExperiment("dup", Map.of()));
        store.deleteExperiment(first.experimentId());
        TrackingAlreadyExistsException e = assertThrows(TrackingAlreadyExistsException.class,
                () -> store.createExperiment("dup", Map.of()));
        assertTrue(e.getMessage().contains("deleted"), e.getMessage());
    }

    @Test
    void rejectsExperimentNamesThatAreBlankOrTooLong() {
        assertThrows(InvalidTrackingInputException.class, () -> store.createExperiment(" ", Map.of()));
        InvalidTrackingInputException e = assertThrows(InvalidTrackingInputException.class,
                () -> store.createExperiment("x".repeat(501), Map.of()));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
    }

    @Test
    void listsExperimentsByLifecycleStage() {
        Experiment a = store.createExperiment("a", Map.of());
        Experiment b = store.createExperiment("b", Map.of());
        store.deleteExperiment(b.experimentId());
        assertEquals(Set.of("Default", "a"), names(store.listExperiments(ViewType.ACTIVE_ONLY)));
        assertEquals(Set.of("b"), names(store.listExperiments(ViewType.DELETED_ONLY)));
        assertEquals(Set.of("Default", "a", "b"), names(store.listExperiments(ViewType.ALL)));
        assertTrue(store.getExperiment(a.experimentId()).orElseThrow().isActive());
    }

    @Test
    void deletingAnExperimentDeletesItsRunsAndRestoringBringsThemBack() {
        Experiment experiment = store.createExperiment("to delete", Map.of());
        RunInfo run = newRun(experiment.experimentId(), "r1");
        RunInfo deletedBefore = newRun(experiment.experimentId(), "r0");
        store.deleteRun(deletedBefore.runId());
        store.deleteExperiment(experiment.experimentId());
        assertEquals(LifecycleStage.DELETED, store.getExperiment(experiment.experimentId()).orElseThrow()
                .lifecycleStage());
        assertEquals(LifecycleStage.DELETED, store.getRun(run.runId()).orElseThrow().info().lifecycleStage());
        assertThrows(InvalidTrackingInputException.class,
                () -> store.createRun(experiment.experimentId(), "late", "u", 1, List.of()));
        store.restoreExperiment(experiment.experimentId());
        assertTrue(store.getExperiment(experiment.experimentId()).orElseThrow().isActive());
        assertEquals(LifecycleStage.ACTIVE, store.getRun(run.runId()).orElseThrow().info().lifecycleStage());
        assertEquals(LifecycleStage.DELETED, store.getRun(deletedBefore.runId()).orElseThrow().info()
                .lifecycleStage(), "a run deleted before its experiment stays deleted");
    }

    @Test
    void refusesToDeleteTheDefaultExperiment() {
        assertThrows(InvalidTrackingInputException.class, () -> store.deleteExperiment(Experiment.DEFAULT_ID));
    }

    @Test
    void renamesExperimentsAndSetsTheirTags() {
        Experiment experiment = store.createExperiment("old", Map.of());
        store.createExperiment("taken", Map.of());
        store.renameExperiment(experiment.experimentId(), "new");
        assertEquals("new", store.getExperiment(experiment.experimentId()).orElseThrow().name());
        assertTrue(store.getExperimentByName("old").isEmpty());
        assertThrows(TrackingAlreadyExistsException.class,
                () -> store.renameExperiment(experiment.experimentId(), "taken"));
        store.setExperimentTag(experiment.experimentId(), "owner", "ana");
        store.setExperimentTag(experiment.experimentId(), "owner", "bo");
        assertEquals(Map.of("owner", "bo"), store.getExperiment(experiment.experimentId()).orElseThrow().tags());
    }

    // ------------------------------------------------------------------------------------------ runs

    @Test
    void createsRunsThatAreRunningAndNamed() {
        Experiment experiment = store.createExperiment("runs", Map.of());
        RunInfo info = store.createRun(experiment.experimentId(), "first", "ana", 1000L,
                List.of(new RunTag("k", "v")));
        assertEquals(RunStatus.RUNNING, info.status());
        assertTrue(info.endTime().isEmpty());
        assertEquals(32, info.runId().length());
        Run run = store.getRun(info.runId()).orElseThrow();
        assertEquals("first", run.info().runName());
        assertEquals("ana", run.info().userId());
        assertEquals(1000L, run.info().startTime());
        assertEquals(experiment.experimentId(), run.info().experimentId());
        assertEquals("first", run.data().tags().get(SystemTags.RUN_NAME));
        assertEquals("v", run.data().tags().get("k"));
        assertTrue(run.info().artifactUri().endsWith(info.runId() + "/artifacts"), run.info().artifactUri());
    }

    @Test
    void createsARunWithAGivenIdWhenItKeepsIdsAndRefusesItOtherwise() {
        String id = "0123456789abcdef0123456789abcdef";
        if (!store.keepsRunIds()) {
            assertThrows(TrackingException.class, () -> store.createRunWithId(id, Experiment.DEFAULT_ID, "kept",
                    "ana", 1000L, List.of()));
            assertTrue(store.getRun(id).isEmpty());
            return;
        }
        Experiment experiment = store.createExperiment("given ids", Map.of());
        RunInfo info = store.createRunWithId(id, experiment.experimentId(), "kept", "ana", 1000L,
                List.of(new RunTag("k", "v")));
        assertEquals(id, info.runId());
        assertEquals(RunStatus.RUNNING, info.status());
        Run run = store.getRun(id).orElseThrow();
        assertEquals("kept", run.info().runName());
        assertEquals(experiment.experimentId(), run.info().experimentId());
        assertEquals("v", run.data().tags().get("k"));
        assertTrue(run.info().artifactUri().endsWith(id + "/artifacts"), run.info().artifactUri());
        store.logBatch(id, List.of(new Metric("m", 1, 1, 0)), List.of(), List.of());
        assertThrows(TrackingAlreadyExistsException.class, () -> store.createRunWithId(id, Experiment.DEFAULT_ID,
                "again", "bo", 2000L, List.of()), "an id is given once, in any experiment");
        assertThrows(InvalidTrackingInputException.class, () -> store.createRunWithId("../x", Experiment.DEFAULT_ID,
                "bad", "bo", 2000L, List.of()));
    }

    @Test
    void rejectsARunInAMissingExperiment() {
        assertThrows(TrackingNotFoundException.class, () -> store.createRun("424242", "x", "u", 1, List.of()));
    }

    @Test
    void endsRunsWithTheirStatusAndEndTime() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "ending");
        RunInfo ended = store.updateRun(info.runId(), RunStatus.KILLED, OptionalLong.of(5000));
        assertEquals(RunStatus.KILLED, ended.status());
        Run read = store.getRun(info.runId()).orElseThrow();
        assertEquals(RunStatus.KILLED, read.info().status());
        assertEquals(OptionalLong.of(5000), read.info().endTime());
    }

    @Test
    void unknownRunsAreEmptyOrNotFound() {
        assertTrue(store.getRun("0123456789abcdef0123456789abcdef").isEmpty());
        assertThrows(TrackingNotFoundException.class, () -> store.logBatch("0123456789abcdef0123456789abcdef",
                List.of(), List.of(new Param("a", "b")), List.of()));
        assertThrows(InvalidTrackingInputException.class, () -> store.getRun("../../etc"));
    }

    @Test
    void paramsAreImmutable() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "params");
        store.logBatch(info.runId(), List.of(), List.of(new Param("lr", "0.1")), List.of());
        store.logBatch(info.runId(), List.of(), List.of(new Param("lr", "0.1")), List.of());
        InvalidTrackingInputException e = assertThrows(InvalidTrackingInputException.class,
                () -> store.logBatch(info.runId(), List.of(), List.of(new Param("lr", "0.2")), List.of()));
        assertTrue(e.getMessage().contains("'0.1'") && e.getMessage().contains("'0.2'"), e.getMessage());
        assertEquals(Map.of("lr", "0.1"), store.getRun(info.runId()).orElseThrow().data().params());
    }

    @Test
    void aBatchWithAChangedParamWritesNothing() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "atomic check");
        store.logBatch(info.runId(), List.of(), List.of(new Param("a", "1")), List.of());
        assertThrows(InvalidTrackingInputException.class, () -> store.logBatch(info.runId(),
                List.of(new Metric("m", 1, 1, 0)), List.of(new Param("b", "2"), new Param("a", "9")), List.of()));
        Run run = store.getRun(info.runId()).orElseThrow();
        assertEquals(Map.of("a", "1"), run.data().params());
        assertTrue(run.data().metrics().isEmpty());
    }

    @Test
    void aBatchWhoseLastElementIsInvalidStoresNothingAndItsCorrectedRetryStoresEachValueOnce() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "retried");
        store.logBatch(info.runId(), List.of(), List.of(new Param("lr", "0.1")), List.of());
        List<Metric> metrics = List.of(new Metric("loss", 0.5, 10, 0), new Metric("loss", 0.4, 11, 1),
                new Metric("acc", 0.7, 10, 0));
        List<RunTag> tags = List.of(new RunTag("phase", "train"));
        assertThrows(InvalidTrackingInputException.class, () -> store.logBatch(info.runId(), metrics,
                List.of(new Param("depth", "4"), new Param("lr", "0.2")), tags));
        assertThrows(InvalidTrackingInputException.class, () -> store.logBatch(info.runId(), metrics,
                List.of(new Param("depth", "4")), List.of(new RunTag("phase", "train"),
                        new RunTag("note", "x".repeat(TrackingLimits.MAX_RUN_TAG_VALUE_LENGTH + 1)))));
        for (TrackingStore view : List.of(store, reopenStore())) {
            Run run = view.getRun(info.runId()).orElseThrow();
            assertEquals(Map.of("lr", "0.1"), run.data().params(), "no param of the failed batches");
            assertTrue(run.data().metrics().isEmpty(), "no metric of the failed batches");
            assertFalse(run.data().tags().containsKey("phase"), "no tag of the failed batches");
            assertTrue(view.getMetricHistory(info.runId(), "loss").isEmpty());
            if (view != store) {
                view.close();
            }
        }
        store.logBatch(info.runId(), metrics, List.of(new Param("depth", "4"), new Param("lr", "0.1")), tags);
        assertEquals(List.of(new Metric("loss", 0.5, 10, 0), new Metric("loss", 0.4, 11, 1)),
                store.getMetricHistory(info.runId(), "loss"), "each value of the retry once");
        assertEquals(List.of(new Metric("acc", 0.7, 10, 0)), store.getMetricHistory(info.runId(), "acc"));
        Run run = store.getRun(info.runId()).orElseThrow();
        assertEquals(Map.of("lr", "0.1", "depth", "4"), run.data().params());
        assertEquals("train", run.data().tags().get("phase"));
        assertEquals(new Metric("loss", 0.4, 11, 1), run.data().metrics().get("loss"));
    }

    @Test
    void keepsTheFullMetricHistoryAndShowsTheLatestValue() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "metrics");
        store.logBatch(info.runId(), List.of(new Metric("loss", 0.9, 100, 0), new Metric("loss", 0.5, 200, 1),
                new Metric("loss", 0.7, 150, 2), new Metric("acc", 0.6, 100, 0)), List.of(), List.of());
        store.logBatch(info.runId(), List.of(new Metric("loss", 0.4, 90, 2)), List.of(), List.of());
        List<Metric> history = store.getMetricHistory(info.runId(), "loss");
        assertEquals(List.of(new Metric("loss", 0.9, 100, 0), new Metric("loss", 0.5, 200, 1),
                new Metric("loss", 0.4, 90, 2), new Metric("loss", 0.7, 150, 2)), history);
        Run run = store.getRun(info.runId()).orElseThrow();
        assertEquals(new Metric("loss", 0.7, 150, 2), run.data().metrics().get("loss"),
                "highest step wins, then the latest timestamp");
        assertEquals(0.6, run.data().metric("acc").orElseThrow());
        assertTrue(store.getMetricHistory(info.runId(), "never").isEmpty());
    }

    @Test
    void aBatchSpreadOverManyKeysKeepsEveryKeysHistoryAndLatestValue() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "many keys");
        int keys = 37; // more keys than one multi-row statement holds, and not a multiple of it
        for (int batch = 0; batch < 3; batch++) {
            List<Metric> metrics = new ArrayList<>();
            for (int i = 0; i < 999; i++) {
                long step = batch * 1000L + i / keys;
                metrics.add(new Metric("k" + (i % keys), step + (i % keys) / 100.0, 1_000 + step, step));
            }
            store.logBatch(info.runId(), metrics, List.of(), List.of());
        }
        Run run = store.getRun(info.runId()).orElseThrow();
        for (int k = 0; k < keys; k++) {
            List<Metric> history = store.getMetricHistory(info.runId(), "k" + k);
            assertEquals(3 * 27, history.size(), "values of k" + k);
            assertEquals(0 + k / 100.0, history.get(0).value());
            long lastStep = 2000L + 26;
            assertEquals(new Metric("k" + k, lastStep + k / 100.0, 1_000 + lastStep, lastStep),
                    history.get(history.size() - 1));
            assertEquals(history.get(history.size() - 1), run.data().metrics().get("k" + k));
        }
    }

    @Test
    void aRejectedBatchLeavesTheStoreReadyForTheNextOne() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "after a failure");
        store.logBatch(info.runId(), List.of(new Metric("m", 1, 1, 0)), List.of(new Param("p", "a")), List.of());
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidTrackingInputException.class, () -> store.logBatch(info.runId(),
                    List.of(new Metric("m", 9, 9, 9)), List.of(new Param("p", "b")), List.of()));
            store.logBatch(info.runId(), List.of(new Metric("m", 2 + i, 2 + i, 1 + i)), List.of(), List.of());
        }
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), store.getMetricHistory(info.runId(), "m").stream()
                .map(Metric::value).toList());
        assertEquals(new Metric("m", 4, 4, 3), store.getRun(info.runId()).orElseThrow().data().metrics().get("m"));
    }

    @Test
    void storesNanAndInfinitiesAndReadsThemBack() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "odd values");
        store.logBatch(info.runId(), List.of(new Metric("nan", Double.NaN, 1, 0),
                new Metric("pinf", Double.POSITIVE_INFINITY, 1, 0), new Metric("ninf", Double.NEGATIVE_INFINITY, 1,
                        0), new Metric("tiny", 1e-300, 1, 0), new Metric("neg", -0.0, 1, 0)), List.of(), List.of());
        TrackingStore reopened = reopenStore();
        try {
            for (TrackingStore s : List.of(store, reopened)) {
                Run run = s.getRun(info.runId()).orElseThrow();
                assertTrue(Double.isNaN(run.data().metric("nan").orElseThrow()));
                assertEquals(Double.POSITIVE_INFINITY, run.data().metric("pinf").orElseThrow());
                assertEquals(Double.NEGATIVE_INFINITY, run.data().metric("ninf").orElseThrow());
                assertEquals(1e-300, run.data().metric("tiny").orElseThrow());
                assertTrue(Double.isNaN(s.getMetricHistory(info.runId(), "nan").get(0).value()));
                assertEquals(Double.NEGATIVE_INFINITY, s.getMetricHistory(info.runId(), "ninf").get(0).value());
            }
        } finally {
            reopened.close();
        }
    }

    @Test
    void setsReplacesAndDeletesTagsAndRenamesThroughTheRunNameTag() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "tags");
        store.logBatch(info.runId(), List.of(), List.of(), List.of(new RunTag("t", "1"), new RunTag("t", "2"),
                new RunTag("u", "x")));
        assertEquals("2", store.getRun(info.runId()).orElseThrow().data().tags().get("t"), "the last value wins");
        store.deleteTag(info.runId(), "u");
        assertFalse(store.getRun(info.runId()).orElseThrow().data().tags().containsKey("u"));
        assertThrows(TrackingNotFoundException.class, () -> store.deleteTag(info.runId(), "u"));
        store.logBatch(info.runId(), List.of(), List.of(), List.of(new RunTag(SystemTags.RUN_NAME, "renamed")));
        assertEquals("renamed", store.getRun(info.runId()).orElseThrow().info().runName());
    }

    @Test
    void enforcesBatchLimits() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "limits");
        List<Metric> thousand = IntStream.range(0, 1000).mapToObj(i -> new Metric("m", i, i, i)).toList();
        store.logBatch(info.runId(), thousand, List.of(), List.of());
        assertEquals(1000, store.getMetricHistory(info.runId(), "m").size());
        List<Metric> tooMany = IntStream.range(0, 1001).mapToObj(i -> new Metric("m", i, i, i)).toList();
        InvalidTrackingInputException e = assertThrows(InvalidTrackingInputException.class,
                () -> store.logBatch(info.runId(), tooMany, List.of(), List.of()));
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
        List<Param> params = IntStream.range(0, 101).mapToObj(i -> new Param("p" + i, "v")).toList();
        assertThrows(InvalidTrackingInputException.class,
                () -> store.logBatch(info.runId(), List.of(), params, List.of()));
        assertThrows(InvalidTrackingInputException.class, () -> store.logBatch(info.runId(), List.of(),
                List.of(new Param("same", "1"), new Param("same", "1")), List.of()));
        assertEquals(1000, store.getMetricHistory(info.runId(), "m").size());
    }

    @Test
    void rejectsOversizedValuesNamingTheLimit() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "sizes");
        store.logBatch(info.runId(), List.of(), List.of(new Param("ok", "x".repeat(6000))), List.of());
        InvalidTrackingInputException param = assertThrows(InvalidTrackingInputException.class,
                () -> store.logBatch(info.runId(), List.of(), List.of(new Param("big", "x".repeat(6001))),
                        List.of()));
        assertTrue(param.getMessage().contains("6000") && param.getMessage().contains("6001"), param.getMessage());
        InvalidTrackingInputException tag = assertThrows(InvalidTrackingInputException.class,
                () -> store.logBatch(info.runId(), List.of(), List.of(), List.of(new RunTag("t", "y".repeat(8001)))));
        assertTrue(tag.getMessage().contains("8000"), tag.getMessage());
        InvalidTrackingInputException key = assertThrows(InvalidTrackingInputException.class,
                () -> store.logBatch(info.runId(), List.of(new Metric("k".repeat(251), 1, 1, 0)), List.of(),
                        List.of()));
        assertTrue(key.getMessage().contains("250"), key.getMessage());
        assertEquals("x".repeat(6000), store.getRun(info.runId()).orElseThrow().data().params().get("ok"));
    }

    @Test
    void rejectsKeysThatWouldEscapeTheStoreFolder() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "keys");
        for (String bad : List.of("../evil", "/abs", "a//b", "a/./b", "a/", ".", "..", "a\u0000b", "a\\b", "")) {
            assertThrows(InvalidTrackingInputException.class,
                    () -> store.logBatch(info.runId(), List.of(), List.of(new Param(bad, "v")), List.of()),
                    "key " + bad);
            assertThrows(InvalidTrackingInputException.class,
                    () -> store.logBatch(info.runId(), List.of(new Metric(bad, 1, 1, 0)), List.of(), List.of()),
                    "key " + bad);
        }
        store.logBatch(info.runId(), List.of(new Metric("train/loss", 1, 1, 0)),
                List.of(new Param("a.b-c d:e", "v"), new Param(".hidden", "h")), List.of());
        Run run = store.getRun(info.runId()).orElseThrow();
        assertEquals(Set.of("a.b-c d:e", ".hidden"), run.data().params().keySet());
        assertEquals(1.0, run.data().metric("train/loss").orElseThrow());
        assertEquals(1, store.getMetricHistory(info.runId(), "train/loss").size());
    }

    @Test
    void aDeletedRunRejectsWritesUntilRestored() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "deleted");
        store.deleteRun(info.runId());
        assertEquals(LifecycleStage.DELETED, store.getRun(info.runId()).orElseThrow().info().lifecycleStage());
        assertThrows(InvalidTrackingInputException.class,
                () -> store.logBatch(info.runId(), List.of(), List.of(new Param("a", "b")), List.of()));
        store.restoreRun(info.runId());
        store.logBatch(info.runId(), List.of(), List.of(new Param("a", "b")), List.of());
        assertEquals("b", store.getRun(info.runId()).orElseThrow().data().params().get("a"));
    }

    @Test
    void keepsEverythingWhenOpenedAgain() {
        Experiment experiment = store.createExperiment("persist", Map.of("k", "v"));
        RunInfo info = newRun(experiment.experimentId(), "kept");
        store.logBatch(info.runId(), List.of(new Metric("m", 2.5, 10, 3)), List.of(new Param("p", "1")),
                List.of(new RunTag("t", "x")));
        store.updateRun(info.runId(), RunStatus.FINISHED, OptionalLong.of(20));
        Run before = store.getRun(info.runId()).orElseThrow();
        TrackingStore reopened = reopenStore();
        try {
            assertEquals(before, reopened.getRun(info.runId()).orElseThrow());
            assertEquals(Map.of("k", "v"), reopened.getExperimentByName("persist").orElseThrow().tags());
            assertEquals(1, reopened.searchRuns(SearchRequest.builder(experiment.experimentId())
                    .filter("metrics.m = 2.5").build()).runs().size());
        } finally {
            reopened.close();
        }
    }

    // ------------------------------------------------------------------------------------------ client

    @Test
    void aRecordedRunEndsFinishedWithWhatTheVoidBodyLoggedAndGivesItsId() {
        String id = tracking.record("client", "recorded", run -> {
            run.logParam("p", "1");
            run.logMetric("m", 2.5);
        });
        Run run = store.getRun(id).orElseThrow();
        assertEquals(RunStatus.FINISHED, run.info().status());
        assertEquals(2.5, run.data().metrics().get("m").value());
        assertEquals(Map.of("p", "1"), run.data().params());
    }

    @Test
    void aRunBodyThatThrowsEndsTheRunFailedAndRethrows() {
        String[] id = new String[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> tracking.run("client", "failing", run -> {
                    id[0] = run.id();
                    run.logMetric("m", 1);
                    throw new IllegalStateException("boom");
                }));
        assertEquals("boom", thrown.getMessage());
        Run run = store.getRun(id[0]).orElseThrow();
        assertEquals(RunStatus.FAILED, run.info().status());
        assertTrue(run.info().endTime().isPresent());
    }

    @Test
    void aTryWithResourcesBlockThatThrowsEndsTheRunFailedWithTheReasonTagged() {
        String[] id = new String[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (ActiveRun run = tracking.startRun("client", "throws")) {
                id[0] = run.id();
                run.logMetric("m", 1);
                failWith("boom");
                run.end();
            }
        });
        assertEquals("boom", thrown.getMessage());
        assertEquals(0, thrown.getSuppressed().length, "closing the run added no error of its own");
        Run run = store.getRun(id[0]).orElseThrow();
        assertEquals(RunStatus.FAILED, run.info().status());
        assertTrue(run.info().endTime().isPresent());
        assertEquals(ActiveRun.CLOSED_BEFORE_END, run.data().tags().get(SystemTags.END_REASON));
        assertEquals(1.0, run.data().metrics().get("m").value(), "what was logged before the throw is kept");
    }

    @Test
    void aBlockLeftEarlyWithoutEndingItsRunEndsItFailed() {
        String id = startAndLeaveEarly(true);
        assertEquals(RunStatus.FAILED, store.getRun(id).orElseThrow().info().status());
        String ended = startAndLeaveEarly(false);
        Run run = store.getRun(ended).orElseThrow();
        assertEquals(RunStatus.FINISHED, run.info().status());
        assertNull(run.data().tags().get(SystemTags.END_REASON), "a run ended by its caller has no end reason");
    }

    @Test
    void aStatusChosenInsideTheBlockIsKeptWhenTheBlockCloses() {
        String id;
        try (ActiveRun run = tracking.startRun("client", "killed")) {
            id = run.id();
            run.end(RunStatus.KILLED);
            run.end(RunStatus.FINISHED);
        }
        assertEquals(RunStatus.KILLED, store.getRun(id).orElseThrow().info().status());
    }

    private String startAndLeaveEarly(boolean early) {
        try (ActiveRun run = tracking.startRun("client", early ? "early" : "ended")) {
            if (early) {
                return run.id();
            }
            run.end();
            return run.id();
        }
    }

    private static void failWith(String message) {
        throw new IllegalStateException(message);
    }

    @Test
    void tryWithResourcesEndsTheRunFinishedAndChildRunsPointToTheirParent() {
        Experiment experiment = tracking.getOrCreateExperiment("client");
        String parentId;
        String childId;
        try (ActiveRun parent = tracking.startRun(experiment, "parent")) {
            parentId = parent.id();
            try (ActiveRun child = parent.startChildRun("child")) {
                childId = child.id();
                child.logParams(Map.of("depth", 2));
                child.logMetrics(Map.of("a", 1.0, "b", 2.0), 7);
                child.end();
            }
            parent.end();
        }
        assertEquals(RunStatus.FINISHED, store.getRun(parentId).orElseThrow().info().status());
        Run child = store.getRun(childId).orElseThrow();
        assertEquals(parentId, child.parentRunId().orElseThrow());
        assertEquals("2", child.data().params().get("depth"));
        assertEquals(7, child.data().metrics().get("b").step());
        List<Run> children = tracking.searchAllRuns(SearchRequest.builder(experiment.experimentId())
                .filter("tags.`mlflow.parentRunId` = '" + parentId + "'").build());
        assertEquals(List.of(childId), children.stream().map(Run::runId).toList());
        assertEquals(experiment, tracking.getOrCreateExperiment("client"));
    }

    @Test
    void theClientSplitsLargeBatches() {
        try (ActiveRun run = tracking.startRun("client", null)) {
            List<Metric> metrics = IntStream.range(0, 2500).mapToObj(i -> new Metric("m", i, i, i)).toList();
            List<Param> params = IntStream.range(0, 150).mapToObj(i -> new Param("p" + i, "v")).toList();
            run.logBatch(metrics, params, List.of());
            assertEquals(2500, store.getMetricHistory(run.id(), "m").size());
            assertEquals(150, run.read().data().params().size());
            assertTrue(run.name().matches("[a-z]+-[a-z]+-\\d+"), run.name());
            run.end();
        }
    }

    // ------------------------------------------------------------------------------------------ artifacts

    @Test
    void writesListsAndOpensArtifacts() throws IOException {
        Path folder = Files.createDirectories(tempDir.resolve("local/plots"));
        Files.writeString(folder.resolve("roc.svg"), "<svg/>");
        Files.writeString(tempDir.resolve("local/model.bin"), "weights");
        try (ActiveRun run = tracking.startRun("artifacts", "a")) {
            run.logArtifact(tempDir.resolve("local"));
            run.logArtifact(tempDir.resolve("local/model.bin"), "copies");
            run.logText("hello", "notes/readme.txt");
            run.logJson(Map.of("auc", 0.9), "report.json");
            run.logBytes(new byte[] {1, 2, 3}, "raw.bin");
            run.logText("hello again", "notes/readme.txt");
            assertEquals(List.of("copies", "model.bin", "notes", "plots", "raw.bin", "report.json"),
                    tracking.listArtifacts(run.id(), "").stream().map(ArtifactInfo::path).toList());
            List<ArtifactInfo> notes = tracking.listArtifacts(run.id(), "notes");
            assertEquals(List.of(new ArtifactInfo("notes/readme.txt", false, 11)), notes);
            assertTrue(tracking.listArtifacts(run.id(), "plots").get(0).path().equals("plots/roc.svg"));
            assertEquals("hello again", read(run.id(), "notes/readme.txt"));
            assertEquals("weights", read(run.id(), "copies/model.bin"));
            assertTrue(read(run.id(), "report.json").contains("\"auc\""));
            try (InputStream in = tracking.openArtifact(run.id(), "raw.bin")) {
                assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
            }
            assertTrue(tracking.listArtifacts(run.id(), "missing").isEmpty());
            assertThrows(TrackingNotFoundException.class, () -> tracking.openArtifact(run.id(), "missing.txt"));
            Path copy = tracking.downloadArtifacts(run.id(), "", tempDir.resolve("download"));
            assertEquals("<svg/>", Files.readString(copy.resolve("plots/roc.svg")));
            run.end();
        }
    }

    @Test
    void rejectsArtifactPathsThatEscapeTheRunFolder() {
        RunInfo info = newRun(Experiment.DEFAULT_ID, "escape");
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a/..", "C:/x", "a\\..\\x", "a\u0000b",
                "x#y", "a//b")) {
            assertThrows(InvalidTrackingInputException.class, () -> store.writeArtifact(info.runId(), bad,
                    new ByteArrayInputStream(new byte[] {1})), bad);
            assertThrows(InvalidTrackingInputException.class, () -> store.openArtifact(info.runId(), bad), bad);
            assertThrows(InvalidTrackingInputException.class, () -> store.listArtifacts(info.runId(), bad), bad);
        }
        assertTrue(store.listArtifacts(info.runId(), "").isEmpty());
    }

    // ------------------------------------------------------------------------------------------ search

    @Test
    void searchesWithMlflowFilters() {
        Experiment experiment = store.createExperiment("search", Map.of());
        String e = experiment.experimentId();
        RunInfo lr = run(e, "lr", 1000, Map.of("auc", 0.91, "loss", 0.3), Map.of("model", "lr", "C", "0.5"),
                Map.of("team", "risk-analytics"));
        RunInfo rf = run(e, "rf", 2000, Map.of("auc", 0.85), Map.of("model", "rf"), Map.of("team", "Growth"));
        RunInfo gb = run(e, "gb", 3000, Map.of("auc", Double.NaN), Map.of("model", "gb"), Map.of());
        RunInfo none = run(e, "bare", 4000, Map.of(), Map.of(), Map.of());
        store.updateRun(rf.runId(), RunStatus.FINISHED, OptionalLong.of(2500));

        assertEquals(List.of("lr"), search(e, "metrics.auc > 0.9"));
        assertEquals(List.of("rf", "lr"), search(e, "metrics.auc >= 0.85"));
        assertEquals(List.of("rf"), search(e, "metrics.auc < 0.9"));
        assertEquals(List.of("rf"), search(e, "metrics.auc <= 0.85"));
        assertEquals(List.of("rf"), search(e, "metrics.auc = 0.85"));
        assertEquals(List.of("gb", "lr"), search(e, "metrics.auc != 0.85"), "NaN is != every number");
        assertEquals(List.of("lr"), search(e, "params.model = 'lr'"));
        assertEquals(List.of("gb", "rf"), search(e, "params.model != 'lr'"), "a missing param never matches");
        assertEquals(List.of("lr"), search(e, "params.C = \"0.5\""));
        assertEquals(List.of("lr"), search(e, "tags.team LIKE '%risk%'"));
        assertEquals(List.of(), search(e, "tags.team LIKE 'growth'"));
        assertEquals(List.of("rf"), search(e, "tags.team ILIKE 'growth'"));
        assertEquals(List.of("rf", "lr"), search(e, "tags.team ILIKE '%r_%'"));
        assertEquals(List.of("rf", "lr"), search(e, "params.model IN ('lr', 'rf')"));
        assertEquals(List.of("gb"), search(e, "params.model NOT IN ('lr', 'rf')"));
        assertEquals(List.of("bare", "gb"), search(e, "tags.team IS NULL"));
        assertEquals(List.of("rf", "lr"), search(e, "tags.team IS NOT NULL"));
        assertEquals(List.of("rf"), search(e, "attributes.status = 'FINISHED'"));
        assertEquals(List.of("bare", "gb", "lr"), search(e, "status != 'FINISHED'"));
        assertEquals(List.of("gb"), search(e, "attributes.run_name = 'gb'"));
        assertEquals(List.of("rf"), search(e, "run_name LIKE 'r%'"));
        assertEquals(List.of("bare", "gb"), search(e, "attributes.start_time > 2500"));
        assertEquals(List.of("rf"), search(e, "attributes.end_time > 0"), "runs without an end time never match");
        assertEquals(List.of("lr"), search(e, "attributes.run_id = '" + lr.runId() + "'"));
        assertEquals(List.of("gb", "lr"), search(e, "run_id IN ('" + lr.runId() + "', '" + gb.runId() + "')"));
        assertEquals(List.of("lr"),
                search(e, "metrics.auc > 0.8 and params.model = 'lr' AND tags.team LIKE 'risk%' and metrics.loss < 1"));
        assertEquals(List.of("bare", "gb", "rf", "lr"), search(e, ""));
        assertEquals(List.of(), search(e, "params.model = 'lr' and params.model = 'rf'"));
        assertEquals(List.of(none.runId()), store.searchRuns(SearchRequest.builder(e).filter("run_name = 'bare'")
                .build()).runs().stream().map(Run::runId).toList());
    }

    @Test
    void searchOrdersWithMissingAndNanLastInBothDirections() {
        String e = store.createExperiment("order", Map.of()).experimentId();
        run(e, "a", 1, Map.of("m", 2.0), Map.of("p", "b"), Map.of());
        run(e, "b", 2, Map.of("m", Double.NaN), Map.of("p", "a"), Map.of());
        run(e, "c", 3, Map.of("m", -1.0), Map.of(), Map.of());
        run(e, "d", 4, Map.of(), Map.of("p", "c"), Map.of());
        run(e, "e", 5, Map.of("m", Double.POSITIVE_INFINITY), Map.of(), Map.of());
        assertEquals(List.of("c", "a", "e", "b", "d"), order(e, "metrics.m"));
        assertEquals(List.of("c", "a", "e", "b", "d"), order(e, "metrics.m ASC"));
        assertEquals(List.of("e", "a", "c", "b", "d"), order(e, "metrics.m DESC"));
        assertEquals(List.of("b", "a", "d", "e", "c"), order(e, "params.p"), "missing last, then start_time DESC");
        assertEquals(List.of("d", "a", "b", "e", "c"), order(e, "params.p desc"));
        assertEquals(List.of("a", "b", "c", "d", "e"), order(e, "attributes.start_time"));
        assertEquals(List.of("e", "d", "c", "b", "a"), order(e));
        assertEquals(List.of("a", "b", "c", "d", "e"), order(e, "attributes.run_name ASC"));
        assertEquals(List.of("c", "a", "e", "b", "d"), order(e, "metrics.m", "params.p DESC"));
    }

    @Test
    void pagesThroughResultsWithTokens() {
        String e = store.createExperiment("paging", Map.of()).experimentId();
        for (int i = 0; i < 25; i++) {
            run(e, "r" + i, 1000 + i, Map.of("i", (double) i), Map.of(), Map.of());
        }
        SearchRequest request = SearchRequest.builder(e).orderBy("metrics.i ASC").maxResults(10).build();
        List<String> seen = new ArrayList<>();
        RunsPage page = store.searchRuns(request);
        int pages = 1;
        seen.addAll(page.runs().stream().map(r -> r.info().runName()).toList());
        while (page.hasNextPage()) {
            page = store.searchRuns(request.withPageToken(page.nextPageToken().orElseThrow()));
            seen.addAll(page.runs().stream().map(r -> r.info().runName()).toList());
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(IntStream.range(0, 25).mapToObj(i -> "r" + i).toList(), seen);
        assertThrows(InvalidTrackingInputException.class, () -> request.withPageToken("not a token"));
    }

    @Test
    void searchFiltersByLifecycleAndSpansExperiments() {
        String e1 = store.createExperiment("view1", Map.of()).experimentId();
        String e2 = store.createExperiment("view2", Map.of()).experimentId();
        run(e1, "kept", 1, Map.of(), Map.of(), Map.of());
        RunInfo gone = run(e2, "gone", 2, Map.of(), Map.of(), Map.of());
        run(e2, "other", 3, Map.of(), Map.of(), Map.of());
        store.deleteRun(gone.runId());
        assertEquals(Set.of("kept", "other"), names(SearchRequest.builder(e1, e2).build()));
        assertEquals(Set.of("gone"), names(SearchRequest.builder(e1, e2).viewType(ViewType.DELETED_ONLY).build()));
        assertEquals(Set.of("kept", "gone", "other"), names(SearchRequest.builder(e1, e2).viewType(ViewType.ALL)
                .build()));
        assertThrows(TrackingNotFoundException.class, () -> store.searchRuns(SearchRequest.builder("777").build()));
    }

    @Test
    void badFiltersAreRejectedBeforeSearching() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> SearchRequest.builder("0").filter("metrics.auc > 'high'").build());
        assertEquals(14, e.position());
    }

    // ------------------------------------------------------------------------------------------ threads

    @Test
    void eightThreadsLogToTheirOwnRunsAtOnce() throws Exception {
        String e = store.createExperiment("threads", Map.of()).experimentId();
        int threads = 8;
        int steps = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    RunInfo info = store.createRun(e, "thread-" + thread, "u", System.currentTimeMillis(), List.of());
                    for (int s = 0; s < steps; s++) {
                        store.logBatch(info.runId(), List.of(new Metric("loss", 1.0 / (s + 1), 1000 + s, s),
                                new Metric("thread", thread, 1000 + s, s)), s == 0
                                ? List.of(new Param("thread", Integer.toString(thread))) : List.of(),
                                List.of(new RunTag("progress", Integer.toString(s))));
                    }
                    store.updateRun(info.runId(), RunStatus.FINISHED, OptionalLong.of(System.currentTimeMillis()));
                    return info.runId();
                }));
            }
            for (int t = 0; t < threads; t++) {
                String runId = runs.get(t).get();
                Run run = store.getRun(runId).orElseThrow();
                assertEquals(Integer.toString(t), run.data().params().get("thread"));
                assertEquals(Integer.toString(steps - 1), run.data().tags().get("progress"));
                assertEquals(RunStatus.FINISHED, run.info().status());
                List<Metric> history = store.getMetricHistory(runId, "loss");
                assertEquals(steps, history.size());
                assertEquals(IntStream.range(0, steps).boxed().toList(),
                        history.stream().map(m -> (int) m.step()).toList());
                assertTrue(store.getMetricHistory(runId, "thread").stream().allMatch(m -> m.value() == 0
                        + Integer.parseInt(run.data().params().get("thread"))));
            }
            assertEquals(threads, store.searchRuns(SearchRequest.builder(e).filter("metrics.loss < 0.01")
                    .build()).runs().size());
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * @param experimentId an experiment
     * @param name         a run name
     * @return a new run started now
     */
    protected RunInfo newRun(String experimentId, String name) {
        return store.createRun(experimentId, name, "tester", System.currentTimeMillis(), List.of());
    }

    private RunInfo run(String experimentId, String name, long start, Map<String, Double> metrics,
                        Map<String, String> params, Map<String, String> tags) {
        RunInfo info = store.createRun(experimentId, name, "tester", start, List.of());
        store.logBatch(info.runId(),
                metrics.entrySet().stream().map(m -> new Metric(m.getKey(), m.getValue(), start, 0)).toList(),
                params.entrySet().stream().map(p -> new Param(p.getKey(), p.getValue())).toList(),
                tags.entrySet().stream().map(t -> new RunTag(t.getKey(), t.getValue())).toList());
        return info;
    }

    private List<String> search(String experimentId, String filter) {
        return store.searchRuns(SearchRequest.builder(experimentId).filter(filter).build()).runs().stream()
                .map(r -> r.info().runName()).toList();
    }

    private List<String> order(String experimentId, String... clauses) {
        return store.searchRuns(SearchRequest.builder(experimentId).orderBy(clauses).build()).runs().stream()
                .map(r -> r.info().runName()).toList();
    }

    private Set<String> names(SearchRequest request) {
        return store.searchRuns(request).runs().stream().map(r -> r.info().runName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(List<Experiment> experiments) {
        return experiments.stream().map(Experiment::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private String read(String runId, String path) throws IOException {
        try (InputStream in = tracking.openArtifact(runId, path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
