package org.mlops4j.tracking.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one call of the file store has written so far, and how to take it back: a call that fails half-way rolls back
 * what it wrote, so that it takes effect whole or not at all, and the caller's retry stores each value once. The
 * caller holds the locks that keep other writers away from these files until the rollback is done.
 *
 * <p>Not thread-safe: one log per call. This class is internal and is hence not for public use. Its API may change
 * without notice.
 */
public final class UndoLog {

    /** One change to take back. */
    @FunctionalInterface
    public interface Step {
        /**
         * @throws IOException when the change cannot be taken back
         */
        void undo() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(UndoLog.class);

    private final Deque<Step> steps = new ArrayDeque<>();

    /**
     * Remembers a file's content, or that it does not exist, before the call replaces or deletes it.
     *
     * @param file the file
     * @throws IOException when the file exists but cannot be read
     */
    public void beforeChanging(Path file) throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            content = null;
        }
        byte[] old = content;
        steps.push(() -> {
            if (old == null) {
                Files.deleteIfExists(file);
            } else {
                FileWrites.replace(file, old, false);
            }
        });
    }

    /**
     * @param step how to take back a change the call just made
     */
    public void add(Step step) {
        steps.push(step);
    }

    /**
     * Takes back every change, the last first. A change that cannot be taken back is logged and added to the call's
     * failure as a suppressed exception; the others are still taken back.
     *
     * @param failure why the call failed
     */
    public void rollBack(Throwable failure) {
        while (!steps.isEmpty()) {
            try {
                steps.pop().undo();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not take back a write of a failed call: {}", e.toString());
                failure.addSuppressed(e);
            }
        }
    }
}
