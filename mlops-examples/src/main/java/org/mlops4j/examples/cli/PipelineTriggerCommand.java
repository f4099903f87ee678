package org.mlops4j.examples.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline trigger NAME}: asks the running scheduler to run a pipeline now, once. */
@Command(name = "trigger", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Ask the scheduler to run a pipeline now, once (also when its schedule is paused).")
final class PipelineTriggerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchedulerFolders folders;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name.")
    private String name;

    @Override
    public Integer call() {
        folders.pipeline(spec, name);
        String request = folders.store().requestRun(name, Instant.now());
        spec.commandLine().getOut().println("Requested a run of '" + name + "' (slot manual:" + request
                + "); the scheduler on " + folders.stateFolder() + " starts it at its next tick");
        return ExitCodes.OK;
    }
}
