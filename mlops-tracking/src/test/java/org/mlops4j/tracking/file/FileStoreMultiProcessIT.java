package org.mlops4j.tracking.file;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.mlops4j.tracking.internal.MetaJson;
import org.mlops4j.tracking.internal.MetricLines;

/** Two processes on one file store, and a writer killed mid-write. */
class FileStoreMultiProcessIT extends MultiProcessStoreContractIT {

    /** A store in mlops4j's layout, made here: the writer processes open it as it is. */
    @Override
    protected URI storeUri() {
        FileTrackingStore.open(tempDir.resolve("mlruns")).close();
        return tempDir.resolve("mlruns").toUri();
    }

    /** Every meta file parses, and every complete metric line parses: no half-written file is visible. */
    @Override
    protected void checkAfterKill(URI uri) {
        Path root = Path.of(uri);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (name.equals("meta.json")) {
                    assertFalse(MetaJson.MAPPER.readTree(Files.readAllBytes(file)).isMissingNode(), file.toString());
                }
                if (file.getParent().getFileName().toString().equals("metrics")) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    List<String> lines = text.lines().toList();
                    long good = lines.stream().filter(l -> MetricLines.parse("k", l).isPresent()).count();
                    assertTrue(good >= lines.size() - 1, "at most one torn line in " + file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
