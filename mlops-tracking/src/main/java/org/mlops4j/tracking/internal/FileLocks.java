package org.mlops4j.tracking.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import org.mlops4j.core.tracking.TrackingException;

/**
 * Locks that hold across threads and processes: a lock file is locked with {@link FileChannel#lock()} (for other
 * processes) while a JVM-wide lock is held (the JVM allows one file lock per file and process, so threads must queue
 * before it). JVM-wide locks are striped by path, one stripe array per {@link Level}.
 *
 * <p>To avoid deadlocks a thread takes at most one lock per level, in the order STORE, RUN, EXPERIMENT.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class FileLocks {

    /** The levels of locking, in the order they may be nested. */
    public enum Level {
        /** The whole store: experiment creation, renaming, deletion. */
        STORE,
        /** One run: its params, tags, metrics and meta file. */
        RUN,
        /** One experiment's run index. */
        EXPERIMENT
    }

    private static final int STRIPES = 64;
    private static final ReentrantLock[][] LOCKS = new ReentrantLock[Level.values().length][STRIPES];

    static {
        for (ReentrantLock[] level : LOCKS) {
            for (int i = 0; i < STRIPES; i++) {
                level[i] = new ReentrantLock();
            }
        }
    }

    private FileLocks() {
    }

    /** A held lock; closing it releases it. */
    public static final class Held implements AutoCloseable {
        private final ReentrantLock jvmLock;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Held(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
            this.jvmLock = jvmLock;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        /** Releases the file lock and the JVM lock. */
        @Override
        public void close() {
            try {
                fileLock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock in any case
            } finally {
                jvmLock.unlock();
            }
        }
    }

    /**
     * Blocks until the lock is held.
     *
     * @param lockFile the lock file (created if missing; its folder must exist)
     * @param level    the level, which decides the JVM-wide stripe array
     * @return the held lock
     * @throws TrackingException when the lock file cannot be opened or locked
     */
    public static Held lock(Path lockFile, Level level) {
        Path absolute = lockFile.toAbsolutePath().normalize();
        ReentrantLock jvmLock = LOCKS[level.ordinal()][Math.floorMod(absolute.hashCode(), STRIPES)];
        if (jvmLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("Lock stripe for " + absolute + " is already held by this thread");
        }
        jvmLock.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.lock();
            return new Held(jvmLock, channel, fileLock);
        } catch (IOException | RuntimeException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // already failing
            }
            jvmLock.unlock();
            throw new TrackingException("Cannot lock " + absolute + ": " + e.getMessage()
                    + ". Check that the folder exists and is writable.", e);
        }
    }
}
