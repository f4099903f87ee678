package org.mlops4j.drift.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.spi.DriftDetectorProvider;
import org.mlops4j.core.spi.TriggerActionProvider;
import org.mlops4j.drift.DataDrift;

/**
 * Drift reports and monitors made without a host {@code Mlops} share one: the class path is scanned and
 * {@code mlops.properties} read once per class loader, not once per report or monitor. The test runs on a class loader
 * of its own that counts the look-ups.
 */
class SharedDefaultsTest {

    private static final String DRIFT_TESTS = "META-INF/services/" + DriftDetectorProvider.class.getName();
    private static final String ACTIONS = "META-INF/services/" + TriggerActionProvider.class.getName();

    /** Delegates everything to the test's class loader, counting resource look-ups by name. */
    private static final class CountingClassLoader extends ClassLoader {
        private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        CountingClassLoader() {
            super(SharedDefaultsTest.class.getClassLoader());
        }

        @Override
        public URL getResource(String name) {
            lookups.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            return super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            lookups.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            return super.getResources(name);
        }

        int lookups(String name) {
            AtomicInteger n = lookups.get(name);
            return n == null ? 0 : n.get();
        }
    }

    @Test
    void reportsAndMonitorsWithoutAHostDiscoverOnceAndReadTheConfigurationOnce() {
        CountingClassLoader loader = new CountingClassLoader();
        Table reference = LeadTables.reference(2_000);
        Table current = LeadTables.caseStudyDrift(2_000);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            DataDrift.builder().build().run(reference, current);
            DataDrift.builder().columns("city_tier").build().run(reference, current);
            for (int i = 0; i < 2; i++) {
                DriftMonitor monitor = DriftMonitor.builder().actions(ActionKind.RETRAIN, "log")
                        .hooks(ActionHooks.builder().callback("escalate", d -> { }).build()).build();
                assertEquals(ActionKind.ESCALATE, monitor.check(reference, current).decision().action());
            }
        } finally {
            thread.setContextClassLoader(before);
        }

        assertEquals(1, loader.lookups(DRIFT_TESTS), "one scan for drift tests");
        assertEquals(1, loader.lookups(ACTIONS), "one scan for actions");
        assertEquals(1, loader.lookups(MlopsProperties.PROPERTIES_RESOURCE), "one read of the configuration");
    }
}
