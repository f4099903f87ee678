package org.mlops4j.examples.cli;

import org.mlops4j.core.runtime.Mlops;
import picocli.CommandLine.Mixin;
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

    @Mixin
    StoreOptions store;

    /** @return the settings that name the tracking store and the registry */
    Mlops mlops() {
        return store.settings();
    }
}
