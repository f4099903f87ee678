package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an MLflow run's artifacts are on this machine. MLflow records them as a URI ({@code artifact_uri} of a run,
 * {@code artifact_location} of an experiment): {@code file:///} with the path percent-encoded
 * ({@code mlflow/utils/file_utils.py}, {@code path_to_local_file_uri}, which quotes with {@code urllib}), a plain
 * path (relative ones, such as {@code ./mlruns/0}, were written by MLflow 1.x and depend on the working folder), or
 * a remote store ({@code s3://}, {@code mlflow-artifacts:/}).
 *
 * <p>A store committed to a repository or copied from another machine names folders that do not exist here; so the
 * recorded location is used when it is a local folder that exists, and otherwise the {@code artifacts} folder inside
 * the run's own folder, where MLflow's default artifact root puts them.
 */
final class ArtifactLocations {

    private ArtifactLocations() {
    }

    /**
     * @param recorded the run's {@code artifact_uri}
     * @param runDir   the run's folder
     * @return the folder holding the run's artifacts (it need not exist)
     */
    static Path of(String recorded, Path runDir) {
        return localPath(recorded).filter(Files::isDirectory).orElse(runDir.resolve("artifacts"));
    }

    /**
     * @param uri a recorded location
     * @return its local, absolute path, decoded, when it is a {@code file:} URI or an absolute path
     */
    static Optional<Path> localPath(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        try {
            if (uri.regionMatches(true, 0, "file:", 0, 5)) {
                URI parsed = new URI(uri);
                String path = parsed.getPath();
                return path == null || path.isEmpty() || !"".equals(nullToEmpty(parsed.getAuthority()))
                        ? Optional.empty() : Optional.of(Path.of(path));
            }
            if (uri.contains(":/") || uri.contains("://")) {
                return Optional.empty(); // a remote store (s3://, gs://, mlflow-artifacts:/, dbfs:/)
            }
            Path path = Path.of(uri);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException e) {
            return unencoded(uri); // written without percent-encoding by old versions: file:///a folder/x
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> unencoded(String uri) {
        String path = uri.substring("file:".length());
        if (path.startsWith("///")) {
            path = path.substring(2);
        }
        try {
            return path.startsWith("/") && !path.startsWith("//") ? Optional.of(Path.of(path)) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
