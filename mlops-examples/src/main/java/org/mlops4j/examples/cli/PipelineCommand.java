package org.mlops4j.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline}: the case study's pipelines. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the lead-scoring case study's pipelines.", subcommands = {PipelineRunCommand.class,
            PipelineListCommand.class, PipelineStatusCommand.class, PipelineHistoryCommand.class,
            PipelineTriggerCommand.class, PipelinePauseCommand.class, PipelineResumeCommand.class})
final class PipelineCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
