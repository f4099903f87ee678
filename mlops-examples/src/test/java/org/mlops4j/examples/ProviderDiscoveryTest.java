package org.mlops4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.runtime.DiscoveredProvider;
import org.mlops4j.core.runtime.DiscoveryReport;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.DriftDetectorProvider;
import org.mlops4j.core.spi.ModelFlavorProvider;
import org.mlops4j.core.spi.ModelRegistryProvider;
import org.mlops4j.core.spi.TrackingStoreProvider;
import org.mlops4j.core.spi.TriggerActionProvider;

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
    void findsTheTrackingStoresAndRegistriesShippedByTheTrackingModuleAndMatchesThemByScheme() {
        assertEquals(List.of("file", "http", "jdbc"), mlops.providers(TrackingStoreProvider.class).names());
        assertEquals(List.of("file", "http", "jdbc"), mlops.providers(ModelRegistryProvider.class).names());
        assertEquals("http", mlops.trackingStoreProvider(URI.create("https://tracking.example.com:5000")).name());
        assertEquals("file", mlops.trackingStoreProvider(mlops.trackingUri()).name());
        assertEquals("jdbc", mlops.trackingStoreProvider(URI.create("jdbc:sqlite:runs.db")).name());
        assertEquals("jdbc", mlops.modelRegistryProvider(URI.create("jdbc:postgresql://db/mlops")).name());
    }

    @Test
    void findsTheTriggerActionsAndTheTribuoAndOnnxModelFlavors() {
        assertEquals(List.of("callback", "log", "pipeline", "webhook"),
                mlops.providers(TriggerActionProvider.class).names());
        assertEquals(List.of("onnx", "tribuo"), mlops.providers(ModelFlavorProvider.class).names());
        assertTrue(mlops.discoveryReport().describe().contains("ModelFlavorProvider: onnx, tribuo"),
                mlops.discoveryReport().describe());
    }

    @Test
    void reportsNoProviderThatFailedToLoad() {
        DiscoveryReport report = mlops.discoveryReport();
        assertTrue(report.discovery());
        assertTrue(report.failures().isEmpty(), report.describe());
        assertTrue(report.describe().contains("DriftDetectorProvider: anderson, chisquare"), report.describe());
    }

    @Test
    void reportsEachProvidersClassArtifactVersionAndJarLikeJUnitsEngineDiscovery() {
        DiscoveredProvider file = mlops.discoveryReport().found().get("TrackingStoreProvider").stream()
                .filter(p -> p.name().equals("file")).findFirst().orElseThrow();
        String className = mlops.providers(TrackingStoreProvider.class).get("file").getClass().getName();
        Path location = Path.of(file.location());
        if (Files.isDirectory(location)) {
            // run from the reactor's classes folders: no manifest there
            assertEquals("unknown", file.version(), file.line());
            assertTrue(Files.isRegularFile(location.resolve(className.replace('.', '/') + ".class")), file.line());
        } else {
            // run from mlops-tracking's jar: the version in its manifest is the one in its file name
            assertEquals("mlops-tracking-" + file.version() + ".jar", location.getFileName().toString(), file.line());
        }
        assertEquals("TrackingStoreProvider file (class: " + className + ", version: " + file.version()
                + ", location: " + location + ")", file.line());
        assertTrue(mlops.discoveryReport().describe().contains("\n    " + file.line() + "\n"),
                mlops.discoveryReport().describe());
    }
}
