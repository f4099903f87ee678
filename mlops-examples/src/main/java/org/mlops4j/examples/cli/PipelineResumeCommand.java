package org.mlops4j.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline resume NAME}: resumes a pipeline's schedule in the scheduler's store. */
@Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Resume a paused schedule: the fire times missed meanwhile run by its catchup policy.")
final class PipelineResumeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchedulerFolders folders;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name.")
    private String name;

    @Override
    public Integer call() {
        folders.pipeline(spec, name);
        folders.store().setPaused(name, false);
        spec.commandLine().getOut().println("Resumed the schedule of '" + name + "'");
        return ExitCodes.OK;
    }
}
