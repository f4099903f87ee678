package org.mlops4j.core.pipeline.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A scheduler in its own JVM, for {@link TwoSchedulerProcessesIT}: {@code SchedulerProcess PIPELINES STATE MARKERS}.
 * Its instance id is its process id; it writes {@code MARKERS/started-<pid>} once running and stops gracefully on
 * SIGTERM.
 */
public final class SchedulerProcess {

    private SchedulerProcess() {
    }

    /**
     * @param args the pipelines folder, the state folder and the folder for the start marker
     * @throws Exception when it cannot start
     */
    public static void main(String[] args) throws Exception {
        String pid = Long.toString(ProcessHandle.current().pid());
        SchedulerService scheduler = SchedulerService.builder(Path.of(args[0]), GateStepProvider.providers())
                .stateFolder(Path.of(args[1])).instanceId(pid).leaseTime(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50)).closeTimeout(Duration.ofSeconds(10)).build();
        Runtime.getRuntime().addShutdownHook(new Thread(scheduler::close, "scheduler-stop"));
        scheduler.start();
        Files.writeString(Path.of(args[2]).resolve("started-" + pid), pid);
        Thread.currentThread().join();
    }
}
