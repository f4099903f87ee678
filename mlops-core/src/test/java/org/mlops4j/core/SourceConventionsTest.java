package org.mlops4j.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conventions that hold across every module's sources: internal classes say that they are internal, and no public
 * API package of a module imports another module's internal package.
 */
class SourceConventionsTest {

    private static final String INTERNAL_NOTE = "This class is internal and is hence not for public use.";

    private static List<Path> mainSources() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> sourceRoots = modules.filter(m -> m.getFileName().toString().startsWith("mlops-"))
                    .map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
            assertTrue(sourceRoots.contains(root.resolve("mlops-core/src/main/java")), "no mlops-core in " + root);
            return sourceRoots.stream().flatMap(SourceConventionsTest::javaFiles).toList();
        }
    }

    private static Stream<Path> javaFiles(Path sourceRoot) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyPublicInternalClassSaysItIsInternal() throws IOException {
        List<String> offenders = mainSources().stream()
                .filter(f -> f.getParent().getFileName().toString().equals("internal"))
                .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                .filter(f -> read(f).contains("\npublic "))
                .filter(f -> !read(f).contains(INTERNAL_NOTE))
                .map(Path::toString).toList();
        assertTrue(offenders.isEmpty(), "internal classes without the internal note: " + offenders);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() throws IOException {
        List<String> offenders = mainSources().stream()
                .filter(f -> {
                    String module = moduleOf(f);
                    return read(f).lines().filter(l -> l.startsWith("import org.mlops4j.") && l.contains(".internal."))
                            .anyMatch(l -> !l.startsWith("import org.mlops4j." + module + "."));
                })
                .map(Path::toString).toList();
        assertTrue(offenders.isEmpty(), "imports of another module's internals: " + offenders);
    }

    private static String moduleOf(Path file) {
        String path = file.toString().replace('\\', '/');
        int at = path.indexOf("/org/mlops4j/");
        String rest = path.substring(at + "/org/mlops4j/".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
