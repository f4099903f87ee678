package org.mlops4j.core.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pipelines on schedules inside the host application, on a {@link PipelineRunner} the host gives it.
 *
 * <pre>{@code
 * try (PipelineScheduler scheduler = PipelineScheduler.builder(runner).build()) {
 *     scheduler.schedule(retrain, Schedule.cron("0 3 * * MON-FRI"));
 *     scheduler.schedule(monitor, Schedule.fixedRate(Duration.ofMinutes(15)), OverlapPolicy.QUEUE, false);
 *     ... the host runs ...
 * }   // stops firing, waits for running pipelines (up to the close timeout), then cancels what is left
 * }</pre>
 *
 * <p>No catch-up by default: when fire times were missed (the host was down or busy, the clock jumped), the pipeline
 * runs once, and the next fire time is the first one after now. With catch-up on, every missed fire time counts,
 * subject to the overlap policy. A fire that comes while the pipeline's previous run goes on is skipped or queued
 * ({@link OverlapPolicy}).
 *
 * <p>One daemon timer thread wakes at the next fire time (at least once a minute, so a clock change is noticed) and
 * calls {@link #fireDue()}; the runs themselves go to the runner. Times come from the builder's {@link Clock}, so a
 * test can move a controllable clock and call {@link #fireDue()} instead of sleeping. Thread-safe.
 */
public final class PipelineScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineScheduler.class);
    private static final Duration LONGEST_SLEEP = Duration.ofMinutes(1);
    private static final int MOST_CATCH_UP_FIRES = 10_000;

    private final PipelineRunner runner;
    private final Clock clock;
    private final Duration closeTimeout;
    private final ScheduledThreadPoolExecutor timer;
    private final List<Entry> entries = new ArrayList<>();
    private ScheduledFuture<?> wakeUp;
    private boolean closed;

    private PipelineScheduler(Builder builder) {
        this.runner = builder.runner;
        this.clock = builder.clock;
        this.closeTimeout = builder.closeTimeout;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "mlops-pipeline-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * @param runner the runner that runs the scheduled pipelines; the scheduler does not close it
     * @return a builder
     */
    public static Builder builder(PipelineRunner runner) {
        return new Builder(runner);
    }

    /**
     * Schedules a pipeline with the defaults: skip overlapping fires, no catch-up.
     *
     * @param pipeline the pipeline
     * @param schedule when to run it
     * @return the registration
     */
    public ScheduledPipeline schedule(Pipeline pipeline, Schedule schedule) {
        return schedule(pipeline, schedule, OverlapPolicy.SKIP, false);
    }

    /**
     * @param pipeline the pipeline
     * @param schedule when to run it
     * @param overlap  what to do when a fire comes while the previous run goes on
     * @param catchUp  whether every missed fire time counts (else one run stands for all that were missed)
     * @return the registration
     * @throws IllegalStateException when the scheduler is closed
     * @throws IllegalArgumentException for {@link OverlapPolicy#ALLOW}, which this scheduler does not run
     */
    public ScheduledPipeline schedule(Pipeline pipeline, Schedule schedule, OverlapPolicy overlap, boolean catchUp) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(overlap, "overlap");
        if (overlap == OverlapPolicy.ALLOW) {
            throw new IllegalArgumentException("PipelineScheduler runs one run of '" + pipeline.name() + "' at a time"
                    + " (SKIP or QUEUE); for ALLOW use org.mlops4j.core.pipeline.service.SchedulerService");
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The scheduler is closed; make a new one to schedule '"
                        + pipeline.name() + "'");
            }
            Entry entry = new Entry(pipeline, schedule, overlap, catchUp, schedule.nextAfter(clock.instant())
                    .orElse(null));
            entries.add(entry);
            LOG.info("Scheduled pipeline '{}' ({}), next run at {}", pipeline.name(), schedule,
                    entry.nextFire);
            rearm();
            return entry;
        }
    }

    /** @return the registered pipelines, in order of registration */
    public synchronized List<ScheduledPipeline> scheduled() {
        return List.copyOf(entries);
    }

    /**
     * Starts every pipeline whose fire time has come by the clock's current time. The timer thread calls this; tests
     * with a controllable clock call it after moving the clock.
     */
    public void fireDue() {
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            for (Entry entry : entries) {
                fire(entry, now);
            }
            rearm();
        }
    }

    private void fire(Entry entry, Instant now) {
        if (entry.cancelled || entry.nextFire == null || entry.nextFire.isAfter(now)) {
            return;
        }
        int due = 0;
        Instant fireTime = entry.nextFire;
        if (entry.catchUp) {
            while (fireTime != null && !fireTime.isAfter(now) && due < MOST_CATCH_UP_FIRES) {
                due++;
                fireTime = entry.schedule.nextAfter(fireTime).orElse(null);
            }
        } else {
            due = 1;
            Instant missedFrom = entry.schedule.nextAfter(fireTime).orElse(null);
            if (missedFrom != null && !missedFrom.isAfter(now)) {
                LOG.info("Pipeline '{}' missed fire times from {} to {}; running it once (no catch-up)",
                        entry.pipeline.name(), entry.nextFire, now);
            }
            fireTime = entry.schedule.nextAfter(now).orElse(null);
        }
        entry.nextFire = fireTime;
        for (int i = 0; i < due; i++) {
            trigger(entry);
        }
    }

    private void trigger(Entry entry) {
        if (entry.execution != null) {
            if (entry.overlap == OverlapPolicy.SKIP) {
                entry.skipped++;
                LOG.info("Pipeline '{}' is still running (run {}); skipping this fire", entry.pipeline.name(),
                        entry.execution.runId());
            } else {
                entry.queued++;
            }
            return;
        }
        start(entry);
    }

    private void start(Entry entry) {
        PipelineExecution execution = runner.start(entry.pipeline);
        entry.execution = execution;
        entry.started++;
        execution.completion().whenComplete((run, failure) -> ended(entry, run));
    }

    private void ended(Entry entry, PipelineRun run) {
        synchronized (this) {
            entry.execution = null;
            if (run != null) {
                entry.lastRun = run;
            }
            if (entry.queued > 0 && !closed && !entry.cancelled) {
                entry.queued--;
                start(entry);
            }
            notifyAll();
        }
    }

    private void rearm() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        Instant earliest = null;
        for (Entry entry : entries) {
            if (!entry.cancelled && entry.nextFire != null
                    && (earliest == null || entry.nextFire.isBefore(earliest))) {
                earliest = entry.nextFire;
            }
        }
        if (earliest == null) {
            wakeUp = null;
            return;
        }
        Duration sleep = Duration.between(clock.instant(), earliest);
        if (sleep.isNegative()) {
            sleep = Duration.ZERO;
        }
        if (sleep.compareTo(LONGEST_SLEEP) > 0) {
            sleep = LONGEST_SLEEP;
        }
        wakeUp = timer.schedule(this::fireDueSafely, sleep.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void fireDueSafely() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.error("The pipeline scheduler failed to fire due pipelines; trying again at the next wake-up", e);
            synchronized (this) {
                if (!closed) {
                    rearm();
                }
            }
        }
    }

    /**
     * Stops firing, drops queued fires, and waits for running pipelines up to the close timeout (30 seconds unless
     * set in the builder); runs still going on then are cancelled. The runner is left open.
     */
    @Override
    public void close() {
        close(closeTimeout);
    }

    /**
     * @param timeout how long to wait for running pipelines before cancelling them
     * @return whether every running pipeline ended by itself within the timeout
     */
    public boolean close(Duration timeout) {
        List<PipelineExecution> leftOver = new ArrayList<>();
        boolean clean;
        synchronized (this) {
            closed = true;
            timer.shutdownNow();
            entries.forEach(e -> e.queued = 0);
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean interrupted = false;
            while (entries.stream().anyMatch(e -> e.execution != null)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || interrupted) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                    Thread.currentThread().interrupt();
                }
            }
            for (Entry entry : entries) {
                if (entry.execution != null) {
                    leftOver.add(entry.execution);
                }
            }
            clean = leftOver.isEmpty();
        }
        for (PipelineExecution execution : leftOver) {
            LOG.warn("Cancelling pipeline '{}' run {}: it did not end within the scheduler's close timeout",
                    execution.pipelineName(), execution.runId());
            execution.cancel();
        }
        return clean;
    }

    /** One registered pipeline; its fields are guarded by the scheduler's lock. */
    private final class Entry implements ScheduledPipeline {
        final Pipeline pipeline;
        final Schedule schedule;
        final OverlapPolicy overlap;
        final boolean catchUp;
        Instant nextFire;
        PipelineExecution execution;
        PipelineRun lastRun;
        long started;
        long skipped;
        int queued;
        boolean cancelled;

        Entry(Pipeline pipeline, Schedule schedule, OverlapPolicy overlap, boolean catchUp, Instant nextFire) {
            this.pipeline = pipeline;
            this.schedule = schedule;
            this.overlap = overlap;
            this.catchUp = catchUp;
            this.nextFire = nextFire;
        }

        @Override
        public Pipeline pipeline() {
            return pipeline;
        }

        @Override
        public Schedule schedule() {
            return schedule;
        }

        @Override
        public OverlapPolicy overlapPolicy() {
            return overlap;
        }

        @Override
        public Optional<Instant> nextFireTime() {
            synchronized (PipelineScheduler.this) {
                return cancelled ? Optional.empty() : Optional.ofNullable(nextFire);
            }
        }

        @Override
        public long startedCount() {
            synchronized (PipelineScheduler.this) {
                return started;
            }
        }

        @Override
        public long skippedCount() {
            synchronized (PipelineScheduler.this) {
                return skipped;
            }
        }

        @Override
        public int queuedCount() {
            synchronized (PipelineScheduler.this) {
                return queued;
            }
        }

        @Override
        public Optional<PipelineRun> lastRun() {
            synchronized (PipelineScheduler.this) {
                return Optional.ofNullable(lastRun);
            }
        }

        @Override
        public boolean isRunning() {
            synchronized (PipelineScheduler.this) {
                return execution != null;
            }
        }

        @Override
        public void cancel() {
            synchronized (PipelineScheduler.this) {
                cancelled = true;
                queued = 0;
                if (!closed) {
                    rearm();
                }
            }
        }

        @Override
        public String toString() {
            return "ScheduledPipeline[" + pipeline.name() + ", " + schedule + "]";
        }
    }

    /** Options for a {@link PipelineScheduler}; not thread-safe. */
    public static final class Builder {
        private final PipelineRunner runner;
        private Clock clock = Clock.systemUTC();
        private Duration closeTimeout = Duration.ofSeconds(30);

        private Builder(PipelineRunner runner) {
            this.runner = Objects.requireNonNull(runner, "runner");
        }

        /**
         * @param time where the scheduler reads the time (a controllable clock in tests)
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * @param timeout how long {@link #close()} waits for running pipelines before cancelling them
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative, was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** @return the scheduler; its timer thread starts now */
        public PipelineScheduler build() {
            return new PipelineScheduler(this);
        }
    }
}
