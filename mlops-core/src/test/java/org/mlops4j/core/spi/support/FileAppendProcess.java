package org.mlops4j.core.spi.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlops4j.core.MlopsException;

/**
 * A child process of {@link FileAppendMultiProcessIT}: several threads append numbered lines to two shared files,
 * each thread alternating between them, so that threads of this process hold one file's lock while others wait for
 * the other file's lock held by another process (the pattern that makes blocking POSIX locks fail with EDEADLK).
 * Prints the number of failed appends and exits 0.
 */
public final class FileAppendProcess {

    private FileAppendProcess() {
    }

    /**
     * @param args first file, second file, process label, threads, lines per thread
     * @throws InterruptedException when interrupted while joining the threads
     */
    public static void main(String[] args) throws InterruptedException {
        Path[] files = {Path.of(args[0]), Path.of(args[1])};
        String label = args[2];
        int threads = Integer.parseInt(args[3]);
        int lines = Integer.parseInt(args[4]);
        FileLocks locks = new FileLocks(MlopsException::new);
        AtomicInteger failures = new AtomicInteger();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < lines; i++) {
                    String line = label + " " + thread + " " + i + " " + "x".repeat(200) + "\n";
                    try {
                        locks.append(files[(thread + i) % 2], line.getBytes(StandardCharsets.UTF_8), false);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        System.err.println(e);
                    }
                }
            });
            writer.start();
            started.add(writer);
        }
        for (Thread writer : started) {
            writer.join();
        }
        System.out.println("failures " + failures.get());
    }
}
