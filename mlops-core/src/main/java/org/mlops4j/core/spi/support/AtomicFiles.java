package org.mlops4j.core.spi.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file replacement: content goes to a temporary file in the target's folder, is forced to disk, and is
 * then renamed over the target in one atomic step. A reader sees the old file or the new one, never half of one.
 *
 * <p>A new file gets the permissions of any file the process creates (the umask applies); a replaced file gets
 * them too, not its old ones.
 *
 * <p>Stores, report writers and plugins use it for every file that a reader may open while it is being replaced.
 * Thread-safe: concurrent writers of the same target each write their own temporary file, and the last rename wins.
 */
public final class AtomicFiles {

    /** Writes content to a stream; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write; closing it is allowed
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param target the file to create or replace
     * @param content what to write
     * @throws UncheckedIOException when the content cannot be written or moved into place
     */
    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = createTemporary(folder, absolute.getFileName().toString());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(new NonClosingOutputStream(out));
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and named as such; leaving it is harmless
                }
            }
        }
    }

    /**
     * Creates the temporary file as any new file of the process, so that the target gets the permissions the
     * process's umask gives (Files.createTempFile would make every report 0600).
     */
    private static Path createTemporary(Path folder, String name) throws IOException {
        while (true) {
            Path temp = folder.resolve("." + name + "." + Long.toUnsignedString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another writer drew the same name; draw again
            }
        }
    }

    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
