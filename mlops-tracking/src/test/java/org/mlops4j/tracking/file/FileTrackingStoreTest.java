package org.mlops4j.tracking.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tck.tracking.TrackingStoreContractTest;

/** The tracking store contract, on the file store, and calls that fail half-way through their writes. */
class FileTrackingStoreTest extends TrackingStoreContractTest {

    private static final List<Metric> METRICS = List.of(new Metric("loss", 0.5, 10, 0), new Metric("loss", 0.4, 11, 1),
            new Metric("acc", 0.7, 10, 0));
    private static final List<Param> PARAMS = List.of(new Param("depth", "4"));
    private static final List<RunTag> TAGS = List.of(new RunTag("phase", "train"), new RunTag("owner", "ann"));

    @Override
    protected TrackingStore openStore() {
        return FileTrackingStore.open(tempDir.resolve("mlruns"));
    }

    @Override
    protected TrackingStore reopenStore() {
        return FileTrackingStore.open(tempDir.resolve("mlruns"));
    }

    @Test
    void aBatchWhoseMetricFileCannotBeWrittenIsRolledBackAndItsRetryStoresEachValueOnce() throws IOException {
        FileTrackingStore files = FileTrackingStore.open(tempDir.resolve("mlruns"));
        RunInfo info = files.createRun(Experiment.DEFAULT_ID, "io failure", "test", 1, List.of());
        files.logBatch(info.runId(), List.of(new Metric("loss", 0.9, 5, -1)), List.of(), List.of());
        // "acc" comes after "loss" in the batch: loss is appended, then acc fails
        Path blocker = runFolder(files, info).resolve("metrics").resolve("acc");
        Files.createDirectories(blocker);

        assertThrows(TrackingException.class, () -> files.logBatch(info.runId(), METRICS, PARAMS, TAGS));
        assertNothingOfTheBatch(files, info);
        Files.delete(blocker);
        assertRetryStoresEachValueOnce(files, info);
    }

    @Test
    void aBatchWhoseTagCannotBeWrittenTakesBackItsParamsAndMetrics() throws IOException {
        FileTrackingStore files = FileTrackingStore.open(tempDir.resolve("mlruns"));
        RunInfo info = files.createRun(Experiment.DEFAULT_ID, "io failure", "test", 1, List.of());
        files.logBatch(info.runId(), List.of(new Metric("loss", 0.9, 5, -1)), List.of(),
                List.of(new RunTag("phase", "setup")));
        // a non-empty folder where the tag file "owner" goes: the rename over it fails after the metrics are written
        Path blocker = runFolder(files, info).resolve("tags").resolve("owner");
        Files.createDirectories(blocker.resolve("x"));

        assertThrows(TrackingException.class, () -> files.logBatch(info.runId(), METRICS, PARAMS, TAGS));
        assertNothingOfTheBatch(files, info);
        assertEquals("setup", files.getRun(info.runId()).orElseThrow().data().tags().get("phase"),
                "the tag that the failed batch replaced is back");
        Files.delete(blocker.resolve("x"));
        Files.delete(blocker);
        assertRetryStoresEachValueOnce(files, info);
    }

    @Test
    void aRunWhoseCreationFailsLeavesNoRunBehind() throws IOException {
        FileTrackingStore files = FileTrackingStore.open(tempDir.resolve("mlruns"));
        Path index = files.root().resolve(Experiment.DEFAULT_ID).resolve("runs.jsonl");
        files.createRun(Experiment.DEFAULT_ID, "first", "test", 1, List.of());
        // the index cannot be appended to: the run's folder, tags and meta file are written, then the call fails
        Files.delete(index);
        Files.createDirectories(index.resolve("x"));
        assertThrows(TrackingException.class, () -> files.createRun(Experiment.DEFAULT_ID, "second", "test", 2,
                List.of(new RunTag("t", "v"))));
        try (Stream<Path> children = Files.list(files.root().resolve(Experiment.DEFAULT_ID))) {
            assertEquals(1, children.filter(Files::isDirectory).filter(p -> !p.equals(index)).count(),
                    "only the first run's folder");
        }
    }

    private static Path runFolder(FileTrackingStore files, RunInfo info) {
        return files.root().resolve(info.experimentId()).resolve(info.runId());
    }

    private void assertNothingOfTheBatch(FileTrackingStore files, RunInfo info) {
        for (TrackingStore view : List.of(files, reopenStore())) {
            Run run = view.getRun(info.runId()).orElseThrow();
            assertEquals(Map.of(), run.data().params(), "no param of the failed batch");
            assertFalse(run.data().tags().containsKey("owner"), "no tag of the failed batch");
            assertEquals(-1, run.data().metrics().get("loss").step(), "the latest value is the one before");
            assertEquals(List.of(new Metric("loss", 0.9, 5, -1)), view.getMetricHistory(info.runId(), "loss"));
            assertTrue(view.getMetricHistory(info.runId(), "acc").isEmpty());
            if (view != files) {
                view.close();
            }
        }
    }

    private void assertRetryStoresEachValueOnce(FileTrackingStore files, RunInfo info) {
        files.logBatch(info.runId(), METRICS, PARAMS, TAGS);
        for (TrackingStore view : List.of(files, reopenStore())) {
            assertEquals(List.of(new Metric("loss", 0.9, 5, -1), new Metric("loss", 0.5, 10, 0),
                    new Metric("loss", 0.4, 11, 1)), view.getMetricHistory(info.runId(), "loss"));
            assertEquals(List.of(new Metric("acc", 0.7, 10, 0)), view.getMetricHistory(info.runId(), "acc"));
            Run run = view.getRun(info.runId()).orElseThrow();
            assertEquals(Map.of("depth", "4"), run.data().params());
            assertEquals("train", run.data().tags().get("phase"));
            assertEquals("ann", run.data().tags().get("owner"));
            if (view != files) {
                view.close();
            }
        }
    }
}
