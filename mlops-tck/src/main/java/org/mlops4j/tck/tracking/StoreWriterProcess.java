package org.mlops4j.tck.tracking;

import java.net.URI;
import java.util.List;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * A second JVM for the multi-process tests: opens a store by URI, gets or creates an experiment, and logs runs,
 * printing a line after every call that returned, so the test knows what must be in the store.
 *
 * <p>Arguments: {@code <tracking uri> <experiment name> <runs> <steps per run> <writer name>}. Output lines:
 * {@code experiment <id>}, {@code run <run id>}, {@code logged <run id> <step>}, {@code ended <run id>}.
 */
public final class StoreWriterProcess {

    private StoreWriterProcess() {
    }

    /**
     * @param args the tracking URI, the experiment name, the number of runs and of steps, and a writer name
     */
    public static void main(String[] args) {
        URI uri = URI.create(args[0]);
        String experimentName = args[1];
        int runs = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        String writer = args[4];
        Mlops mlops = Mlops.builder().property("mlops.tracking.artifact-root", args.length > 5 ? args[5] : "")
                .build();
        try (TrackingClient tracking = TrackingClient.open(mlops, uri)) {
            Experiment experiment = tracking.getOrCreateExperiment(experimentName);
            System.out.println("experiment " + experiment.experimentId());
            for (int r = 0; r < runs; r++) {
                String runId;
                try (ActiveRun run = tracking.startRun(experiment, writer + "-" + r)) {
                    runId = run.id();
                    System.out.println("run " + run.id());
                    for (int s = 0; s < steps; s++) {
                        run.logBatch(List.of(new Metric("loss", 1.0 / (s + 1), System.currentTimeMillis(), s),
                                new Metric("step", s, System.currentTimeMillis(), s)),
                                s == 0 ? List.of(new Param("writer", writer)) : List.of(),
                                List.of(new RunTag("progress", Integer.toString(s))));
                        if (s % 10 == 0) {
                            run.logText("step " + s, "progress/step-" + s + ".txt");
                        }
                        System.out.println("logged " + run.id() + " " + s);
                    }
                    run.end();
                }
                System.out.println("ended " + runId);
            }
        }
        System.out.flush();
    }
}
