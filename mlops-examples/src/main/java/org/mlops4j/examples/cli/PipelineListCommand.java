package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlops4j.core.pipeline.file.ScheduledPipelineFile;
import org.mlops4j.core.pipeline.service.PipelineFolder;
import org.mlops4j.core.pipeline.service.PipelineStatus;
import org.mlops4j.core.pipeline.service.SchedulerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline list}: the scheduled pipelines of a folder, with their schedules and next runs. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the pipelines of a folder with their schedule, state and next run. Exit code 1 when a "
            + "file cannot be loaded (its error goes to standard error).")
final class PipelineListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchedulerFolders folders;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PipelineFolder folder = folders.read(spec);
        SchedulerStore store = folders.store();
        Instant now = Instant.now();
        out.printf("%-24s %-8s %-34s %-26s %s%n", "PIPELINE", "STATE", "SCHEDULE", "NEXT RUN", "LAST SLOT");
        for (ScheduledPipelineFile file : folder.pipelines().values()) {
            PipelineStatus status = PipelineStatus.of(file, store, now);
            out.printf("%-24s %-8s %-34s %-26s %s%n", status.name(), ScheduleTexts.state(status),
                    status.schedule().describe(), status.nextFire().map(Instant::toString).orElse("-"),
                    status.latest().map(s -> s.slot() + " " + s.state()).orElse("-"));
        }
        for (Map.Entry<Path, String> error : folder.errors().entrySet()) {
            spec.commandLine().getErr().println("mlops pipeline list: " + error.getValue());
        }
        return folder.errors().isEmpty() ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }
}
