package org.mlops4j.examples.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.models.LoggedModel;
import org.mlops4j.models.ModelTracking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mlops models register}: registers a model that a run logged (such as {@code mlops train --register}'s, or
 * one logged with {@code ModelTracking.logModel}) as a new version, with its input schema, run and data fingerprint;
 * or, with {@code --from}, a model trained elsewhere ({@link RegisterFromOptions}).
 */
@Command(name = "register",
        description = "Register the model a run logged (--run) or a model trained elsewhere (--from: an .onnx file, "
                + "an MLflow model folder, runs:/RUN/PATH) as a new version of a registered model (created when "
                + "missing), as MLflow's register_model(\"runs:/RUN/model\", NAME). Prints the new version.")
final class ModelsRegisterCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegisteredModelOptions model;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "The run that logged the model.")
    private String runId;

    @Option(names = "--artifact-path", paramLabel = "PATH", defaultValue = ModelTracking.DEFAULT_ARTIFACT_PATH,
            description = "The model's folder in the run's artifacts (default: ${DEFAULT-VALUE}).")
    private String artifactPath;

    @Mixin
    private RegisterFromOptions source;

    @Override
    public Integer call() {
        if ((runId == null) == (source.from == null)) {
            throw new ParameterException(spec.commandLine(), "Give the model to register: --run RUN_ID, the run "
                    + "that logged it (find it with: mlops runs search), or --from PATH_OR_RUN_URI for a model "
                    + "trained elsewhere; not both");
        }
        if (source.from != null) {
            try (TrackingLocation location = model.store.open()) { // a first model may make the store
                ModelVersion version = source.register(spec, location, model.name);
                spec.commandLine().getOut().printf(Locale.ROOT, "Registered %s version %d (%s flavor, input %s)%n",
                        version.name(), version.version(), version.tags().getOrDefault(ModelTracking.FLAVOR_TAG, "?"),
                        version.inputSchema().map(s -> s.columnNames().toString()).orElse("unknown"));
                return ExitCodes.OK;
            }
        }
        try (TrackingLocation location = model.open()) {
            ModelTracking models = ModelTracking.of(location.tracking(), location.registry());
            LoggedModel logged = OptionValues.apply(spec, "--run", () -> models.loggedModel(runId, artifactPath));
            ModelVersion version = models.register(logged, model.name);
            ModelsCommand.print(spec.commandLine().getOut(), version);
            return ExitCodes.OK;
        }
    }
}
