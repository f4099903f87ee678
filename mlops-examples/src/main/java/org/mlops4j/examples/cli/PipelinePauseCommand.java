package org.mlops4j.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline pause NAME}: pauses a pipeline's schedule in the scheduler's store. */
@Command(name = "pause", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Pause a pipeline's schedule: its fire times wait (triggered runs still run).")
final class PipelinePauseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchedulerFolders folders;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name.")
    private String name;

    @Override
    public Integer call() {
        folders.pipeline(spec, name);
        folders.store().setPaused(name, true);
        spec.commandLine().getOut().println("Paused the schedule of '" + name + "'");
        return ExitCodes.OK;
    }
}
