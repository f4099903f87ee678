package org.mlops4j.examples.cli;

import org.mlops4j.core.runtime.Mlops;
import picocli.CommandLine.Option;

/**
 * {@code --tracking-uri} and {@code --registry-uri}, the options of every command that opens a tracking store or a
 * model registry, with one default for all of them: the configuration key {@code mlops.tracking.uri} (a system
 * property, then the environment variable {@code MLOPS_TRACKING_URI}, then {@code mlops.properties} on the class path),
 * else {@code file:./mlruns}; the registry defaults to {@code mlops.registry.uri}, else the tracking URI.
 */
final class StoreOptions {

    /** The default as the options' help states it. */
    static final String DEFAULT_DESCRIPTION = "mlops.tracking.uri as a system property, MLOPS_TRACKING_URI, "
            + "mlops.properties, else file:./mlruns";

    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = "Where runs and model artifacts are: file:, jdbc:sqlite:, jdbc:postgresql:, http: (default: "
                    + DEFAULT_DESCRIPTION + ").")
    String trackingUri;

    @Option(names = "--registry-uri", paramLabel = "URI",
            description = "Where the model registry is (default: mlops.registry.uri, MLOPS_REGISTRY_URI, else the "
                    + "tracking URI).")
    String registryUri;

    /** @return the settings that name the tracking store and the registry */
    Mlops settings() {
        return StoreSettings.of(trackingUri, registryUri);
    }

    /** @return a builder of {@link #settings()}, for a command that sets more */
    Mlops.Builder settingsBuilder() {
        return StoreSettings.builder(trackingUri, registryUri);
    }

    /** @return the store and registry, open to read and write; a missing or empty folder becomes a new store */
    TrackingLocation open() {
        return TrackingLocation.open(settings());
    }

    /** @return the store and registry, open to read and write; a location without a store is an error */
    TrackingLocation openExisting() {
        return TrackingLocation.openExisting(settings());
    }

    /** @return the store and registry, open to read only; a location without a store is an error */
    TrackingLocation openReadOnly() {
        return TrackingLocation.openReadOnly(settings());
    }
}
