package org.mlops4j.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsException;

class FileLocksTest {

    @TempDir
    Path folder;

    private final FileLocks locks = new FileLocks(MlopsException::new);

    @Test
    void threadsOfOneProcessHoldALockFileOneAtATime() throws Exception {
        Path file = folder.resolve("run.lock");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        int[] counter = {0};
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        try (FileLocks.Held ignored = locks.lock(file, FileLocks.Level.RUN)) {
                            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            counter[0]++;
                            inside.decrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, mostInside.get());
        assertEquals(1200, counter[0]);
        assertTrue(Files.exists(file), "lock files are never deleted");
    }

    @Test
    void aWaitLongerThanTheLimitFailsNamingTheLockFileAndHoldsNothing() throws Exception {
        Path file = folder.resolve("model.lock");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (FileLocks.Held ignored = locks.lock(file, FileLocks.Level.MODEL)) {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        held.await();
        FileLocks impatient = new FileLocks(Duration.ofMillis(200), MlopsException::new);
        long start = System.nanoTime();
        MlopsException e = assertThrows(MlopsException.class, () -> impatient.lock(file, FileLocks.Level.MODEL));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 150 && waited < 10_000, "waited " + waited + " ms");
        assertTrue(e.getMessage().contains(file.toRealPath().toString()) && e.getMessage().contains("MODEL lock"),
                e.getMessage());
        release.countDown();
        holder.join();
        try (FileLocks.Held again = impatient.lock(file, FileLocks.Level.MODEL)) {
            assertTrue(Files.exists(file), "the failed wait left the lock free for the next caller");
        }
    }

    @Test
    void locksTakenAgainstTheLockOrderAreRefusedBeforeWaiting() {
        Path store = folder.resolve("store.lock");
        Path run = folder.resolve("run.lock");
        try (FileLocks.Held r = locks.lock(run, FileLocks.Level.RUN)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> locks.lock(store, FileLocks.Level.STORE));
            assertTrue(e.getMessage().contains("STORE lock") && e.getMessage().contains("holds the RUN lock"),
                    e.getMessage());
            assertThrows(IllegalStateException.class, () -> locks.lock(run, FileLocks.Level.RUN),
                    "the same file twice");
            try (FileLocks.Held later = locks.lock(folder.resolve("experiment.lock"),
                    FileLocks.Level.EXPERIMENT)) {
                assertTrue(Files.exists(folder.resolve("experiment.lock")));
            }
        }
        try (FileLocks.Held s = locks.lock(store, FileLocks.Level.STORE);
             FileLocks.Held r = locks.lock(run, FileLocks.Level.RUN)) {
            assertTrue(Files.exists(store) && Files.exists(run), "store before run is the order");
        }
    }

    @Test
    void lockAllTakesSeveralFilesOfOneLevelInPathOrderWhateverOrderTheyAreGiven() throws Exception {
        Path a = folder.resolve("a.lock");
        Path b = folder.resolve("b.lock");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AtomicInteger swaps = new AtomicInteger();
            Future<?> forward = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    try (FileLocks.Held ignored = locks.lockAll(List.of(a, b), FileLocks.Level.MODEL)) {
                        swaps.incrementAndGet();
                    }
                }
            });
            Future<?> backward = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    try (FileLocks.Held ignored = locks.lockAll(List.of(b, a, b), FileLocks.Level.MODEL)) {
                        swaps.incrementAndGet();
                    }
                }
            });
            forward.get(60, TimeUnit.SECONDS);
            backward.get(60, TimeUnit.SECONDS);
            assertEquals(600, swaps.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockFileInAMissingFolderFailsWithTheStoresException() {
        Path missing = folder.resolve("gone").resolve(".lock");
        MlopsException e = assertThrows(MlopsException.class, () -> locks.lock(missing, FileLocks.Level.RUN));
        assertTrue(e.getMessage().contains(missing.getParent().toString()), e.getMessage());
        try (FileLocks.Held ignored = locks.lock(folder.resolve("ok.lock"), FileLocks.Level.STORE)) {
            assertTrue(Files.exists(folder.resolve("ok.lock")), "a failed lock leaves the thread free to lock");
        }
    }
}
