package org.mlops4j.examples.cli;

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
 * one logged with {@code ModelTracking.logModel}) as a new version, with its input schema, run and data fingerprint.
 */
@Command(name = "register",
        description = "Register the model a run logged as a new version of a registered model (created when "
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

    @Override
    public Integer call() {
        if (runId == null) {
            throw new ParameterException(spec.commandLine(), "Missing the model to register: give --run RUN_ID, the"
                    + " run that logged it (find it with: mlops runs search)");
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
