package org.mlops4j.tck.tracking;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * A JVM for the multi-process tests in which several threads log to the same runs as the other processes. It prints
 * {@code ready}, waits for a start file, then each thread creates a run of its own and logs {@code batches} batches
 * into the shared runs in turn, and ends its own run. A failed call is counted and printed, never retried.
 *
 * <p>Each batch holds two metrics ({@code loss}, {@code acc}) at step {@link #step}, a param of its own, the param
 * {@code dataset=leads} that every batch logs, and the tag {@code last.<writer>.<thread>} set to the batch number.
 *
 * <p>Arguments: tracking URI, writer number, threads, batches per thread, start file, shared run ids (comma-separated).
 * Output lines: {@code ready}, {@code error batch <step> <exception>} (or {@code error create|end <exception>}) for
 * each failed call, and at the end
 * {@code done <calls> <errors> <milliseconds>}.
 */
public final class SharedRunsWriterProcess {

    private SharedRunsWriterProcess() {
    }

    /**
     * @param writer a writer number
     * @param thread a thread number
     * @param batch  a batch number
     * @return the step (and value) of that batch's metrics: unique across writers, threads and batches
     */
    public static long step(int writer, int thread, int batch) {
        return writer * 1_000_000L + thread * 10_000L + batch;
    }

    /**
     * @param runs   the number of shared runs
     * @param thread a thread number
     * @param batch  a batch number
     * @return the index of the shared run that the batch goes to
     */
    public static int runOf(int runs, int thread, int batch) {
        return (thread + batch) % runs;
    }

    /**
     * @param args tracking URI, writer number, threads, batches per thread, start file, shared run ids
     * @throws Exception when the start file cannot be awaited
     */
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int writer = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int batches = Integer.parseInt(args[3]);
        Path start = Path.of(args[4]);
        List<String> runs = List.of(args[5].split(","));
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long millis;
        try (TrackingClient tracking = TrackingClient.open(Mlops.create(), uri)) {
            TrackingStore store = tracking.store();
            String experimentId = store.getRun(runs.get(0)).orElseThrow().info().experimentId();
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(start)) {
                Thread.sleep(2);
            }
            long started = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(new Thread(() -> {
                    String own = call(calls, errors, "create", () -> store.createRun(experimentId, "w" + writer + "-t" + thread,
                            "test", System.currentTimeMillis(), List.of())).map(RunInfo::runId).orElse(null);
                    for (int b = 0; b < batches; b++) {
                        int batch = b;
                        String run = runs.get(runOf(runs.size(), thread, batch));
                        long step = step(writer, thread, batch);
                        call(calls, errors, "batch " + step, () -> {
                            store.logBatch(run,
                                    List.of(new Metric("loss", step, System.currentTimeMillis(), step),
                                            new Metric("acc", step, System.currentTimeMillis(), step)),
                                    List.of(new Param("p." + step, "v"), new Param("dataset", "leads")),
                                    List.of(new RunTag("last." + writer + "." + thread, Integer.toString(batch))));
                            return run;
                        });
                    }
                    if (own != null) {
                        call(calls, errors, "end", () -> store.updateRun(own, RunStatus.FINISHED, OptionalLong.empty()));
                    }
                }, "writer-" + writer + "-" + thread));
            }
            workers.forEach(Thread::start);
            for (Thread worker : workers) {
                worker.join();
            }
            millis = (System.nanoTime() - started) / 1_000_000;
        }
        System.out.println("done " + calls.get() + " " + errors.get() + " " + millis);
        System.out.flush();
    }

    private static <T> Optional<T> call(AtomicInteger calls, AtomicInteger errors, String what, Callable<T> work) {
        calls.incrementAndGet();
        try {
            return Optional.of(work.call());
        } catch (Exception e) {
            errors.incrementAndGet();
            synchronized (System.out) {
                System.out.println("error " + what + " " + e.toString().replace('\n', ' '));
                System.out.flush();
            }
            return Optional.empty();
        }
    }
}
