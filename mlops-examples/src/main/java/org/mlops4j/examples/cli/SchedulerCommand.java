package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mlops4j.core.pipeline.service.SchedulerService;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.PipelineStepProvider;
import org.mlops4j.core.tracking.TrackingPipelineListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlops scheduler --pipelines DIR}: runs the folder's pipelines on their schedules in the foreground until
 * SIGTERM or Ctrl-C, which stop it gracefully (running pipelines are waited for, up to 30 seconds, then marked
 * interrupted for the next scheduler; the lease is given up).
 */
@Command(name = "scheduler", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the pipelines of a folder on their schedules (cron, every, inbox), in the foreground, until "
            + "SIGTERM or Ctrl-C. Several schedulers on one state folder: one runs, the others wait for its lease.")
final class SchedulerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchedulerFolders folders;

    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = "Also log every pipeline run as a tracked run there.")
    private String trackingUri;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path pipelines = folders.pipelines(spec);
        TrackingLocation location = trackingUri == null ? null : TrackingLocation.open(trackingUri);
        SchedulerService.Builder builder = SchedulerService.builder(pipelines,
                Mlops.builder().build().providers(PipelineStepProvider.class)).stateFolder(folders.stateFolder());
        if (location != null) {
            builder.listener(TrackingPipelineListener.of(location.tracking()));
        }
        SchedulerService scheduler = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            scheduler.close();
            if (location != null) {
                location.close();
            }
            stopped.countDown();
        }, "mlops-scheduler-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        scheduler.tick();
        for (Map.Entry<Path, String> error : scheduler.loadErrors().entrySet()) {
            spec.commandLine().getErr().println("mlops scheduler: " + error.getValue());
        }
        out.println("Scheduler " + scheduler.instanceId() + ": " + scheduler.status().size() + " pipelines from "
                + pipelines.toAbsolutePath() + ", state in " + scheduler.store().folder()
                + "; stop with SIGTERM or Ctrl-C");
        out.flush();
        scheduler.start();
        stopped.await();
        return ExitCodes.OK;
    }
}
