package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlops4j.core.pipeline.file.ScheduleDeclaration;
import org.mlops4j.core.pipeline.service.PipelineStatus;
import org.mlops4j.core.pipeline.service.SchedulerLease;
import org.mlops4j.core.pipeline.service.SchedulerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline status NAME}: one pipeline's schedule, policies, next run and latest slot. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show one pipeline's schedule, policies, next run, latest slot, and which scheduler holds the "
            + "lease.")
final class PipelineStatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchedulerFolders folders;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name.")
    private String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SchedulerStore store = folders.store();
        PipelineStatus status = PipelineStatus.of(folders.pipeline(spec, name), store, Instant.now());
        ScheduleDeclaration schedule = status.schedule();
        out.println("pipeline:     " + status.name());
        out.println("file:         " + status.file());
        out.println("state:        " + ScheduleTexts.state(status));
        out.println("schedule:     " + schedule.describe());
        out.println("overlap:      " + lower(schedule.overlap()));
        out.println("catchup:      " + lower(schedule.catchUp()));
        out.println("on_interrupt: " + lower(schedule.onInterrupt()) + " (max_attempts " + schedule.maxAttempts()
                + ")");
        out.println("next run:     " + status.nextFire().map(Instant::toString).orElse("-"));
        out.println("running:      " + status.running() + ", queued: " + status.queued());
        out.println("last slot:    " + status.latest().map(s -> s.slot() + " " + s.state() + " (run " + s.runId()
                + ", attempt " + s.attempt() + ")").orElse("-"));
        out.println("scheduler:    " + store.leaseHolder().map(PipelineStatusCommand::holder).orElse("none"));
        return ExitCodes.OK;
    }

    private static String holder(SchedulerLease.Holder holder) {
        return holder.id() + (holder.expires().isAfter(Instant.now()) ? " (lease until " : " (lease lapsed at ")
                + holder.expires() + ")";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
