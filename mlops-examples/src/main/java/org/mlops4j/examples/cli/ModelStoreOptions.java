package org.mlops4j.examples.cli;

import org.mlops4j.core.runtime.Mlops;
import picocli.CommandLine.Option;

/**
 * The options of the commands that load a registered model ({@code mlops predict}, {@code mlops serve}): the model's
 * URI and where its store and registry are.
 */
final class ModelStoreOptions {

    @Option(names = "--model", required = true, paramLabel = "URI",
            description = "The model: models:/NAME/VERSION, models:/NAME/STAGE (such as Production) or "
                + "models:/NAME@ALIAS.")
    String model;

    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = "Where runs and model artifacts are (default: mlops.tracking.uri, else file:./mlruns).")
    String trackingUri;

    @Option(names = "--registry-uri", paramLabel = "URI",
            description = "Where the model registry is (default: the tracking URI).")
    String registryUri;

    /** @return the settings that name the tracking store and the registry */
    Mlops mlops() {
        return StoreSettings.of(trackingUri, registryUri);
    }
}
