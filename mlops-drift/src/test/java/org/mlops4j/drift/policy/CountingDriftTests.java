package org.mlops4j.drift.policy;

import java.util.concurrent.atomic.AtomicInteger;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.monitor.DriftDetector;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.DriftDetectorProvider;
import org.mlops4j.core.spi.TriggerActionProvider;

/**
 * A real drift test under its own name that counts how often a drift report asks for it: a report makes one detector
 * per tested column, so the count is the number of column tests run.
 */
final class CountingDriftTests implements DriftDetectorProvider {

    private final DriftDetectorProvider test;
    private final AtomicInteger columnTests;

    private CountingDriftTests(DriftDetectorProvider test, AtomicInteger columnTests) {
        this.test = test;
        this.columnTests = columnTests;
    }

    /**
     * @param columnTests counts every column test of every drift report made with the returned instance
     * @return an instance with the discovered action providers and every discovered drift test, each counting
     */
    static Mlops mlopsCounting(AtomicInteger columnTests) {
        Mlops discovered = Mlops.builder().build();
        Mlops.Builder counting = Mlops.builder().discoverProviders(false);
        discovered.providers(DriftDetectorProvider.class).all().forEach(test -> counting.register(
                DriftDetectorProvider.class, new CountingDriftTests(test, columnTests)));
        discovered.providers(TriggerActionProvider.class).all().forEach(action -> counting.register(
                TriggerActionProvider.class, action));
        return counting.build();
    }

    @Override
    public String name() {
        return test.name();
    }

    @Override
    public DriftDetector create(MlopsConfig config) {
        columnTests.incrementAndGet();
        return test.create(config);
    }
}
