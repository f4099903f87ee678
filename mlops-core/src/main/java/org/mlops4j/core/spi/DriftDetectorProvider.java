package org.mlops4j.core.spi;

import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.monitor.DriftDetector;

/**
 * Makes drift detectors: statistical tests that compare a reference sample of one column with a current one.
 *
 * <p>Names follow Evidently's stat-test names in lower case ({@code ks}, {@code psi}, {@code wasserstein},
 * {@code tvd}, ...), so that a configuration written for Evidently reads the same here; look-ups ignore case, so
 * {@code "TVD"} finds {@code tvd}.
 */
public interface DriftDetectorProvider extends NamedProvider {

    /**
     * Makes the detector. Called when a drift report needs this test; may be called many times, from any thread.
     *
     * @param config the host's configuration, for keys under {@code mlops.drift.} (such as the number of
     *               permutations of a permutation test)
     * @return a detector whose {@link DriftDetector#name()} equals this provider's name, safe to use from several
     *         threads
     * @throws org.mlops4j.core.ConfigurationException when a configuration value the detector reads is invalid
     */
    DriftDetector create(MlopsConfig config);
}
