package org.mlops4j.tracking.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.TrackingStore;

/** The runs the tracking benchmarks search: the same seeded content for every store and every benchmark. */
public final class BenchmarkRuns {

    private BenchmarkRuns() {
    }

    /**
     * Creates runs with 3 params, 3 metrics and 2 tags each, from 4 threads.
     *
     * @param store        the store to fill
     * @param experimentId the experiment to create the runs in
     * @param runs         how many runs
     * @throws Exception when a write fails
     */
    public static void fill(TrackingStore store, String experimentId, int runs) throws Exception {
        String[] models = {"lr", "rf", "gb", "svm"};
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = thread; i < runs; i += threads) {
                        RunInfo run = store.createRun(experimentId, "run-" + i, "bench", 1_700_000_000_000L + i,
                                List.of(new RunTag("team", i % 2 == 0 ? "risk" : "growth")));
                        store.logBatch(run.runId(),
                                List.of(new Metric("auc", random.nextDouble(), 1, 0),
                                        new Metric("loss", random.nextDouble(), 1, 0),
                                        new Metric("f1", random.nextDouble(), 1, 0)),
                                List.of(new Param("model", models[i % models.length]),
                                        new Param("C", Double.toString(random.nextDouble())),
                                        new Param("seed", Integer.toString(i))),
                                List.of(new RunTag("stage", "tuning")));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
