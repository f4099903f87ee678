package org.mlops4j.tracking.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends lines to metric files through channels kept open between calls (opening and closing a file per append
 * costs more than the append). At most {@value #MAX_OPEN} files are open; the least recently used is closed first.
 * Each append writes at the file's current end; callers hold the run's lock, so writers in other processes
 * interleave whole batches. A file whose size is not where this appender left it was written by someone else, and
 * gets the same torn-line check as {@link FileWrites#appendLines(Path, byte[])}.
 *
 * <p>Thread-safe. This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class MetricAppender implements AutoCloseable {

    private static final int MAX_OPEN = 256;

    private static final class OpenFile {
        final FileChannel channel;
        long end;

        OpenFile(FileChannel channel, long end) {
            this.channel = channel;
            this.end = end;
        }
    }

    private final Map<Path, OpenFile> open = new LinkedHashMap<>(64, 0.75f, true);

    /**
     * Appends lines at the file's end. A write that fails part-way is cut off again, so the file holds the whole
     * lines or none of them.
     *
     * @param file  a metric file (its folder is created if needed)
     * @param lines whole lines, each ending with {@code \n}
     * @return the file's size before the append, to {@link #truncate} it to if the caller's call fails later
     * @throws IOException when writing fails
     */
    public synchronized long append(Path file, byte[] lines) throws IOException {
        OpenFile target = open(file);
        long size = target.channel.size();
        ByteBuffer buffer = ByteBuffer.wrap(lines);
        if (size > 0 && size != target.end) {
            ByteBuffer last = ByteBuffer.allocate(1);
            target.channel.read(last, size - 1);
            if (last.get(0) != '\n') {
                buffer = ByteBuffer.allocate(lines.length + 1).put((byte) '\n').put(lines).flip();
            }
        }
        long position = size;
        try {
            while (buffer.hasRemaining()) {
                position += target.channel.write(buffer, position);
            }
        } catch (IOException e) {
            try {
                truncate(file, size);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        target.end = position;
        return size;
    }

    /**
     * Cuts a file back to an earlier size, taking back appends of a call that failed.
     *
     * @param file   a metric file this appender wrote to
     * @param length the size to go back to
     * @throws IOException when the file cannot be truncated
     */
    public synchronized void truncate(Path file, long length) throws IOException {
        OpenFile target = open(file);
        target.channel.truncate(length);
        target.end = length;
    }

    private OpenFile open(Path file) throws IOException {
        OpenFile target = open.get(file);
        if (target == null) {
            java.nio.file.Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            target = new OpenFile(channel, -1);
            open.put(file, target);
            evict();
        }
        return target;
    }

    /**
     * Forces and closes the open files in a folder (a run's folder, when the run ends).
     *
     * @param folder the folder
     * @throws IOException when forcing fails
     */
    public synchronized void forceAndClose(Path folder) throws IOException {
        List<Path> done = new ArrayList<>();
        for (Map.Entry<Path, OpenFile> entry : open.entrySet()) {
            if (entry.getKey().startsWith(folder)) {
                entry.getValue().channel.force(true);
                entry.getValue().channel.close();
                done.add(entry.getKey());
            }
        }
        done.forEach(open::remove);
    }

    private void evict() {
        Iterator<Map.Entry<Path, OpenFile>> it = open.entrySet().iterator();
        while (open.size() > MAX_OPEN && it.hasNext()) {
            closeQuietly(it.next().getValue().channel);
            it.remove();
        }
    }

    /** Closes every open file. */
    @Override
    public synchronized void close() {
        open.values().forEach(f -> closeQuietly(f.channel));
        open.clear();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the data was written; closing cannot lose it
        }
    }
}
