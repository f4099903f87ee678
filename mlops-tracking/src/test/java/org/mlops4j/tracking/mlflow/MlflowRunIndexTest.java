package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.tracking.internal.MetaJson;

/**
 * The run index of a store in MLflow's file layout: a search sees every change that MLflow's own processes make behind
 * it (they take no lock and tell no one), through the same store instance (the index in memory) and through a new
 * read-only one (the index file); a broken index file is ignored with a warning and replaced by a writer.
 */
class MlflowRunIndexTest {

    @TempDir
    Path tempDir;

    private Path root;
    private MlflowFileStore writer;
    private String experimentId;
    private Path experimentDir;
    private List<String> runIds;

    /** Three runs written and searched (which saves the index), their files then dated an hour back. */
    @BeforeEach
    void indexThreeRuns() throws IOException {
        root = tempDir.resolve("mlruns");
        writer = MlflowFileStore.create(root.toUri(), root);
        experimentId = writer.createExperiment("indexed", Map.of()).experimentId();
        experimentDir = root.resolve(experimentId);
        runIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RunInfo run = writer.createRun(experimentId, "run-" + i, "u", 1_700_000_000_000L + i, List.of());
            writer.logBatch(run.runId(), List.of(new Metric("auc", 0.5 + i / 10.0, 1_700_000_000_000L, 0)),
                    List.of(new Param("model", "lr")), List.of(new RunTag("team", "risk")));
            runIds.add(run.runId());
        }
        ageFiles();
        assertEquals(3, search(writer, ViewType.ACTIVE_ONLY).size());
        assertTrue(Files.isRegularFile(indexFile()), "a store that wrote saves the index of what it searched");
    }

    @Test
    void anAppendedMetricLineIsSeen() throws IOException {
        Path auc = experimentDir.resolve(runIds.get(0)).resolve("metrics").resolve("auc");
        Files.writeString(auc, "1700000009000 0.97 1\n", StandardOpenOption.APPEND);
        seenByBoth(runs -> assertEquals(0.97, run(runs, runIds.get(0)).data().metrics().get("auc").value()));
    }

    @Test
    void anAddedTagFileIsSeen() throws IOException {
        Files.writeString(experimentDir.resolve(runIds.get(1)).resolve("tags").resolve("mlflow.note.content"),
                "checked by hand");
        seenByBoth(runs -> assertEquals("checked by hand",
                run(runs, runIds.get(1)).data().tags().get("mlflow.note.content")));
    }

    @Test
    void aTagRewrittenInPlaceIsSeen() throws IOException {
        Files.writeString(experimentDir.resolve(runIds.get(1)).resolve("tags").resolve("team"), "fraud");
        seenByBoth(runs -> assertEquals("fraud", run(runs, runIds.get(1)).data().tags().get("team")));
    }

    @Test
    void aStatusEditedInMetaYamlIsSeenThoughTheFileKeepsItsSize() throws IOException {
        Path meta = experimentDir.resolve(runIds.get(2)).resolve("meta.yaml");
        String before = Files.readString(meta);
        String after = before.replace("status: 1", "status: 3");
        assertEquals(before.length(), after.length());
        Files.writeString(meta, after);
        seenByBoth(runs -> assertEquals(RunStatus.FINISHED, run(runs, runIds.get(2)).info().status()));
    }

    @Test
    void aRunFolderAddedByMlflowIsSeen() throws IOException {
        String id = "0123456789abcdef0123456789abcdef";
        Path runDir = Files.createDirectories(experimentDir.resolve(id));
        Files.writeString(runDir.resolve("meta.yaml"), "artifact_uri: " + experimentDir.toUri() + id
                + "/artifacts\nend_time: null\nentry_point_name: ''\nexperiment_id: '" + experimentId
                + "'\nlifecycle_stage: active\nrun_id: " + id + "\nrun_name: from-mlflow\nrun_uuid: " + id
                + "\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: 1700000100000\nstatus: 1\n"
                + "tags: []\nuser_id: analyst\n");
        Files.createDirectories(runDir.resolve("metrics"));
        Files.writeString(runDir.resolve("metrics").resolve("auc"), "1700000100000 0.91 0\n");
        seenByBoth(runs -> {
            assertEquals(4, runs.size());
            assertEquals("from-mlflow", run(runs, id).info().runName());
            assertEquals(0.91, run(runs, id).data().metrics().get("auc").value());
        });
    }

    @Test
    void aDeletedRunFolderIsGone() throws IOException {
        deleteTree(experimentDir.resolve(runIds.get(0)));
        seenByBoth(runs -> assertEquals(runIds.subList(1, 3).stream().sorted().toList(), ids(runs)));
    }

    @Test
    void aRunFolderMovedIntoTheTrashIsGone() throws IOException {
        Files.move(experimentDir.resolve(runIds.get(0)), root.resolve(".trash").resolve(runIds.get(0)));
        seenByBoth(runs -> assertFalse(ids(runs).contains(runIds.get(0)), ids(runs).toString()));
    }

    @Test
    void anExperimentDeletedByMlflowShowsItsRunsOnlyAsDeleted() throws IOException {
        for (String id : runIds) {
            Path meta = experimentDir.resolve(id).resolve("meta.yaml");
            Files.writeString(meta, Files.readString(meta).replace("lifecycle_stage: active",
                    "lifecycle_stage: deleted").replace("deleted_time: null", "deleted_time: 1700000200000"));
        }
        Path meta = experimentDir.resolve("meta.yaml");
        Files.writeString(meta, Files.readString(meta).replace("lifecycle_stage: active", "lifecycle_stage: deleted"));
        Files.move(experimentDir, root.resolve(".trash").resolve(experimentId), StandardCopyOption.ATOMIC_MOVE);
        assertEquals(List.of(), search(writer, ViewType.ACTIVE_ONLY));
        assertEquals(3, search(writer, ViewType.DELETED_ONLY).size());
        try (MlflowFileStore reader = new MlflowFileStore(root.toUri(), root)) {
            assertEquals(List.of(), search(reader, ViewType.ACTIVE_ONLY));
            assertEquals(3, search(reader, ViewType.DELETED_ONLY).size());
        }
    }

    @Test
    void anUnchangedRunIsServedFromTheIndexFileWithoutReadingItsFolder() throws IOException {
        Path meta = experimentDir.resolve(runIds.get(0)).resolve("meta.yaml");
        FileTime time = Files.getLastModifiedTime(meta);
        String changed = Files.readString(meta).replace("run_name: run-0", "run_name: RUN-0");
        Files.writeString(meta, changed);
        Files.setLastModifiedTime(meta, time);
        try (MlflowFileStore reader = new MlflowFileStore(root.toUri(), root)) {
            assertEquals("run-0", run(search(reader, ViewType.ALL), runIds.get(0)).info().runName(),
                    "same size and time: the index's entry is used, the folder is not read");
        }
    }

    @Test
    void aReadOnlyStoreUsesTheIndexFileAndNeverWritesIt() throws IOException {
        byte[] before = Files.readAllBytes(indexFile());
        FileTime time = Files.getLastModifiedTime(indexFile());
        Files.writeString(experimentDir.resolve(runIds.get(1)).resolve("tags").resolve("new"), "tag");
        try (MlflowFileStore reader = new MlflowFileStore(root.toUri(), root)) {
            assertEquals("tag", run(search(reader, ViewType.ALL), runIds.get(1)).data().tags().get("new"));
        }
        assertTrue(Arrays.equals(before, Files.readAllBytes(indexFile())));
        assertEquals(time, Files.getLastModifiedTime(indexFile()));
    }

    @Test
    void aTruncatedIndexFileIsIgnoredWithAWarningAndReplacedByAWriter() throws IOException {
        byte[] whole = Files.readAllBytes(indexFile());
        Files.write(indexFile(), Arrays.copyOf(whole, whole.length / 2));
        String logged = stderrOf(() -> {
            try (MlflowFileStore reader = new MlflowFileStore(root.toUri(), root)) {
                assertEquals(3, search(reader, ViewType.ALL).size());
            }
        });
        assertTrue(logged.contains("Ignored the run index " + indexFile()), logged);
        assertEquals(whole.length / 2, Files.size(indexFile()), "a read-only store does not replace it");

        try (MlflowFileStore other = new MlflowFileStore(root.toUri(), root, StoreAccess.READ_WRITE)) {
            other.setExperimentTag(experimentId, "k", "v");
            assertEquals(3, search(other, ViewType.ALL).size());
        }
        JsonNode rebuilt = MetaJson.MAPPER.readTree(Files.readAllBytes(indexFile()));
        assertEquals(3, rebuilt.path("runs").size());
    }

    @Test
    void anIndexFileOfAnotherFormatIsIgnored() throws IOException {
        Files.writeString(indexFile(), "{\"format\":\"something-else\",\"runs\":[]}");
        String logged = stderrOf(() -> {
            try (MlflowFileStore reader = new MlflowFileStore(root.toUri(), root)) {
                assertEquals(3, search(reader, ViewType.ALL).size());
            }
        });
        assertTrue(logged.contains("is not a version 1 mlops4j-mlflow-run-index file"), logged);
    }

    @Test
    void mlflowSeesNoIndexFileAmongItsRuns() throws IOException {
        try (Stream<Path> children = Files.list(experimentDir)) {
            assertTrue(children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .allMatch(runIds::contains), "the index and its lock are plain files; MLflow lists folders");
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The change is seen by the store that indexed the runs (in memory) and by a new read-only one (the file). */
    private void seenByBoth(Consumer<List<Run>> check) {
        check.accept(search(writer, ViewType.ACTIVE_ONLY));
        try (MlflowFileStore reader = new MlflowFileStore(root.toUri(), root)) {
            check.accept(search(reader, ViewType.ACTIVE_ONLY));
        }
    }

    private List<Run> search(MlflowFileStore store, ViewType view) {
        return store.searchRuns(SearchRequest.builder(experimentId).viewType(view).maxResults(1000).build()).runs();
    }

    private Path indexFile() {
        return experimentDir.resolve(MlflowRunIndex.FILE_NAME);
    }

    /** Dates every file and folder of the experiment an hour back, so their stamps are old enough to be trusted. */
    private void ageFiles() throws IOException {
        FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (Stream<Path> walk = Files.walk(experimentDir)) {
            for (Path path : walk.toList()) {
                Files.setLastModifiedTime(path, hourAgo);
            }
        }
    }

    private static Run run(List<Run> runs, String runId) {
        return runs.stream().filter(r -> r.runId().equals(runId)).findFirst().orElseThrow(() ->
                new AssertionError("run " + runId + " not among " + ids(runs)));
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::runId).sorted().toList();
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setErr(new PrintStream(copy, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String text = copy.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
