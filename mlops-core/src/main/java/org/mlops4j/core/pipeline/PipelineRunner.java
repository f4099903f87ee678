package org.mlops4j.core.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Runs pipelines inside the host application: independent steps in parallel on a bounded executor, with retries,
 * timeouts, trigger rules, branching, cancellation, listeners and, with a {@link StepOutputStore}, resume.
 *
 * <pre>{@code
 * try (PipelineRunner runner = PipelineRunner.builder()
 *         .threads(4)
 *         .outputStore(StepOutputStore.inFolder(Path.of("pipeline-outputs")))
 *         .listener(PipelineHistory.inFolder(Path.of("pipeline-runs")))
 *         .build()) {
 *     PipelineRun run = runner.run(pipeline);
 *     if (run.state() != PipelineState.SUCCEEDED) { ... run.steps() ... }
 * }
 * }</pre>
 *
 * <p>A runner is thread-safe and can run many pipelines at once; they share its threads. It owns its executor (and
 * shuts it down on {@link #close()}) unless the host gives one with {@link Builder#executor(ExecutorService)}. A step
 * attempt that ignores interruption after its timeout keeps its thread busy until it returns; with a bounded
 * executor, such steps reduce the threads left for others.
 */
public final class PipelineRunner implements AutoCloseable {

    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final ScheduledExecutorService timer;
    private final DagExecution.Services services;

    private PipelineRunner(Builder builder) {
        if (builder.executor != null) {
            this.executor = builder.executor;
            this.ownsExecutor = false;
        } else {
            this.executor = Executors.newFixedThreadPool(builder.threads, daemonThreads("mlops-pipeline-worker-"));
            this.ownsExecutor = true;
        }
        ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(1,
                daemonThreads("mlops-pipeline-timer-"));
        scheduled.setRemoveOnCancelPolicy(true);
        this.timer = scheduled;
        this.services = new DagExecution.Services(executor, timer, Optional.ofNullable(builder.store),
                List.copyOf(builder.listeners), builder.random, builder.clock);
    }

    /** @return a builder with the defaults: one thread per processor, no output store, no listener */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs a pipeline and waits for it to end. When the calling thread is interrupted, the run is cancelled.
     *
     * @param pipeline the pipeline
     * @return the finished run; its state says whether it succeeded (a failing step does not throw)
     */
    public PipelineRun run(Pipeline pipeline) {
        return start(pipeline).await();
    }

    /**
     * Starts a pipeline and returns at once.
     *
     * @param pipeline the pipeline
     * @return the run in progress, to wait for or cancel
     */
    public PipelineExecution start(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        DagExecution execution = new DagExecution(pipeline, services);
        execution.begin();
        return execution;
    }

    /** @return the output store, if the runner has one */
    public Optional<StepOutputStore> outputStore() {
        return services.store();
    }

    /**
     * Stops the runner's timer and, if the runner owns its executor, shuts it down and waits up to 10 seconds for
     * running steps. Runs still in progress then fail to start further steps. Call it when the host shuts down.
     */
    @Override
    public void close() {
        timer.shutdownNow();
        if (ownsExecutor) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Options for a {@link PipelineRunner}; not thread-safe. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private ExecutorService executor;
        private StepOutputStore store;
        private final List<PipelineListener> listeners = new ArrayList<>();
        private RandomGenerator random = new java.util.Random();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param count how many steps run at once, at least 1 (ignored when an executor is given)
         * @return this builder
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + count);
            }
            this.threads = count;
            return this;
        }

        /**
         * @param hostExecutor an executor the host owns; the runner does not shut it down
         * @return this builder
         */
        public Builder executor(ExecutorService hostExecutor) {
            this.executor = Objects.requireNonNull(hostExecutor, "hostExecutor");
            return this;
        }

        /**
         * @param outputStore where step outputs are kept so that re-runs resume; none by default
         * @return this builder
         */
        public Builder outputStore(StepOutputStore outputStore) {
            this.store = Objects.requireNonNull(outputStore, "outputStore");
            return this;
        }

        /**
         * @param listener hears every run of this runner
         * @return this builder
         */
        public Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param generator where retry jitter comes from; a seeded generator makes delays repeatable in tests.
         *                  Used from several threads, so it must be thread-safe (or runs must not overlap).
         * @return this builder
         */
        public Builder random(RandomGenerator generator) {
            this.random = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * @param time the clock for start and end times (timeouts and delays use real time)
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "time");
            return this;
        }

        /** @return the runner */
        public PipelineRunner build() {
            return new PipelineRunner(this);
        }
    }

    /** @return a short description, for logs */
    @Override
    public String toString() {
        return "PipelineRunner[" + (ownsExecutor ? "own executor" : "host executor") + ", store "
                + services.store().map(s -> s.getClass().getSimpleName()).orElse("none") + "]";
    }
}
