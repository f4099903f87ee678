package org.mlops4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DiscoveryReport;
import org.mlops4j.core.Mlops;
import org.mlops4j.core.spi.DriftDetectorProvider;

/**
 * The examples module sees every mlops4j module, so its class path is the real one a host application has: the
 * providers that mlops-tracking and mlops-drift ship must be found there through their service files.
 */
class ProviderDiscoveryTest {

    private final Mlops mlops = Mlops.create();

    @Test
    void findsEveryEvidentlyStatTestShippedByTheDriftModule() {
        List<String> expected = List.of("anderson", "chisquare", "cramer_von_mises", "ed", "empirical_mmd", "es",
                "fisher_exact", "g_test", "hellinger", "jensenshannon", "kl_div", "ks", "mannw", "psi", "t_test",
                "tvd", "wasserstein", "z");
        assertEquals(expected, mlops.providers(DriftDetectorProvider.class).names());
        assertEquals("tvd", mlops.providers(DriftDetectorProvider.class).get("TVD").name());
    }

    @Test
    void reportsNoProviderThatFailedToLoad() {
        DiscoveryReport report = mlops.discoveryReport();
        assertTrue(report.discovery());
        assertTrue(report.failures().isEmpty(), report.describe());
        assertTrue(report.describe().contains("DriftDetectorProvider: anderson, chisquare"), report.describe());
    }
}
