package org.mlops4j.tracking.mlflow;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a run's index entry was read from, as sizes and modification times: enough to tell, with one {@code stat} per
 * recorded path, whether MLflow (or anyone) changed the run since. MLflow changes a run's folder in these ways
 * ({@code mlflow/store/tracking/file_store.py}): it rewrites {@code meta.yaml} (status, end time, name, deletion);
 * it adds a file to {@code params/}, {@code tags/} or {@code metrics/} (which changes that folder's time, or a
 * sub-folder's for a key with {@code /}); it appends lines to a metric file and rewrites a tag file in place (which
 * change only that file). So the stamps are {@code meta.yaml}, the three folders and their sub-folders, and every
 * metric and tag file. Param files are not stamped: MLflow never changes a logged param's value.
 *
 * <p>A file that changes twice within the file system's timestamp tick without changing its size is not told apart by
 * its time. So stamps read less than a tick before their own reading ({@link #isRacy}) are not trusted: the run is
 * read again at the next search, until its files are older than that (git's "racily clean" entries, the same
 * problem).
 *
 * @param paths  the stamped paths, relative to the run's folder with {@code /} separators
 * @param sizes  each path's size in bytes, {@code -1} when it did not exist
 * @param mtimes each path's modification time in nanoseconds since the epoch, {@code 0} when it did not exist
 * @param readAt when the stamps were taken, in milliseconds since the epoch
 */
record RunStamps(List<String> paths, long[] sizes, long[] mtimes, long readAt) {

    /** Stamps closer than this to their reading may hide a change (file systems with nanosecond times). */
    private static final long FINE_TICK_MILLIS = 100;
    /** The same for file systems that keep whole seconds (ext3, HFS+) or two seconds (FAT). */
    private static final long COARSE_TICK_MILLIS = 2_500;
    private static final List<String> FOLDERS = List.of("params", "tags", "metrics");

    RunStamps {
        paths = List.copyOf(paths);
        if (sizes.length != paths.size() || mtimes.length != paths.size()) {
            throw new IllegalArgumentException("Expected one size and one time per path, found " + paths.size()
                    + " paths, " + sizes.length + " sizes and " + mtimes.length + " times");
        }
    }

    /**
     * Stamps a run's folder. Called before the folder is read, so that a change made while it is read shows at the
     * next check.
     *
     * @param runDir the run's folder
     * @return its stamps
     * @throws IOException when a folder cannot be walked
     */
    static RunStamps of(Path runDir) throws IOException {
        long readAt = System.currentTimeMillis();
        List<String> paths = new ArrayList<>();
        List<long[]> stamps = new ArrayList<>();
        paths.add(MetaYaml.FILE_NAME);
        stamps.add(stamp(runDir.resolve(MetaYaml.FILE_NAME)));
        for (String folder : FOLDERS) {
            Path root = runDir.resolve(folder);
            if (!Files.isDirectory(root)) {
                paths.add(folder);
                stamps.add(stamp(root));
                continue;
            }
            boolean files = !folder.equals("params");
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    add(dir, attributes);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (files && attributes.isRegularFile()) {
                        add(file, attributes);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // removed while walked (MLflow's delete_tag)
                    }
                    throw e;
                }

                private void add(Path path, BasicFileAttributes attributes) {
                    paths.add(runDir.relativize(path).toString().replace('\\', '/'));
                    stamps.add(new long[] {attributes.size(), nanos(attributes)});
                }
            });
        }
        long[] sizes = new long[paths.size()];
        long[] mtimes = new long[paths.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = stamps.get(i)[0];
            mtimes[i] = stamps.get(i)[1];
        }
        return new RunStamps(paths, sizes, mtimes, readAt);
    }

    /**
     * @param runDir the run's folder
     * @return whether every stamped path still has its size and time (one {@code stat} each, stopping at the first
     *         difference)
     */
    boolean unchanged(Path runDir) {
        for (int i = 0; i < sizes.length; i++) {
            long[] now = stamp(runDir.resolve(paths.get(i)));
            if (now[0] != sizes[i] || now[1] != mtimes[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return whether a stamped time is within a timestamp tick of the reading, so that a later change in the same
     *         tick, of the same size, would not show
     */
    boolean isRacy() {
        for (long mtime : mtimes) {
            long millis = mtime / 1_000_000;
            long tick = mtime % 1_000_000_000L == 0 ? COARSE_TICK_MILLIS : FINE_TICK_MILLIS;
            if (millis >= readAt - tick) {
                return true;
            }
        }
        return false;
    }

    private static long[] stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new long[] {attributes.size(), nanos(attributes)};
        } catch (IOException missing) {
            return new long[] {-1, 0};
        }
    }

    private static long nanos(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }
}
