package org.mlops4j.tracking.mlflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fixture stores in MLflow's file layout under {@code src/test/resources/mlflow-stores/} (described in its
 * {@code README.md}), copied into a test's temporary folder so that nothing a test does can reach the sources.
 */
final class MlflowStores {

    /** PyCaret's runs through MLflow 2.x, with a deleted experiment, malformed folders and a registry. */
    static final String PYCARET_MLFLOW2 = "pycaret-mlflow2";
    /** MLflow 1.x runs: {@code run_uuid} only, no steps, integer experiment ids. */
    static final String MLFLOW1 = "mlflow1";
    /** MLflow 3.x additions: inputs, outputs, datasets, logged models, traces. */
    static final String MLFLOW3 = "mlflow3";

    /** The PyCaret fixture's ids. */
    static final String LEADS = "493128577612458123";
    static final String SETUP = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String LOGISTIC = "1f0e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String FOREST = "2a3b4c5d6e7f80910a1b2c3d4e5f6a7b";
    static final String BOOSTING = "3c4d5e6f708192a3b4c5d6e7f8091a2b";
    static final String EXTRA_TREES = "4d5e6f708192a3b4c5d6e7f8091a2b3c";
    static final String CHURN_BASELINE = "7a8b9c0d1e2f30415263748596a7b8c9";

    private MlflowStores() {
    }

    /**
     * @param name   a fixture store
     * @param folder where to copy it
     * @return the copy's root
     */
    static Path copy(String name, Path folder) throws IOException {
        Path source = source(name);
        Path target = folder.resolve(name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return target;
    }

    /**
     * @param root a folder
     * @return every file's SHA-256 and every folder under it, by relative path: equal before and after when no byte,
     *         file or folder changed
     */
    static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String key = root.relativize(path).toString().replace('\\', '/');
                contents.put(Files.isDirectory(path) ? key + "/" : key,
                        Files.isDirectory(path) ? "folder" : sha256(Files.readAllBytes(path)));
            }
        }
        return contents;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path source(String name) {
        URL url = MlflowStores.class.getResource("/mlflow-stores/" + name);
        if (url == null) {
            throw new UncheckedIOException(new IOException("No fixture store mlflow-stores/" + name
                    + " on the test class path"));
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
