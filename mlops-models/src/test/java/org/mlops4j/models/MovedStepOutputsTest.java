package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.pipeline.StepOutputStore;
import org.mlops4j.core.pipeline.StepResult;

/**
 * Step outputs stored while the model layer was {@code org.mlops4j.core.model} (in mlops-core) still load now that it
 * is {@code org.mlops4j.models}: the stored files are rewritten to the old class names, as an older mlops4j wrote
 * them, and read back.
 */
class MovedStepOutputsTest {

    private static final String FP = "cd".repeat(32);
    private static final String OLD_PACKAGE = "org.mlops4j.core.model.";
    private static final String NEW_PACKAGE = "org.mlops4j.models.";

    @Test
    void outputsStoredUnderTheOldModelPackageLoadAsTheMovedClasses(@TempDir Path folder) throws IOException {
        MetricSummary summary = new MetricSummary(0.8, 0.05, List.of(0.75, 0.85), true);
        StepOutputStore store = StepOutputStore.inFolder(folder);
        store.save("train", "compare", FP, StepResult.of(Map.of("task", TaskType.CLASSIFICATION, "auc", summary)));
        rewriteToOldNames(folder);

        Map<String, Object> loaded = StepOutputStore.inFolder(folder).load("train", "compare", FP).orElseThrow()
                .outputs();

        assertEquals(TaskType.CLASSIFICATION, loaded.get("task"), "a Java-serialized enum of the old package");
        assertEquals(summary, loaded.get("auc"), "a JSON record whose class the manifest names by its old name");
    }

    private static void rewriteToOldNames(Path folder) throws IOException {
        int renamed = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] before = Files.readAllBytes(file);
                byte[] after = file.toString().endsWith(".ser") ? renameInSerialStream(before)
                        : new String(before, StandardCharsets.UTF_8).replace(NEW_PACKAGE, OLD_PACKAGE)
                                .getBytes(StandardCharsets.UTF_8);
                renamed += Arrays.equals(before, after) ? 0 : 1;
                Files.write(file, after);
            }
        }
        assertEquals(2, renamed, "the manifest and the enum's serialized form named the new package");
    }

    /** Replaces the class descriptor's name (a length-prefixed modified-UTF-8 string) with the old one. */
    private static byte[] renameInSerialStream(byte[] stream) throws IOException {
        String name = NEW_PACKAGE + TaskType.class.getSimpleName();
        byte[] current = utf(name);
        int at = indexOf(stream, current);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(stream, 0, at);
        out.write(utf(OLD_PACKAGE + TaskType.class.getSimpleName()));
        out.write(stream, at + current.length, stream.length - at - current.length);
        return out.toByteArray();
    }

    private static byte[] utf(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeUTF(text);
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("the serialized output does not name " + new String(needle, StandardCharsets.UTF_8));
    }
}
