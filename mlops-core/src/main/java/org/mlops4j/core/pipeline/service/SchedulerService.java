package org.mlops4j.core.pipeline.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.mlops4j.core.pipeline.CatchUpPolicy;
import org.mlops4j.core.pipeline.InterruptPolicy;
import org.mlops4j.core.pipeline.OverlapPolicy;
import org.mlops4j.core.pipeline.PipelineExecution;
import org.mlops4j.core.pipeline.PipelineListener;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.Schedule;
import org.mlops4j.core.pipeline.StepOutputStore;
import org.mlops4j.core.pipeline.file.ScheduleDeclaration;
import org.mlops4j.core.pipeline.file.ScheduledPipelineFile;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.PipelineStepProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every pipeline declared in a folder on its schedule, unattended: the embeddable form of
 * {@code mlops scheduler}.
 *
 * <pre>{@code
 * try (SchedulerService scheduler = SchedulerService.builder(Path.of("pipelines"),
 *         mlops.providers(PipelineStepProvider.class)).build()) {
 *     scheduler.start();          // ticks once a second until closed
 *     ... the host runs ...
 * }                               // stops: waits for running pipelines, then marks the rest interrupted
 * }</pre>
 *
 * <p>Each {@linkplain #tick() tick}: take or renew the lease of the state folder ({@link SchedulerLease}; a scheduler
 * that does not hold it does nothing, so of several processes on one store one schedules and the others wait); read
 * new and changed pipeline files ({@link PipelineFolder}); after taking the lease, mark the runs that were going on
 * when the previous holder stopped {@link SlotState#INTERRUPTED} and handle them by their {@code on_interrupt}
 * policy; then, for every pipeline that is not paused, the fire times between its cursor and now (by its
 * {@code catchup} policy: a fire time is missed when seen later than the grace period), each new file in its inbox,
 * and each run asked for by hand become slots. A slot is claimed once in the {@link SchedulerStore}, so no slot runs
 * twice, and then started, queued or skipped by the pipeline's {@code overlap} policy.
 *
 * <p>Every time comes from the builder's {@link Clock}: a test moves a controllable clock and calls {@link #tick()};
 * only {@link #start()} uses real time, to tick. Thread-safe.
 */
public final class SchedulerService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerService.class);
    private static final int MOST_SLOTS_PER_TICK = 1_000;

    private final PipelineFolder folder;
    private final SchedulerStore store;
    private final SchedulerLease lease;
    private final Clock clock;
    private final Duration grace;
    private final Duration pollInterval;
    private final Duration closeTimeout;
    private final List<PipelineListener> listeners;
    private final ExecutorService workers;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<String, Deque<SlotRecord>> queued = new HashMap<>();
    private ScheduledExecutorService ticker;
    private boolean holding;
    private boolean recovered;
    private boolean closed;

    private SchedulerService(Builder builder) {
        this.folder = new PipelineFolder(builder.pipelines, builder.providers);
        this.store = SchedulerStore.inFolder(builder.state != null ? builder.state
                : builder.pipelines.resolve(".mlops-scheduler"));
        this.clock = builder.clock;
        this.lease = store.lease(builder.leaseTime, clock, builder.instanceId);
        this.grace = builder.grace;
        this.pollInterval = builder.pollInterval;
        this.closeTimeout = builder.closeTimeout;
        this.listeners = List.copyOf(builder.listeners);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(builder.threads, task -> {
            Thread thread = new Thread(task, "mlops-scheduler-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param pipelines the folder of pipeline files
     * @param providers the step types the files name
     * @return a builder
     */
    public static Builder builder(Path pipelines, ProviderSet<PipelineStepProvider> providers) {
        return new Builder(pipelines, providers);
    }

    /** A slot whose run goes on in this process. */
    private record Running(SlotRecord slot, PipelineExecution execution, PipelineRunner runner) {
    }

    /** @return the state folder's store */
    public SchedulerStore store() {
        return store;
    }

    /** @return this instance's id, as the lease and the slots name it */
    public String instanceId() {
        return lease.holder();
    }

    /**
     * Ticks once a {@code pollInterval} (one second unless set) on a daemon thread, until {@link #close()}.
     *
     * @return this service
     */
    public synchronized SchedulerService start() {
        if (closed) {
            throw new IllegalStateException("The scheduler is closed; make a new one");
        }
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "mlops-scheduler-tick");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleWithFixedDelay(this::tickSafely, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
        }
        return this;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("The scheduler's tick failed; trying again at the next one", e);
        }
    }

    /**
     * Does one round of scheduling by the clock's current time (see the class comment).
     *
     * @return whether this instance holds the lease (else it did nothing but wait for it)
     */
    public synchronized boolean tick() {
        if (closed) {
            return false;
        }
        if (!lease.acquireOrRenew()) {
            if (holding) {
                LOG.warn("Scheduler {} lost the lease of {} to {}; it schedules nothing until it takes it back",
                        instanceId(), store.folder(), store.leaseHolder().map(SchedulerLease.Holder::id).orElse("?"));
            }
            holding = false;
            recovered = false;
            return false;
        }
        if (!holding) {
            LOG.info("Scheduler {} holds the lease of {}", instanceId(), store.folder());
            holding = true;
        }
        folder.reload();
        if (!recovered) {
            recover();
            recovered = true;
        }
        Instant now = clock.instant();
        for (ScheduledPipelineFile declared : folder.pipelines().values()) {
            fire(declared, now);
            startQueued(declared);
        }
        return true;
    }

    private void recover() {
        for (ScheduledPipelineFile declared : folder.pipelines().values()) {
            String name = declared.pipeline().name();
            List<SlotRecord> slots = new ArrayList<>(store.slots(name));
            slots.sort(Comparator.comparing(SlotRecord::due).thenComparing(SlotRecord::slot));
            for (SlotRecord slot : slots) {
                if (running.containsKey(key(slot))) {
                    continue;
                }
                if (slot.state() == SlotState.QUEUED) {
                    queue(name).add(slot);
                } else if (slot.state() == SlotState.RUNNING || slot.state() == SlotState.INTERRUPTED) {
                    interrupted(declared, slot);
                }
            }
        }
    }

    private void interrupted(ScheduledPipelineFile declared, SlotRecord slot) {
        ScheduleDeclaration schedule = declared.schedule();
        SlotRecord marked = slot.with(SlotState.INTERRUPTED, slot.runId(), slot.attempt(), instanceId(),
                clock.instant());
        if (schedule.onInterrupt() == InterruptPolicy.FAIL) {
            store.update(marked);
            LOG.warn("Pipeline '{}' slot {} (run {}) was interrupted; on_interrupt is fail, so it stays interrupted",
                    slot.pipeline(), slot.slot(), slot.runId());
        } else if (slot.attempt() >= schedule.maxAttempts()) {
            store.update(marked.with(SlotState.FAILED, slot.runId(), slot.attempt(), instanceId(), clock.instant()));
            LOG.warn("Pipeline '{}' slot {} was interrupted after {} attempts (max_attempts {}); marked failed",
                    slot.pipeline(), slot.slot(), slot.attempt(), schedule.maxAttempts());
        } else {
            SlotRecord again = marked.with(SlotState.QUEUED, slot.runId(), slot.attempt(), instanceId(),
                    clock.instant());
            store.update(again);
            queue(slot.pipeline()).addFirst(again);
            LOG.info("Pipeline '{}' slot {} (run {}) was interrupted; it will {} (attempt {} of {})",
                    slot.pipeline(), slot.slot(), slot.runId(),
                    schedule.onInterrupt() == InterruptPolicy.RESUME ? "resume" : "run again", slot.attempt() + 1,
                    schedule.maxAttempts());
        }
    }

    private void fire(ScheduledPipelineFile declared, Instant now) {
        String name = declared.pipeline().name();
        ScheduleDeclaration schedule = declared.schedule();
        boolean paused = store.isPaused(name);
        if (schedule.timing().isPresent() && !paused) {
            Optional<Instant> cursor = store.cursor(name);
            if (cursor.isEmpty()) {
                store.cursor(name, now); // a new pipeline starts from now, it does not back-fill
            } else if (now.isAfter(cursor.get())) {
                for (Instant due : chosen(schedule, schedule.timing().get(), cursor.get(), now, name)) {
                    offer(declared, due.toString(), due);
                }
                store.cursor(name, now);
            }
        }
        if (schedule.inbox().isPresent() && !paused) {
            for (Path file : inboxFiles(schedule.inbox().get())) {
                String slot = "inbox:" + file.getFileName();
                if (store.slot(name, slot).isEmpty()) {
                    offer(declared, slot, now);
                }
            }
        }
        for (String request : store.requests(name)) {
            offer(declared, "manual:" + request, now);
            store.removeRequest(name, request);
        }
    }

    private List<Instant> chosen(ScheduleDeclaration declared, Schedule schedule, Instant cursor, Instant now,
                                 String name) {
        List<Instant> due = new ArrayList<>();
        Optional<Instant> next = schedule.nextAfter(cursor);
        while (next.isPresent() && !next.get().isAfter(now)) {
            due.add(next.get());
            if (due.size() > MOST_SLOTS_PER_TICK) {
                due.remove(0);
            }
            next = schedule.nextAfter(next.get());
        }
        if (due.isEmpty()) {
            return due;
        }
        Instant latest = due.get(due.size() - 1);
        List<Instant> onTime = due.stream().filter(t -> Duration.between(t, now).compareTo(grace) <= 0).toList();
        List<Instant> runs = switch (declared.catchUp()) {
            case ALL -> due;
            case LATEST -> List.of(latest);
            case NONE -> onTime;
        };
        if (runs.size() < due.size()) {
            LOG.info("Pipeline '{}' missed {} fire times from {} to {}; catchup {} runs {}", name,
                    due.size() - runs.size(), due.get(0), latest, declared.catchUp().name().toLowerCase(java.util.Locale.ROOT),
                    runs.isEmpty() ? "none of them" : runs);
        }
        return runs;
    }

    private static List<Path> inboxFiles(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString();
                return !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox + ": " + e.getMessage(), e);
        }
    }

    private void offer(ScheduledPipelineFile declared, String slotKey, Instant due) {
        String name = declared.pipeline().name();
        boolean busy = runningCount(name) > 0 || !queue(name).isEmpty();
        OverlapPolicy overlap = declared.schedule().overlap();
        SlotState state = busy && overlap == OverlapPolicy.SKIP ? SlotState.SKIPPED : SlotState.QUEUED;
        SlotRecord slot = new SlotRecord(name, slotKey, due, state, "", 0, instanceId(), clock.instant());
        if (!store.claim(slot)) {
            LOG.debug("Pipeline '{}' slot {} was claimed before; not running it again", name, slotKey);
            return;
        }
        if (state == SlotState.SKIPPED) {
            LOG.info("Pipeline '{}' is still running; skipping slot {} (overlap skip)", name, slotKey);
        } else {
            queue(name).add(slot);
        }
    }

    private void startQueued(ScheduledPipelineFile declared) {
        String name = declared.pipeline().name();
        Deque<SlotRecord> waiting = queue(name);
        boolean allow = declared.schedule().overlap() == OverlapPolicy.ALLOW;
        while (!waiting.isEmpty() && (allow || runningCount(name) == 0)) {
            start(declared, waiting.poll());
        }
    }

    private void start(ScheduledPipelineFile declared, SlotRecord slot) {
        int attempt = slot.attempt() + 1;
        PipelineRunner.Builder builder = PipelineRunner.builder().executor(workers).clock(clock)
                .listener(store.history());
        listeners.forEach(builder::listener);
        Path outputs = store.outputsOf(slot.pipeline(), slot.slot());
        if (declared.schedule().onInterrupt() == InterruptPolicy.RESUME) {
            builder.outputStore(StepOutputStore.inFolder(outputs));
        } else {
            deleteTree(outputs);
        }
        PipelineRunner runner = builder.build();
        PipelineExecution execution = runner.start(declared.pipeline());
        SlotRecord started = slot.with(SlotState.RUNNING, execution.runId(), attempt, instanceId(), clock.instant());
        store.update(started);
        running.put(key(started), new Running(started, execution, runner));
        LOG.info("Started pipeline '{}' slot {} as run {} (attempt {})", slot.pipeline(), slot.slot(),
                execution.runId(), attempt);
        execution.completion().whenComplete((run, failure) -> ended(declared, started, run));
    }

    private synchronized void ended(ScheduledPipelineFile declared, SlotRecord started, PipelineRun run) {
        Running mine = running.get(key(started));
        if (mine == null || !mine.slot().runId().equals(started.runId())) {
            return; // stopped by close(), which recorded the slot
        }
        running.remove(key(started));
        mine.runner().close();
        Optional<SlotRecord> current = store.slot(started.pipeline(), started.slot());
        if (current.isPresent() && (!current.get().owner().equals(instanceId())
                || current.get().attempt() != started.attempt())) {
            LOG.warn("Pipeline '{}' slot {} run {} ended, but another scheduler ({}) took the slot over; leaving its "
                    + "record", started.pipeline(), started.slot(), started.runId(), current.get().owner());
        } else {
            SlotState state = run != null && run.state() == PipelineState.SUCCEEDED ? SlotState.SUCCEEDED
                    : SlotState.FAILED;
            store.update(started.with(state, started.runId(), started.attempt(), instanceId(), clock.instant()));
            deleteTree(store.outputsOf(started.pipeline(), started.slot()));
            LOG.info("Pipeline '{}' slot {} run {} ended: {}", started.pipeline(), started.slot(), started.runId(),
                    state);
        }
        if (!closed && holding) {
            ScheduledPipelineFile latest = folder.pipelines().getOrDefault(declared.pipeline().name(), declared);
            startQueued(latest);
        }
        notifyAll();
    }

    private int runningCount(String pipeline) {
        int count = 0;
        for (Running run : running.values()) {
            if (run.slot().pipeline().equals(pipeline)) {
                count++;
            }
        }
        return count;
    }

    private Deque<SlotRecord> queue(String pipeline) {
        return queued.computeIfAbsent(pipeline, p -> new ArrayDeque<>());
    }

    private static String key(SlotRecord slot) {
        return slot.pipeline() + "\n" + slot.slot();
    }

    /**
     * @return the loaded pipelines with their state, in file-name order
     */
    public synchronized List<PipelineStatus> status() {
        Instant now = clock.instant();
        return folder.pipelines().values().stream().map(p -> PipelineStatus.of(p, store, now)).toList();
    }

    /** @return the pipeline files that could not be loaded, with their errors */
    public synchronized Map<Path, String> loadErrors() {
        return folder.errors();
    }

    /**
     * Waits until no run of this scheduler goes on and none is queued, for tests and hosts that drain.
     *
     * @param timeout the longest wait
     * @return whether it became idle in time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty() || queued.values().stream().anyMatch(q -> !q.isEmpty())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * Stops gracefully: no more ticks, waits up to the close timeout (30 seconds unless set) for running pipelines,
     * then cancels those left and marks their slots {@link SlotState#INTERRUPTED} (the next scheduler handles them by
     * their {@code on_interrupt} policy); queued slots stay queued in the store; the lease is given up.
     */
    @Override
    public void close() {
        List<Running> leftOver = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (ticker != null) {
                ticker.shutdownNow();
            }
            long deadline = System.nanoTime() + closeTimeout.toNanos();
            boolean interrupted = false;
            while (!running.isEmpty() && !interrupted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                    Thread.currentThread().interrupt();
                }
            }
            for (Running run : running.values()) {
                leftOver.add(run);
                if (holding) {
                    store.update(run.slot().with(SlotState.INTERRUPTED, run.slot().runId(), run.slot().attempt(),
                            instanceId(), clock.instant()));
                }
            }
            running.clear();
            if (holding) {
                lease.release();
                holding = false;
            }
        }
        for (Running run : leftOver) {
            LOG.warn("Stopping pipeline '{}' run {} of slot {}: it did not end within the close timeout; its slot is "
                    + "marked interrupted", run.slot().pipeline(), run.slot().runId(), run.slot().slot());
            run.execution().cancel();
            run.runner().close();
        }
        workers.shutdownNow();
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete the kept step outputs {}: {}", folder, e.getMessage());
        }
    }

    /** Options for a {@link SchedulerService}; not thread-safe. */
    public static final class Builder {
        private final Path pipelines;
        private final ProviderSet<PipelineStepProvider> providers;
        private Path state;
        private Clock clock = Clock.systemUTC();
        private Duration leaseTime = Duration.ofSeconds(30);
        private Duration grace = Duration.ofMinutes(1);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private String instanceId = ProcessHandle.current().pid() + "@" + hostName() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        private final List<PipelineListener> listeners = new ArrayList<>();

        private Builder(Path pipelines, ProviderSet<PipelineStepProvider> providers) {
            this.pipelines = Objects.requireNonNull(pipelines, "pipelines").toAbsolutePath().normalize();
            this.providers = Objects.requireNonNull(providers, "providers");
        }

        /**
         * @param folder where the scheduler keeps its state (slots, cursors, lease, history); by default
         *               {@code <pipelines>/.mlops-scheduler}. Schedulers and commands on one folder share it.
         * @return this builder
         */
        public Builder stateFolder(Path folder) {
            this.state = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /**
         * @param time where every time comes from (a controllable clock in tests)
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * @param ttl how long the lease lasts without renewal (30 seconds unless set); longer than the poll interval
         * @return this builder
         */
        public Builder leaseTime(Duration ttl) {
            this.leaseTime = positive(ttl, "leaseTime");
            return this;
        }

        /**
         * @param lateness how late a fire time may be seen and still count as on time rather than missed (one
         *                 minute unless set)
         * @return this builder
         */
        public Builder grace(Duration lateness) {
            if (lateness.isNegative()) {
                throw new IllegalArgumentException("grace must not be negative, was " + lateness);
            }
            this.grace = lateness;
            return this;
        }

        /**
         * @param interval how often {@link #start()} ticks, in real time (one second unless set)
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        /**
         * @param timeout how long {@link #close()} waits for running pipelines (30 seconds unless set)
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative, was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /**
         * @param count how many steps of all pipelines run at once, at least 1
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
         * @param id this instance's id in the lease and the slots (the process id, host and a random part unless set)
         * @return this builder
         */
        public Builder instanceId(String id) {
            this.instanceId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param listener hears every run the scheduler starts (such as a tracking listener), besides its history
         * @return this builder
         */
        public Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the scheduler; it does nothing until {@link #tick()} or {@link #start()} */
        public SchedulerService build() {
            return new SchedulerService(this);
        }

        private static Duration positive(Duration value, String what) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + value);
            }
            return value;
        }

        private static String hostName() {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            int at = name.indexOf('@');
            return at >= 0 ? name.substring(at + 1) : "localhost";
        }
    }
}
