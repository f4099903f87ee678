package org.mlops4j.tracking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The two ways the file store writes: replacing a whole file atomically (a temporary file in the same folder, renamed
 * over the target, so readers see the old or the new content and never a part), and appending whole lines to an
 * append-only file (after a torn last line left by a killed process, a line break is added first so the torn line
 * stays a line of its own that readers skip).
 *
 * <p>Temporary files are named {@code <name>~<random>.tmp}; {@code ~} is not allowed in keys, so readers skip them.
 * The name is cut to its first {@value #TEMP_NAME_PREFIX} characters, so that the temporary file of a file whose name
 * is as long as the file system allows (a 250-character tag key) fits too.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class FileWrites {

    /** The character that marks temporary files. */
    public static final char TEMP_MARK = '~';
    /** How many characters of the target's name a temporary file's name keeps (4 UTF-8 bytes at most each). */
    private static final int TEMP_NAME_PREFIX = 48;

    private FileWrites() {
    }

    /**
     * @param name a file name
     * @return whether it is a temporary file of this class
     */
    public static boolean isTemporary(String name) {
        return name.indexOf(TEMP_MARK) >= 0 && name.endsWith(".tmp");
    }

    /**
     * Replaces a file atomically.
     *
     * @param target the file
     * @param bytes  its new content
     * @param force  whether to force the content to disk before the rename
     * @throws IOException when writing or renaming fails
     */
    public static void replace(Path target, byte[] bytes, boolean force) throws IOException {
        Path temp = temporary(target);
        try {
            write(temp, bytes, force);
            moveIntoPlace(temp, target);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Replaces a file atomically, its temporary file made in another folder of the same file system: for a file in a
     * folder whose every file a reader takes as data (MLflow reads each file of a run's {@code params/} as a param),
     * so that no temporary file is ever seen there, not even one a killed process left.
     *
     * @param target     the file (its folder is created if needed)
     * @param tempFolder an existing folder on the target's file system, where readers ignore files
     * @param bytes      its new content
     * @param force      whether to force the content to disk before the rename
     * @throws IOException when writing or renaming fails
     */
    public static void replace(Path target, Path tempFolder, byte[] bytes, boolean force) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = tempFolder.resolve(temporaryName(target));
        try {
            write(temp, bytes, force);
            moveIntoPlace(temp, target);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void write(Path temp, byte[] bytes, boolean force) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                channel.force(true);
            }
        }
    }

    /**
     * Replaces a file atomically with a stream's content.
     *
     * @param target the file
     * @param in     the content, read to the end and not closed
     * @throws IOException when reading, writing or renaming fails
     */
    public static void replace(Path target, InputStream in) throws IOException {
        Path temp = temporary(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                in.transferTo(Channels.newOutputStream(channel));
            }
            moveIntoPlace(temp, target);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Appends whole lines to a file, creating it if needed. The caller holds a lock that keeps other writers out. A
     * write that fails part-way is cut off again, so the file holds the whole lines or none of them.
     *
     * @param file  the file
     * @param lines one or more lines, each ending with {@code \n}
     * @return the file's size after the append
     * @throws IOException when writing fails
     */
    public static long appendLines(Path file, byte[] lines) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buffer;
            if (size > 0 && !endsWithNewline(channel, size)) {
                buffer = ByteBuffer.allocate(lines.length + 1);
                buffer.put((byte) '\n').put(lines).flip();
            } else {
                buffer = ByteBuffer.wrap(lines);
            }
            long position = size;
            try {
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            } catch (IOException e) {
                try {
                    channel.truncate(size);
                } catch (IOException undo) {
                    e.addSuppressed(undo);
                }
                throw e;
            }
            return position;
        }
    }

    /**
     * Forces a file's content to disk, if the file exists.
     *
     * @param file the file
     * @throws IOException when forcing fails
     */
    public static void force(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private static Path temporary(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return target.resolveSibling(temporaryName(target));
    }

    private static String temporaryName(Path target) {
        String name = target.getFileName().toString();
        int end = name.offsetByCodePoints(0, Math.min(TEMP_NAME_PREFIX, name.codePointCount(0, name.length())));
        String random = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return name.substring(0, end) + TEMP_MARK + random + ".tmp";
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
