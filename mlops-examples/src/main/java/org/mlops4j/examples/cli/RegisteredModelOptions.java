package org.mlops4j.examples.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options every {@code mlops models} command that acts on one registered model shares: the registry, the model's
 * name, and {@code -h}/{@code --help} declared by hand, since these commands use {@code --version} for a model version
 * and so cannot mix in picocli's standard help options.
 */
final class RegisteredModelOptions {

    @Mixin
    StoreOptions store;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The registered model.")
    String name;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** @return the registry and tracking store the options name, open; a location without a store is an error */
    TrackingLocation open() {
        return store.openExisting();
    }

    /** @return the registry and tracking store the options name, open to read only; without a store, an error */
    TrackingLocation openReadOnly() {
        return store.openReadOnly();
    }

    /**
     * @param spec    the command
     * @param version the value of {@code --version}
     * @throws ParameterException when it is not a version number (they count from 1)
     */
    static void requireVersion(CommandSpec spec, int version) {
        if (version < 1) {
            throw OptionValues.invalid(spec, "--version", "versions are numbered from 1, was " + version, null);
        }
    }
}
