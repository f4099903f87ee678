package org.mlops4j.tracking.readonly;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mlops4j.tck.readonly.ReadOnlyStoreContractTest;

/**
 * Read-only opening of a {@code file:} store and registry made in MLflow's layout, the default for new stores: reading
 * writes nothing (no lock, no work folder), and writes through a read-only open are refused.
 */
class MlflowFileStoreReadOnlyTest extends ReadOnlyStoreContractTest {

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
        Path file = Files.writeString(tempDir.resolve("notes.txt"), "a file, not a folder\n");
        Path empty = Files.createDirectories(tempDir.resolve("empty"));
        return List.of(unrelated.toUri(), file.toUri(), empty.toUri());
    }

    /** Removes the lock files the writers left at the store's root ({@code .mlops4j-*.lock}). */
    @Override
    protected void forgetWritersFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(tempDir)) {
            for (Path lock : walk.filter(p -> p.getFileName().toString().endsWith(".lock")).toList()) {
                Files.delete(lock);
            }
        }
    }
}
