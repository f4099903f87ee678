package org.mlops4j.tracking.registry.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.mlops4j.core.tracking.ModelRegistryException;

/**
 * One exclusive lock per registered model name, held across threads and processes: a {@link ReentrantLock} shared by
 * every registry of this JVM that works on the same folder, then an OS lock ({@link FileChannel#lock()}) on
 * {@code <folder>/.locks/<name>.lock}. OS locks belong to the process, so the in-JVM lock is what keeps two threads
 * apart, and the file lock is what keeps two processes apart. A lock dies with its process, so a killed writer never
 * leaves a model locked.
 *
 * <p>Lock files are never deleted: deleting one while another process waits on it would let a third process lock a
 * new file of the same name, and two writers would proceed at once.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ModelLocks {

    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final Path folder;

    /**
     * @param folder where the lock files are kept; created when missing
     */
    public ModelLocks(Path folder) {
        try {
            Files.createDirectories(folder);
            this.folder = folder.toRealPath();
        } catch (IOException e) {
            throw new ModelRegistryException("Cannot create the lock folder " + folder + ": " + e.getMessage()
                    + ". Check that the registry folder is writable.", e);
        }
    }

    /**
     * Waits for the locks of the given model names, runs the work, and releases them. Names are locked in a fixed
     * (sorted) order, so two callers that lock the same two names cannot deadlock. The work must not lock a name it
     * already holds.
     *
     * @param work  what to do while holding the locks
     * @param names checked model names
     * @param <T>   the work's result
     * @return what the work returned
     */
    public <T> T underLock(Supplier<T> work, String... names) {
        List<Runnable> releases = new ArrayList<>();
        try {
            for (String name : new TreeSet<>(List.of(names))) {
                releases.add(lockOne(name));
            }
            return work.get();
        } finally {
            for (int i = releases.size() - 1; i >= 0; i--) {
                releases.get(i).run();
            }
        }
    }

    private static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private Runnable lockOne(String name) {
        Path file = folder.resolve(sha256(name) + ".lock");
        ReentrantLock local = IN_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            FileChannel open = channel;
            return () -> {
                try {
                    lock.release();
                    open.close();
                } catch (IOException ignored) {
                    // closing the channel releases the OS lock whatever happens here
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // nothing more to release
            }
            local.unlock();
            throw new ModelRegistryException("Cannot lock model '" + name + "' with " + file + ": " + e
                    + ". Check that the registry folder is writable and on a file system that supports locks.", e);
        }
    }
}
