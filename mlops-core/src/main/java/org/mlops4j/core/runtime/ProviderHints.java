package org.mlops4j.core.runtime;

import java.util.Map;
import org.mlops4j.core.spi.DriftDetectorProvider;
import org.mlops4j.core.spi.ModelFlavorProvider;
import org.mlops4j.core.spi.ModelRegistryProvider;
import org.mlops4j.core.spi.PipelineStepProvider;
import org.mlops4j.core.spi.TrackingStoreProvider;
import org.mlops4j.core.spi.TriggerActionProvider;

/**
 * Which mlops4j artifact ships the providers of each SPI, for the error a user sees when a name is missing.
 */
final class ProviderHints {

    private static final Map<Class<?>, String> ARTIFACT_BY_SPI = Map.of(
            TrackingStoreProvider.class, "org.mlops4j:mlops-tracking",
            ModelRegistryProvider.class, "org.mlops4j:mlops-tracking",
            DriftDetectorProvider.class, "org.mlops4j:mlops-drift",
            TriggerActionProvider.class, "org.mlops4j:mlops-drift",
            ModelFlavorProvider.class, "org.mlops4j:mlops-models",
            PipelineStepProvider.class, "org.mlops4j:mlops-examples (the lead-scoring steps) or your own jar");

    private ProviderHints() {
    }

    /**
     * @param spi a provider interface
     * @return a sentence saying which artifact to add to the class path
     */
    public static String missingHint(Class<?> spi) {
        String artifact = ARTIFACT_BY_SPI.get(spi);
        String services = "META-INF/services/" + spi.getName();
        return artifact == null
                ? "Add the jar that provides it (with a " + services + " entry) to the class path."
                : "Add " + artifact + " to the class path, or a jar of your own with a " + services + " entry.";
    }
}
