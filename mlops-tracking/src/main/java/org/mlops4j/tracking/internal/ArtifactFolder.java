package org.mlops4j.tracking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mlops4j.core.spi.support.TrackingInputChecks;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingNotFoundException;

/**
 * A run's artifacts in a local folder. Every path is checked ({@link TrackingInputChecks#checkArtifactPath}) and
 * resolved against the folder, and the result must stay inside it, also after following symbolic links. Files are
 * written to a temporary file and renamed into place.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ArtifactFolder {

    private final Path root;
    private final String runId;

    /**
     * @param root  the run's artifact folder (it need not exist yet)
     * @param runId the run's id, for messages
     */
    public ArtifactFolder(Path root, String runId) {
        this.root = root.toAbsolutePath().normalize();
        this.runId = runId;
    }

    /** @return the folder */
    public Path root() {
        return root;
    }

    /**
     * @param path    the file's relative path
     * @param content its bytes, read to the end
     */
    public void write(String path, InputStream content) {
        Path target = resolve(path, false);
        try {
            Files.createDirectories(target.getParent());
            checkInside(target.getParent().toRealPath(), path);
            if (Files.isDirectory(target)) {
                throw new InvalidTrackingInputException("Cannot write artifact '" + path + "' of run " + runId
                        + ": a folder of that name exists.");
            }
            FileWrites.replace(target, content);
        } catch (IOException e) {
            throw new TrackingException("Cannot write artifact '" + path + "' of run " + runId + " to " + target
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param path a relative folder; empty for the root
     * @return its entries, sorted by path; empty when the folder does not exist
     */
    public List<ArtifactInfo> list(String path) {
        Path folder = resolve(path, true);
        String clean = TrackingInputChecks.checkArtifactPath(path, true);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<ArtifactInfo> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (FileWrites.isTemporary(name)) {
                    continue;
                }
                String relative = clean.isEmpty() ? name : clean + "/" + name;
                boolean directory = Files.isDirectory(child);
                entries.add(new ArtifactInfo(relative, directory, directory ? 0 : Files.size(child)));
            }
        } catch (IOException e) {
            throw new TrackingException("Cannot list artifacts '" + path + "' of run " + runId + " in " + folder
                    + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(ArtifactInfo::path));
        return entries;
    }

    /**
     * @param path a relative file
     * @return a stream of its bytes
     */
    public InputStream open(String path) {
        Path file = resolve(path, false);
        if (Files.isDirectory(file)) {
            throw new InvalidTrackingInputException("Artifact '" + path + "' of run " + runId
                    + " is a folder; list it with listArtifacts, or open one of its files.");
        }
        try {
            checkInside(file.toRealPath(), path);
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new TrackingNotFoundException("Run " + runId + " has no artifact '" + path + "' (looked in "
                    + root + ").");
        } catch (IOException e) {
            throw new TrackingException("Cannot open artifact '" + path + "' of run " + runId + ": "
                    + e.getMessage(), e);
        }
    }

    /** Forces every artifact file to disk. */
    public void force() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                FileWrites.force(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot flush artifacts of run " + runId + " in " + root, e);
        }
    }

    private Path resolve(String path, boolean allowEmpty) {
        String clean = TrackingInputChecks.checkArtifactPath(path, allowEmpty);
        Path resolved = clean.isEmpty() ? root : root.resolve(clean).normalize();
        if (!resolved.startsWith(root)) {
            throw escaping(path);
        }
        return resolved;
    }

    private void checkInside(Path real, String path) throws IOException {
        Path realRoot = Files.exists(root) ? root.toRealPath() : root;
        if (!real.startsWith(realRoot)) {
            throw escaping(path);
        }
    }

    private InvalidTrackingInputException escaping(String path) {
        return new InvalidTrackingInputException("Invalid artifact path '" + path + "': it points outside the "
                + "artifact folder of run " + runId + ".");
    }
}
