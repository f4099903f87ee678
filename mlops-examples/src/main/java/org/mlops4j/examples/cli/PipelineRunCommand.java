package org.mlops4j.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline run NAME}: one subcommand per pipeline, each with its own options. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run one pipeline of the case study by name.", subcommands = {DataPipelineCommand.class, TrainingPipelineCommand.class,
            InferencePipelineCommand.class, MonitoringPipelineCommand.class})
final class PipelineRunCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing the pipeline's name: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
