package org.mlops4j.tracking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.TrackingNotFoundException;

/**
 * Symbolic links in a run's artifact folder, on the real file system: nothing outside the store's artifact root is
 * listed, opened or written through them, and loops neither fail a listing nor escape as I/O errors.
 */
class ArtifactFolderTest {

    @TempDir
    Path temp;

    private Path store;
    private Path outside;
    private Path runFolder;
    private ArtifactFolder artifacts;

    @BeforeEach
    void createStore() throws Exception {
        store = Files.createDirectories(temp.resolve("store"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        runFolder = store.resolve("1").resolve("run").resolve("artifacts");
        artifacts = new ArtifactFolder(runFolder, store, "run");
        artifacts.write("metrics.json", text("{\"auc\": 0.9}"));
        artifacts.write("notes/readme.txt", text("notes"));
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> paths(List<ArtifactInfo> entries) {
        return entries.stream().map(ArtifactInfo::path).toList();
    }

    @Test
    void listsOnlyLinksToFilesInsideTheStoreAndNeverLoops() throws Exception {
        Files.createSymbolicLink(runFolder.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(runFolder.resolve("outside-dir"), outside);
        Files.createSymbolicLink(runFolder.resolve("loop-a"), Path.of("loop-b"));
        Files.createSymbolicLink(runFolder.resolve("loop-b"), Path.of("loop-a"));
        Files.createSymbolicLink(runFolder.resolve("self"), Path.of("."));
        Files.createSymbolicLink(runFolder.resolve("copy.json"), Path.of("metrics.json"));

        assertEquals(List.of("copy.json", "metrics.json", "notes"), paths(artifacts.list("")));
        assertEquals(List.of(), artifacts.list("self"), "a link to a folder is not followed");
        assertEquals(List.of(), artifacts.list("outside-dir"));
        assertEquals("{\"auc\": 0.9}", new String(artifacts.open("copy.json").readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesLinksOutOfTheStoreAndReportsLoopsAsNotFound() throws Exception {
        Files.createSymbolicLink(runFolder.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(runFolder.resolve("outside-dir"), outside);
        Files.createSymbolicLink(runFolder.resolve("loop-a"), Path.of("loop-b"));
        Files.createSymbolicLink(runFolder.resolve("loop-b"), Path.of("loop-a"));
        Files.createSymbolicLink(runFolder.resolve("self"), Path.of("."));

        InvalidTrackingInputException passwd = assertThrows(InvalidTrackingInputException.class,
                () -> artifacts.open("passwd"));
        assertTrue(passwd.getMessage().contains("symbolic link"), passwd.getMessage());
        assertThrows(TrackingNotFoundException.class, () -> artifacts.open("outside-dir/secret.txt"));
        TrackingNotFoundException loop = assertThrows(TrackingNotFoundException.class, () -> artifacts.open("loop-a"));
        assertTrue(loop.getMessage().contains("loop-a"), loop.getMessage());
        assertThrows(TrackingNotFoundException.class, () -> artifacts.open("self/metrics.json"));
        assertThrows(InvalidTrackingInputException.class, () -> artifacts.write("outside-dir/planted.txt",
                text("planted")));
        assertTrue(Files.notExists(outside.resolve("planted.txt")), "nothing was written outside the store");
    }

    @Test
    void aRunFolderThatLinksOutsideTheStoreIsEmptyAndServesNothing() throws Exception {
        Path linked = store.resolve("1").resolve("linked").resolve("artifacts");
        Files.createDirectories(linked.getParent());
        Files.createSymbolicLink(linked, outside);
        ArtifactFolder escaping = new ArtifactFolder(linked, store, "linked");

        assertEquals(List.of(), escaping.list(""));
        assertThrows(InvalidTrackingInputException.class, () -> escaping.open("secret.txt"));
        assertThrows(InvalidTrackingInputException.class, () -> escaping.write("planted.txt", text("planted")));
        assertTrue(Files.notExists(outside.resolve("planted.txt")));
    }

    @Test
    void aStoreReachedThroughALinkStillWorks() throws Exception {
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), store);
        ArtifactFolder throughAlias = new ArtifactFolder(alias.resolve("1").resolve("run").resolve("artifacts"), alias,
                "run");
        assertEquals(List.of("metrics.json", "notes"), paths(throughAlias.list("")));
        assertEquals(List.of("notes/readme.txt"), paths(throughAlias.list("notes")));
        assertEquals("notes", new String(throughAlias.open("notes/readme.txt").readAllBytes(), StandardCharsets.UTF_8));
        throughAlias.write("more/new.txt", text("new"));
        assertTrue(Files.exists(runFolder.resolve("more").resolve("new.txt")));
    }
}
