package org.mlops4j.tracking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingInputChecks;
import org.mlops4j.core.tracking.TrackingNotFoundException;

/**
 * A run's artifacts in a local folder. Every path is checked ({@link TrackingInputChecks#checkArtifactPath}) and
 * resolved against the folder, and the result must stay inside it. Files are written to a temporary file and renamed
 * into place.
 *
 * <p>Symbolic links are never a way out of the store. The run's folder counts only if its real place is inside the
 * store's artifact root (otherwise it is listed as empty, and nothing in it is served or written); inside it, folders
 * are taken only as they are (a link to a folder is not followed, so a walk over the listing cannot loop), and a link
 * to a file is listed and opened only when its real target is a file inside the store's artifact root. A link that
 * does not resolve (a loop, a missing target) is left out of listings and opening it is "not found".
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ArtifactFolder {

    private final Path root;
    private final Path storeRoot;
    private final String runId;

    /**
     * @param root      the run's artifact folder (it need not exist yet)
     * @param storeRoot the store's artifact root: nothing outside its real path is listed, opened or written
     * @param runId     the run's id, for messages
     */
    public ArtifactFolder(Path root, Path storeRoot, String runId) {
        this.root = root.toAbsolutePath().normalize();
        this.storeRoot = storeRoot.toAbsolutePath().normalize();
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
            Path realRoot = realRoot().orElseThrow(() -> escaping(path));
            checkUnlinked(realRoot, root.relativize(target.getParent()), path);
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
     * @return its entries, sorted by path; empty when the folder does not exist, is reached through a symbolic link,
     *         or lies outside the store's artifact root
     */
    public List<ArtifactInfo> list(String path) {
        String clean = TrackingInputChecks.checkArtifactPath(path, true);
        Path folder = resolve(path, true);
        Optional<Path> realRoot = realRoot();
        if (realRoot.isEmpty()) {
            return List.of();
        }
        Path real = realRoot.get().resolve(root.relativize(folder).toString());
        if (!isUnlinkedFolder(realRoot.get(), real)) {
            return List.of();
        }
        List<ArtifactInfo> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(real)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (FileWrites.isTemporary(name)) {
                    continue;
                }
                String relative = clean.isEmpty() ? name : clean + "/" + name;
                entry(child, relative).ifPresent(entries::add);
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
     * @throws TrackingNotFoundException   when there is no such file, or it is a symbolic link that does not resolve
     * @throws InvalidTrackingInputException when it is a folder, or it (or the run's folder) leads outside the store
     */
    public InputStream open(String path) {
        Path file = resolve(path, false);
        // A run folder that resolves outside the store is refused; one that does not resolve at all has no files.
        Path realRoot = realRoot().orElseThrow(() -> Files.exists(root) ? escaping(path) : missing(path));
        Path relative = root.relativize(file);
        Path real = realRoot.resolve(relative.toString());
        try {
            Path parent = real.getParent();
            if (!isUnlinkedFolder(realRoot, parent)) {
                throw missing(path);
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory()) {
                throw new InvalidTrackingInputException("Artifact '" + path + "' of run " + runId
                        + " is a folder; list it with listArtifacts, or open one of its files.");
            }
            Path target = attributes.isSymbolicLink() ? servedTarget(real, path) : real;
            return Files.newInputStream(target, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw missing(path);
        } catch (FileSystemException e) {
            throw new TrackingNotFoundException("Artifact '" + path + "' of run " + runId + " cannot be resolved ("
                    + (e.getReason() == null ? "a symbolic link loop, or a link to nothing" : e.getReason())
                    + "); it is not served.");
        } catch (IOException e) {
            throw new TrackingException("Cannot open artifact '" + path + "' of run " + runId + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * @return the real path of the run's folder when it exists and lies inside the store's artifact root
     */
    private Optional<Path> realRoot() {
        try {
            Path real = root.toRealPath();
            return real.startsWith(storeRoot.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return whether {@code real} is a folder reached from the run's folder without following a link */
    private static boolean isUnlinkedFolder(Path realRoot, Path real) {
        try {
            return real.startsWith(realRoot) && real.toRealPath().equals(real)
                    && Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    private void checkUnlinked(Path realRoot, Path relativeFolder, String path) {
        String folder = relativeFolder.toString();
        if (!isUnlinkedFolder(realRoot, folder.isEmpty() ? realRoot : realRoot.resolve(folder))) {
            throw escaping(path);
        }
    }

    /** @return the listing entry of a folder's child; empty for a link that is not served, or a special file */
    private Optional<ArtifactInfo> entry(Path child, String relative) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (attributes.isSymbolicLink()) {
            return linkedFile(child).map(target -> new ArtifactInfo(relative, false, size(target)));
        }
        if (attributes.isDirectory()) {
            return Optional.of(new ArtifactInfo(relative, true, 0));
        }
        return attributes.isRegularFile() ? Optional.of(new ArtifactInfo(relative, false, attributes.size()))
                : Optional.empty();
    }

    /**
     * @return the real target of a link that may be served
     * @throws FileSystemException           when the link does not resolve (a loop, a missing target)
     * @throws InvalidTrackingInputException when it resolves to a folder, or to a place outside the store
     */
    private Path servedTarget(Path link, String path) throws IOException {
        Path target = link.toRealPath();
        if (!target.startsWith(storeRoot.toRealPath()) || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw linkNotServed(path);
        }
        return target;
    }

    /** @return the real target of a link when it is a regular file inside the store's artifact root */
    private Optional<Path> linkedFile(Path link) {
        try {
            return Optional.of(servedTarget(link, link.getFileName().toString()));
        } catch (IOException | InvalidTrackingInputException e) {
            return Optional.empty();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
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

    private InvalidTrackingInputException escaping(String path) {
        return new InvalidTrackingInputException("Invalid artifact path '" + path + "': it points outside the "
                + "artifact folder of run " + runId + ".");
    }

    private InvalidTrackingInputException linkNotServed(String path) {
        return new InvalidTrackingInputException("Artifact '" + path + "' of run " + runId + " is a symbolic link "
                + "whose target is not a file inside the store's artifact root " + storeRoot + "; it is not served.");
    }

    private TrackingNotFoundException missing(String path) {
        return new TrackingNotFoundException("Run " + runId + " has no artifact '" + path + "' (looked in " + root
                + ").");
    }
}
