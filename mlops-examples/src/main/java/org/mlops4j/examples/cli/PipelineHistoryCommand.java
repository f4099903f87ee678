package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlops4j.core.pipeline.PipelineHistory;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.service.SchedulerStore;
import org.mlops4j.core.pipeline.service.SlotRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline history NAME}: the slots the scheduler ran, newest first, with their runs. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List a pipeline's slots, newest first: state, attempts, run id and duration.")
final class PipelineHistoryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchedulerFolders folders;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name.")
    private String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Most slots shown (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw OptionValues.invalid(spec, "--limit", "it must be at least 1, was " + limit, null);
        }
        folders.pipeline(spec, name);
        SchedulerStore store = folders.store();
        PipelineHistory history = store.history();
        PrintWriter out = spec.commandLine().getOut();
        List<SlotRecord> slots = store.slots(name);
        out.printf("%-34s %-11s %-7s %-32s %s%n", "SLOT", "STATE", "ATTEMPT", "RUN", "DURATION");
        for (SlotRecord slot : slots.subList(0, Math.min(limit, slots.size()))) {
            String duration = slot.runId().isEmpty() ? "-" : history.run(slot.runId()).filter(r -> !r.end()
                    .equals(r.start())).map(PipelineRun::duration).map(PipelineHistoryCommand::seconds).orElse("-");
            out.printf("%-34s %-11s %-7d %-32s %s%n", slot.slot(), slot.state(), slot.attempt(),
                    slot.runId().isEmpty() ? "-" : slot.runId(), duration);
        }
        return ExitCodes.OK;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }
}
