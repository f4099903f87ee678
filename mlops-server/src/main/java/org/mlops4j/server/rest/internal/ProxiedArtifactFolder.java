package org.mlops4j.server.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.TrackingInputChecks;

/**
 * The folder given as the server's artifact destination, holding the proxied artifacts that belong to no run of the
 * store: files are written, read, listed and deleted only below it. A path is checked as the stores check artifact
 * paths (relative, no {@code .} or {@code ..} segment, no backslash, no control character), and no symbolic link
 * below the folder is ever followed, so that nothing outside it can be read, written or deleted through the server.
 * An upload is written to a temporary file beside its target and renamed into place, so that a reader sees the old
 * file or the whole new one, and a refused or broken upload leaves nothing.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class ProxiedArtifactFolder {

    private static final String TEMP_PREFIX = ".upload-";
    private static final String TEMP_SUFFIX = ".part";

    private final Path root;

    /**
     * @param destination the folder; created when missing
     * @throws ConfigurationException when it cannot be created or is not a folder
     */
    public ProxiedArtifactFolder(Path destination) {
        try {
            Files.createDirectories(destination);
            this.root = destination.toRealPath();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot use " + destination + " as the artifact destination: "
                    + e.getMessage() + ". Give a folder the server may create and write.", e);
        }
    }

    /** @return the folder, its real path */
    public Path root() {
        return root;
    }

    /**
     * @param path    where the file goes, relative to the folder
     * @param content the file's bytes, read to the end
     * @throws IOException   when writing fails
     * @throws RestException when the path is refused or is a folder
     */
    public void write(String path, InputStream content) throws IOException {
        Path target = resolve(TrackingInputChecks.checkArtifactPath(path, false));
        Path parent = target.getParent();
        Files.createDirectories(parent);
        resolve(root.relativize(parent).toString()); // nothing made a link of a folder on the way meanwhile
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Cannot upload to '" + path + "': a folder "
                    + "of that name exists.");
        }
        Path temp = Files.createTempFile(parent, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * @param path a file, relative to the folder
     * @return the file, to be read (its size by {@link Files#size})
     * @throws RestException {@code RESOURCE_DOES_NOT_EXIST} when there is no such file
     */
    public Path file(String path) {
        Path file = resolve(TrackingInputChecks.checkArtifactPath(path, false));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || isTemporary(file)) {
            throw new RestException(ErrorCode.RESOURCE_DOES_NOT_EXIST, "No artifact at '" + path + "'"
                    + (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? ": it is a folder; list it instead." : "."));
        }
        return file;
    }

    /**
     * @param path a folder relative to this one; empty for this one
     * @return its entries, by name, each with its name alone as the path (as MLflow's proxy lists them); empty when
     *         the folder does not exist
     * @throws IOException when the folder cannot be read
     */
    public List<ArtifactInfo> list(String path) throws IOException {
        Path folder = resolve(TrackingInputChecks.checkArtifactPath(path, true));
        List<ArtifactInfo> entries = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink() || isTemporary(child)) {
                    continue;
                }
                entries.add(new ArtifactInfo(child.getFileName().toString(), attributes.isDirectory(),
                        attributes.isDirectory() ? 0 : attributes.size()));
            }
        }
        entries.sort(Comparator.comparing(ArtifactInfo::path));
        return entries;
    }

    /**
     * Deletes a file, or a folder with all it holds (links are removed, never followed); nothing when it is missing.
     *
     * @param path a file or folder relative to this one, not this one
     * @throws IOException when deleting fails
     */
    public void delete(String path) throws IOException {
        Path target = resolve(TrackingInputChecks.checkArtifactPath(path, false));
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(target, new SimpleFileVisitor<>() { // walkFileTree does not follow links by default
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // deleted meanwhile
        }
    }

    /**
     * @param clean a checked relative path, or empty
     * @return the place below the root, after checking that no part of the way is a symbolic link
     */
    private Path resolve(String clean) {
        Path place = root;
        if (clean.isEmpty()) {
            return place;
        }
        for (String segment : clean.split("/")) {
            place = place.resolve(segment);
            if (Files.isSymbolicLink(place)) {
                throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Refused artifact path '" + clean
                        + "': '" + root.relativize(place) + "' is a symbolic link, which the server does not follow,"
                        + " so that no artifact can leave the artifact destination.");
            }
        }
        if (!place.normalize().startsWith(root)) { // cannot happen after the path check; kept as the last guard
            throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Refused artifact path '" + clean + "'.");
        }
        return place;
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }
}
