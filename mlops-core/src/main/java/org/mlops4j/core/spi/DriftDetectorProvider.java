package org.mlops4j.core.spi;

import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.monitor.DriftDetector;

/**
 * Makes drift detectors: statistical tests that compare a reference sample of one column with a current one.
 *
 * <p>Names follow Evidently's stat-test names ({@code ks}, {@code psi}, {@code wasserstein}, ...), so that a
 * configuration written for Evidently reads the same here.
 */
public interface DriftDetectorProvider extends NamedProvider {

    /**
     * Makes the detector. Called when a drift report needs this test; may be called many times, from any thread.
     *
     * @param config the host's configuration, for keys under {@code mlops.drift.}
     * @return a detector, safe to use from several threads
     */
    DriftDetector create(MlopsConfig config);
}
