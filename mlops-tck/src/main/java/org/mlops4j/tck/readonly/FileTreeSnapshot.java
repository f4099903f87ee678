package org.mlops4j.tck.readonly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Every path under a folder with its kind, size and modification time (in nanoseconds where the file system keeps
 * them), to prove that opening a store read-only wrote nothing: no file, folder, lock or meta file appeared, and none
 * changed. Two snapshots are equal when the tree is byte-for-byte the same as far as sizes and times can tell.
 */
public record FileTreeSnapshot(Map<String, String> entries) {

    /**
     * @param root a folder
     * @return every entry under it, folders with their modification times too
     */
    public static FileTreeSnapshot of(Path root) {
        return of(root, path -> false, true);
    }

    /**
     * @param root        a folder
     * @param ignored     entries left out (such as SQLite's -wal and -shm files, which SQLite readers create)
     * @param folderTimes whether folders' modification times count (they change when an ignored entry appears)
     * @return the entries under it
     */
    public static FileTreeSnapshot of(Path root, Predicate<Path> ignored, boolean folderTimes) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (ignored.test(path)) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                String key = root.relativize(path).toString().replace('\\', '/');
                if (attributes.isDirectory()) {
                    entries.put(key + "/", folderTimes ? "folder modified " + attributes.lastModifiedTime() : "folder");
                } else {
                    entries.put(key, attributes.size() + " bytes, modified " + attributes.lastModifiedTime());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot walk " + root, e);
        }
        return new FileTreeSnapshot(entries);
    }
}
