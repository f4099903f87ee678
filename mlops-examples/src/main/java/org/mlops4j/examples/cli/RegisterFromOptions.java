package org.mlops4j.examples.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.models.ModelImport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of {@code mlops models register} for a model trained elsewhere: {@code --from} an {@code .onnx} file,
 * a model folder MLflow logged or a {@code runs:/} artifact, and {@code --schema} for its input columns. Registering
 * runs {@link ModelImport}: the model is loaded with its flavor first, so a model mlops4j cannot run (a
 * {@code python_function}-only one) is refused before anything is stored.
 */
final class RegisterFromOptions {

    @Option(names = "--from", paramLabel = "PATH_OR_RUN_URI",
            description = "An .onnx file, a model folder MLflow logged (with its MLmodel file), or runs:/RUN_ID/PATH.")
    String from;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "The input columns and types as a schema JSON file (mlops validate's format): needed "
                    + "when the graph takes one tensor of all features; replaces an MLmodel signature.")
    Path schema;

    /**
     * @param spec     the command, for option errors
     * @param location the open tracking store and registry
     * @param name     the registered model's name
     * @return the new version
     */
    ModelVersion register(CommandSpec spec, TrackingLocation location, String name) {
        Optional<Schema> input = schema == null ? Optional.empty()
                : Optional.of(OptionValues.apply(spec, "--schema",
                        () -> Schema.fromJson(InputFiles.requireFile(schema, "--schema"))));
        return ModelImport.of(location.tracking(), location.registry(), Mlops.shared())
                .register(from, name, input);
    }
}
