package org.mlops4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.TrackingStoreProvider;

/**
 * {@link Mlops#shared()}: one class-path scan and one read of {@code mlops.properties} per class loader, however many
 * callers and threads ask. Each test puts a class loader of its own, which counts the look-ups of service files and
 * resources, on the threads that ask.
 */
class MlopsSharedTest {

    private static final String TRACKING_SERVICES = "META-INF/services/" + TrackingStoreProvider.class.getName();
    private static final String GREETING_SERVICES = "META-INF/services/" + GreetingProvider.class.getName();

    @TempDir
    Path folder;

    /** A class loader over a folder that counts how often each resource is looked up. */
    private static final class CountingClassLoader extends URLClassLoader {
        private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        CountingClassLoader(Path folder) throws IOException {
            super(new URL[] {folder.toUri().toURL()}, MlopsSharedTest.class.getClassLoader());
        }

        @Override
        public URL getResource(String name) {
            count(name);
            return super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            count(name);
            return super.getResources(name);
        }

        private void count(String name) {
            lookups.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        }

        int lookups(String name) {
            AtomicInteger n = lookups.get(name);
            return n == null ? 0 : n.get();
        }
    }

    private CountingClassLoader classPath(String folderName, String greetingValue) throws IOException {
        Path root = folder.resolve(folderName);
        Files.createDirectories(root.resolve("META-INF/services"));
        Files.write(root.resolve(GREETING_SERVICES), List.of(TestGreetings.Hello.class.getName()));
        Files.writeString(root.resolve(MlopsProperties.PROPERTIES_RESOURCE), "mlops.test.greeting=" + greetingValue
                + "\n");
        return new CountingClassLoader(root);
    }

    private static <T> T withContextLoader(ClassLoader loader, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void concurrentCallersShareOneInstanceBuiltWithOneScanAndOneConfigRead() throws Exception {
        CountingClassLoader loader = classPath("app", "hello-from-properties");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Mlops>> asked = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                asked.add(pool.submit(() -> {
                    start.await();
                    return withContextLoader(loader, () -> {
                        Mlops mlops = Mlops.shared();
                        mlops.providers(GreetingProvider.class);
                        return mlops;
                    });
                }));
            }
            start.countDown();
            Mlops first = asked.get(0).get();
            for (Future<Mlops> other : asked) {
                assertSame(first, other.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Mlops again = withContextLoader(loader, Mlops::shared);

        assertSame(asked.get(0).get(), again);
        assertEquals(1, loader.lookups(TRACKING_SERVICES), "one scan for a core SPI");
        assertEquals(1, loader.lookups(GREETING_SERVICES), "one scan for an SPI found on first use");
        assertEquals(1, loader.lookups(MlopsProperties.PROPERTIES_RESOURCE), "one read of the configuration");
        assertEquals(List.of("hello"), again.providers(GreetingProvider.class).names());
        assertEquals("hello-from-properties", again.config().get("mlops.test.greeting").orElseThrow());
    }

    @Test
    void eachClassLoaderHasAnInstanceOfItsOwn() throws Exception {
        CountingClassLoader one = classPath("one", "first");
        CountingClassLoader two = classPath("two", "second");

        Mlops first = withContextLoader(one, Mlops::shared);
        Mlops second = withContextLoader(two, Mlops::shared);

        assertNotSame(first, second);
        assertEquals("first", first.config().get("mlops.test.greeting").orElseThrow());
        assertEquals("second", second.config().get("mlops.test.greeting").orElseThrow());
        assertSame(first, withContextLoader(one, Mlops::shared));
        assertEquals(1, one.lookups(TRACKING_SERVICES));
        assertEquals(1, two.lookups(TRACKING_SERVICES));
    }

    @Test
    void isBuiltLikeCreateButOnlyOnce() throws Exception {
        CountingClassLoader loader = classPath("like-create", "x");

        Mlops shared = withContextLoader(loader, Mlops::shared);
        Mlops created = withContextLoader(loader, Mlops::create);

        assertEquals(created.discoveryReport().describe(), shared.discoveryReport().describe());
        assertEquals(created.config().explicitAndResourceValues(), shared.config().explicitAndResourceValues());
        assertEquals(2, loader.lookups(TRACKING_SERVICES), "create() scans each time, shared() once");
    }
}
