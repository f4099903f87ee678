package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mlops4j.tck.tracking.MultiProcessStoreContractIT;
import org.mlops4j.tracking.internal.MetricLines;

/** Several processes writing one store in MLflow's file layout, and a writer killed mid-write. */
class MlflowFileStoreMultiProcessIT extends MultiProcessStoreContractIT {

    /** Makes the store in MLflow's layout first, so that the writer processes open it as such. */
    @Override
    protected URI storeUri() {
        Path root = tempDir.resolve("mlruns");
        MlflowFileStore.create(root.toUri(), root).close();
        return root.toUri();
    }

    /** Every meta.yaml parses, every complete metric line parses, no temporary file is left in a keyed folder. */
    @Override
    protected void checkAfterKill(URI uri) {
        Path root = Path.of(uri);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                String folder = file.getParent().getFileName().toString();
                if (name.equals(MetaYaml.FILE_NAME)) {
                    MetaYaml.of(file.getParent());
                }
                if (List.of("params", "tags").contains(folder)) {
                    assertTrue(!name.endsWith(".tmp"), "a temporary file where MLflow reads keys: " + file);
                }
                if (folder.equals("metrics")) {
                    List<String> lines = Files.readString(file, StandardCharsets.UTF_8).lines().toList();
                    long good = lines.stream().filter(l -> MetricLines.parse("k", l).isPresent()).count();
                    assertTrue(good >= lines.size() - 1, "at most one torn line in " + file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
