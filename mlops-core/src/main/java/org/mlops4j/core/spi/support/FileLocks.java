package org.mlops4j.core.spi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks that hold across the threads of a JVM and across processes, one per lock file: the lock kit of the
 * file stores (tracking store and model registry), for every writer that shares files with other processes.
 *
 * <p><b>How a lock is taken.</b> First the JVM's own lock for that file (a fair {@link ReentrantLock} in a table
 * shared by every user of this class in the JVM), so the threads of one process queue inside the JVM and only one of
 * them at a time asks the operating system. Then the OS lock on the file, with {@link FileChannel#tryLock()} in a loop
 * that pauses between tries (exponential backoff from 50 µs to 1 ms, with random jitter so that processes do not
 * retry in step). {@code tryLock} never waits in the kernel: POSIX record locks belong to a process, not a thread, so a
 * blocking {@link FileChannel#lock()} lets the kernel see a cycle between two processes whose threads each hold one
 * lock and wait for another, and fail with "Resource deadlock avoided" (EDEADLK) although no thread holds two locks.
 *
 * <p><b>One lock order.</b> A thread takes its locks in the order of {@link Level}, and within a level in the order of
 * the lock files' paths ({@link #lockAll} sorts them). Asking for a lock out of that order is a bug and throws
 * {@link IllegalStateException} before anything waits, so no two threads, in one process or in several, can wait for
 * each other in a cycle.
 *
 * <p><b>Waiting.</b> The whole wait (the queue in the JVM and the tries at the OS lock) is bounded by the wait limit,
 * {@link #DEFAULT_WAIT_LIMIT} unless given; past it the call fails with the store's own exception (see
 * {@link Failure}), naming the lock file. A lock dies with its process, so a killed writer never leaves a file
 * locked. On a file system whose locks do not work (some network file systems) nothing here can keep writers apart.
 *
 * <p><b>Lock files are never deleted</b>: deleting one while another process waits on it would let a third process
 * lock a new file of the same name, and two writers would proceed at once.
 *
 * <p>Thread-safe. A {@link Held} lock must be released by the thread that took it.
 */
public final class FileLocks {

    /** The kinds of lock, in the one order in which a thread may take them. */
    public enum Level {
        /** A whole store: creating, renaming, deleting and restoring experiments. */
        STORE,
        /** One run: its params, tags, metrics and meta file. */
        RUN,
        /** One experiment's run index. */
        EXPERIMENT,
        /** One registered model in a file registry. */
        MODEL,
        /** One append-only data file (JSON lines, a serving log), locked itself while {@link #append} adds to it. */
        APPEND
    }

    /** Makes the exception that a store throws when a lock cannot be taken (its own subclass of MlopsException). */
    @FunctionalInterface
    public interface Failure {
        /**
         * @param message what failed, the lock file, and how to fix it
         * @param cause   the underlying failure, or {@code null}
         * @return the exception to throw
         */
        RuntimeException create(String message, Throwable cause);
    }

    /** How long a caller waits for a lock before it fails: long enough for any store call to finish. */
    public static final Duration DEFAULT_WAIT_LIMIT = Duration.ofMinutes(2);

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Map<Path, Queue> QUEUES = new ConcurrentHashMap<>();
    private static final ThreadLocal<Deque<Key>> HELD = ThreadLocal.withInitial(ArrayDeque::new);

    private final Duration waitLimit;
    private final Failure failure;

    /**
     * @param failure makes the exception to throw when a lock cannot be taken
     */
    public FileLocks(Failure failure) {
        this(DEFAULT_WAIT_LIMIT, failure);
    }

    /**
     * @param waitLimit how long to wait for a lock before failing
     * @param failure   makes the exception to throw when a lock cannot be taken
     */
    public FileLocks(Duration waitLimit, Failure failure) {
        if (waitLimit.isNegative()) {
            throw new IllegalArgumentException("The wait limit must not be negative; it is " + waitLimit);
        }
        this.waitLimit = waitLimit;
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /**
     * Waits for one lock.
     *
     * @param lockFile the lock file, created if missing; its folder must exist
     * @param level    what the lock guards, which fixes its place in the lock order
     * @return the held lock; closing it releases it
     * @throws IllegalStateException when this thread holds a lock that comes after this one in the lock order
     * @throws RuntimeException      made by the {@link Failure} when the wait limit passes, the thread is interrupted,
     *                               or the file cannot be opened or locked
     */
    public Held lock(Path lockFile, Level level) {
        return lockAll(List.of(lockFile), level);
    }

    /**
     * Waits for several locks of one level, taken in the order of their paths and released in the reverse order.
     *
     * @param lockFiles the lock files (duplicates count once), created if missing; their folders must exist
     * @param level     what the locks guard
     * @return the held locks; closing it releases them all
     * @throws IllegalArgumentException when no lock file is given
     * @throws IllegalStateException    when this thread holds a lock that comes after these in the lock order
     * @throws RuntimeException         made by the {@link Failure} when a lock cannot be taken; none is then held
     */
    public Held lockAll(Collection<Path> lockFiles, Level level) {
        Objects.requireNonNull(level, "level");
        if (lockFiles.isEmpty()) {
            throw new IllegalArgumentException("No lock file given: name at least one " + level + " lock file");
        }
        List<Key> keys = new ArrayList<>();
        for (Path file : lockFiles) {
            Key key = new Key(level, canonical(file));
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        keys.sort(Comparator.naturalOrder());
        checkOrder(keys.get(0));
        long deadline = System.nanoTime() + waitLimit.toNanos();
        Held held = new Held();
        try {
            for (Key key : keys) {
                held.taken.add(acquire(key, deadline));
            }
            return held;
        } catch (RuntimeException | Error e) {
            held.close();
            throw e;
        }
    }

    /**
     * Adds bytes at the end of a file as one write under the file's own {@link Level#APPEND} lock, so that writers in
     * several threads and processes never interleave their lines. The file and its folder are created when missing.
     *
     * @param file  the file, which is its own lock file
     * @param bytes what to add, usually whole lines
     * @param force whether to force the write to the storage device before the lock is released
     * @throws UncheckedIOException  when the folder cannot be created or the bytes cannot be written
     * @throws IllegalStateException when this thread holds a lock that comes after {@link Level#APPEND}
     * @throws RuntimeException      made by the {@link Failure} when the lock cannot be taken
     */
    public void append(Path file, byte[] bytes, boolean force) {
        try {
            Path folder = file.toAbsolutePath().normalize().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            try (Held held = lock(file, Level.APPEND)) {
                FileChannel channel = held.taken.get(0).channel;
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                long position = channel.size();
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                if (force) {
                    channel.force(false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Locks held by one thread; closing releases them, in the reverse order of taking. Closing twice is harmless. */
    public static final class Held implements AutoCloseable {

        private final List<Taken> taken = new ArrayList<>();

        private Held() {
        }

        /** Releases the locks. */
        @Override
        public void close() {
            for (int i = taken.size() - 1; i >= 0; i--) {
                taken.get(i).release();
            }
            taken.clear();
        }
    }

    private Taken acquire(Key key, long deadline) {
        Queue queue = QUEUES.compute(key.file, (file, existing) -> {
            Queue q = existing != null ? existing : new Queue();
            q.users++;
            return q;
        });
        boolean queued = false;
        FileChannel channel = null;
        Taken taken = null;
        try {
            queued = queue.lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!queued) {
                throw failure.create(timeout(key, "another thread of this process"), null);
            }
            channel = FileChannel.open(key.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            taken = new Taken(key, queue, channel, tryUntil(channel, key, deadline));
            HELD.get().addLast(key);
            return taken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.create("Interrupted while waiting for the lock file " + key.file + "; nothing was changed.",
                    e);
        } catch (NoSuchFileException e) {
            throw failure.create("Cannot lock " + key.file + ": its folder does not exist (it was deleted or moved"
                    + " while waiting). Check the path, or try again.", e);
        } catch (IOException e) {
            throw failure.create("Cannot lock " + key.file + ": " + e + ". The folder must be writable and on a"
                    + " file system that supports file locks (a local disk; some network file systems do not).", e);
        } finally {
            if (taken == null) {
                closeQuietly(channel);
                if (queued) {
                    queue.lock.unlock();
                }
                leave(key.file, queue);
            }
        }
    }

    private FileLock tryUntil(FileChannel channel, Key key, long deadline) throws IOException, InterruptedException {
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                // this JVM holds the file through a path that names it differently: wait like for another process
                lock = null;
            }
            if (lock != null) {
                return lock;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw failure.create(timeout(key, "another process"), null);
            }
            LockSupport.parkNanos(Math.min(left, pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1)));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            pause = Math.min(LONGEST_PAUSE_NANOS, pause * 2);
        }
    }

    private String timeout(Key key, String holder) {
        return "Waited " + waitLimit.toMillis() / 1000.0 + " s for the " + key.level + " lock " + key.file
                + ", which " + holder + " still holds; gave up and changed nothing. A writer that hangs while holding"
                + " it must be stopped (a killed process releases its locks). If none is running, the file system"
                + " may not support file locks: use a local folder or a database store.";
    }

    private static void checkOrder(Key first) {
        Key last = HELD.get().peekLast();
        if (last != null && last.compareTo(first) >= 0) {
            throw new IllegalStateException("Lock order broken: this thread holds the " + last.level + " lock "
                    + last.file + " and asks for the " + first.level + " lock " + first.file + ". Locks must be taken"
                    + " in the order " + List.of(Level.values()) + ", and by path within a level.");
        }
    }

    private static void leave(Path file, Queue queue) {
        QUEUES.computeIfPresent(file, (f, q) -> q == queue && --q.users == 0 ? null : q);
    }

    /** The lock file's path with its folder's real path, so that every name of one file meets in one queue. */
    private Path canonical(Path lockFile) {
        Path absolute = lockFile.toAbsolutePath().normalize();
        try {
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw failure.create("Cannot lock " + absolute + ": its folder " + absolute.getParent() + " cannot be"
                    + " read (" + e + "). Check that the folder exists and is readable.", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases whatever the channel held
            }
        }
    }

    /** One lock file at its place in the lock order. */
    private record Key(Level level, Path file) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byLevel = level.compareTo(other.level);
            return byLevel != 0 ? byLevel : file.compareTo(other.file);
        }
    }

    /** The threads of this JVM waiting for or holding one lock file, and how many use the entry. */
    private static final class Queue {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    /** One lock taken by this thread. */
    private static final class Taken {
        private final Key key;
        private final Queue queue;
        private final FileChannel channel;
        private final FileLock lock;

        Taken(Key key, Queue queue, FileChannel channel, FileLock lock) {
            this.key = key;
            this.queue = queue;
            this.channel = channel;
            this.lock = lock;
        }

        void release() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases the lock in any case
            } finally {
                closeQuietly(channel);
                HELD.get().removeLastOccurrence(key);
                queue.lock.unlock();
                leave(key.file, queue);
            }
        }
    }
}
