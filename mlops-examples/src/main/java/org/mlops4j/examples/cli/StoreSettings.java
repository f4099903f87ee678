package org.mlops4j.examples.cli;

import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;

/** The settings of a command's {@code --tracking-uri} and {@code --registry-uri}; an absent one keeps the default. */
final class StoreSettings {

    private StoreSettings() {
    }

    /**
     * @param trackingUri the tracking URI given on the command line, or {@code null}
     * @param registryUri the registry URI given on the command line, or {@code null}
     * @return the settings that name the tracking store and the registry
     */
    static Mlops of(String trackingUri, String registryUri) {
        return builder(trackingUri, registryUri).build();
    }

    /**
     * @param trackingUri the tracking URI given on the command line, or {@code null}
     * @param registryUri the registry URI given on the command line, or {@code null}
     * @return a builder of the settings, for a command that sets more (such as the class loader of its providers)
     */
    static Mlops.Builder builder(String trackingUri, String registryUri) {
        Mlops.Builder settings = Mlops.builder();
        if (trackingUri != null) {
            settings.property(MlopsProperties.TRACKING_URI, trackingUri);
        }
        if (registryUri != null) {
            settings.property(MlopsProperties.REGISTRY_URI, registryUri);
        }
        return settings;
    }
}
