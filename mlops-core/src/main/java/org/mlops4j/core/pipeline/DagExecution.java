package org.mlops4j.core.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.pipeline.internal.RunIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a pipeline: an event-driven state machine.
 *
 * <p>No thread is dedicated to the run. Attempts run on the executor; timeouts and retry delays are timer tasks.
 * Every change of the run's state happens under this object's lock, where steps whose upstream steps have all
 * finished are evaluated from a work queue (no recursion, so long chains are fine). Loading and saving stored
 * outputs, and the step code itself, run outside the lock on worker threads. Each attempt is settled exactly once,
 * by whichever comes first: its completion, its timeout, or cancellation.
 */
final class DagExecution implements PipelineExecution {

    private static final Logger LOG = LoggerFactory.getLogger(DagExecution.class);

    /** The per-run machinery a runner lends to an execution. */
    public record Services(ExecutorService executor, ScheduledExecutorService timer, Optional<StepOutputStore> store,
                           List<PipelineListener> listeners, RandomGenerator random, Clock clock) {
    }

    /** One attempt of one step. */
    private static final class Attempt {
        final int number;
        final AtomicBoolean settled = new AtomicBoolean();
        volatile boolean timedOut;
        volatile Future<?> future;
        volatile ScheduledFuture<?> timeout;

        Attempt(int number) {
            this.number = number;
        }
    }

    /** The mutable state of one step in this run; guarded by the execution's lock. */
    private static final class StepProgress {
        final Step step;
        final int index;
        int waitingFor;
        int attempts;
        Instant start;
        StepState state;
        String fingerprint = "";
        boolean restorable;
        String notChosenBy;
        Attempt current;
        ScheduledFuture<?> retry;
        final List<StepError> errors = new ArrayList<>();
        final List<LogLine> logLines = Collections.synchronizedList(new ArrayList<>());

        StepProgress(Step step, int index) {
            this.step = step;
            this.index = index;
        }
    }

    private final Pipeline pipeline;
    private final Services services;
    private final String runId;
    private final Instant start;
    private final StepProgress[] steps;
    private final int[][] upstream;
    private final int[][] downstream;
    private final StepRun[] records;
    private final Map<String, Object> outputs = new HashMap<>();
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final Deque<StepProgress> toEvaluate = new ArrayDeque<>();
    private final CompletableFuture<PipelineRun> done = new CompletableFuture<>();
    private volatile boolean cancelled;
    private int remaining;
    private PipelineRun finished;

    /**
     * @param pipeline the pipeline to run
     * @param services the runner's executor, timer, store, listeners, randomness and clock
     */
    public DagExecution(Pipeline pipeline, Services services) {
        this.pipeline = pipeline;
        this.services = services;
        this.start = services.clock().instant();
        this.runId = RunIds.next(start);
        List<Step> ordered = pipeline.steps();
        int n = ordered.size();
        this.steps = new StepProgress[n];
        this.upstream = new int[n][];
        this.downstream = new int[n][];
        this.records = new StepRun[n];
        Map<String, Integer> index = indexByName;
        for (int i = 0; i < n; i++) {
            steps[i] = new StepProgress(ordered.get(i), i);
            index.put(ordered.get(i).name(), i);
        }
        for (int i = 0; i < n; i++) {
            String name = ordered.get(i).name();
            upstream[i] = pipeline.upstreamOf(name).stream().mapToInt(index::get).toArray();
            downstream[i] = pipeline.downstreamOf(name).stream().mapToInt(index::get).toArray();
            steps[i].waitingFor = upstream[i].length;
        }
        this.remaining = n;
    }

    /** Starts the run: evaluates the root steps. Called once, by the runner. */
    public void begin() {
        synchronized (this) {
            notifyListeners(l -> l.onPipelineStart(runId, pipeline.name(), start));
            for (StepProgress step : steps) {
                if (step.waitingFor == 0) {
                    toEvaluate.add(step);
                }
            }
            drain();
        }
        publishIfFinished();
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String pipelineName() {
        return pipeline.name();
    }

    @Override
    public void cancel() {
        synchronized (this) {
            if (finished != null) {
                return;
            }
            cancelled = true;
            for (StepProgress step : steps) {
                if (step.state != null) {
                    continue;
                }
                if (step.retry != null) {
                    step.retry.cancel(false);
                }
                Attempt attempt = step.current;
                if (attempt != null && attempt.settled.compareAndSet(false, true)) {
                    cancelTimers(attempt);
                    Future<?> future = attempt.future;
                    if (future != null) {
                        future.cancel(true);
                    }
                }
                finish(step, StepState.CANCELLED, "the pipeline run was cancelled");
            }
            drain();
        }
        publishIfFinished();
    }

    @Override
    public boolean isDone() {
        return done.isDone();
    }

    @Override
    public PipelineRun await() {
        try {
            return done.get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            return done.join();
        } catch (ExecutionException e) {
            throw new MlopsException("Pipeline run " + runId + " failed inside the runner: " + e.getCause(), e);
        }
    }

    @Override
    public Optional<PipelineRun> await(Duration timeout) {
        try {
            return Optional.of(done.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new MlopsException("Pipeline run " + runId + " failed inside the runner: " + e.getCause(), e);
        }
    }

    @Override
    public CompletableFuture<PipelineRun> completion() {
        return done.copy();
    }

    // ---- evaluation (under the lock) ----

    private void drain() {
        StepProgress step;
        while ((step = toEvaluate.poll()) != null) {
            if (step.state == null) {
                evaluate(step);
            }
        }
    }

    private void evaluate(StepProgress step) {
        if (cancelled) {
            finish(step, StepState.CANCELLED, "the pipeline run was cancelled");
            return;
        }
        if (step.notChosenBy != null) {
            finish(step, StepState.SKIPPED, "not chosen by branch step '" + step.notChosenBy + "'");
            return;
        }
        int succeeded = 0;
        int failed = 0;
        int skipped = 0;
        for (int u : upstream[step.index]) {
            StepState state = steps[u].state;
            if (state == StepState.SUCCEEDED) {
                succeeded++;
            } else if (state.isFailure() || state == StepState.CANCELLED) {
                failed++;
            } else {
                skipped++;
            }
        }
        int all = upstream[step.index].length;
        String verdict = all == 0 ? null : applyRule(step.step.triggerRule(), succeeded, failed, skipped, all);
        if (verdict != null) {
            StepState state = verdict.startsWith("upstream") ? StepState.UPSTREAM_FAILED : StepState.SKIPPED;
            finish(step, state, verdict + " (trigger rule " + step.step.triggerRule().key() + ")");
            return;
        }
        step.restorable = succeeded == all;
        if (services.store().isPresent()) {
            step.fingerprint = fingerprint(step);
        }
        launch(step);
    }

    /** @return null to run the step, else why not: starting with "upstream" for UPSTREAM_FAILED, else skipped */
    private static String applyRule(TriggerRule rule, int succeeded, int failed, int skipped, int all) {
        switch (rule) {
            case ALL_SUCCESS:
                if (succeeded == all) {
                    return null;
                }
                return failed > 0 ? "upstream step failed" : "skipped because an upstream step was skipped";
            case ALL_DONE:
                return null;
            case ONE_FAILED:
                return failed > 0 ? null : "skipped because no upstream step failed";
            case ONE_SUCCESS:
                if (succeeded > 0) {
                    return null;
                }
                return failed > 0 ? "upstream steps failed and none succeeded"
                        : "skipped because no upstream step succeeded";
            case NONE_FAILED:
                return failed == 0 ? null : "upstream step failed";
            default:
                throw new IllegalStateException("unknown trigger rule " + rule);
        }
    }

    private String fingerprint(StepProgress step) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String input : step.step.inputs()) {
            String producer = pipeline.producerOf(input).orElseThrow();
            inputs.put(input, stepNamed(producer).fingerprint);
        }
        Map<String, String> after = new LinkedHashMap<>();
        for (String name : step.step.after()) {
            after.put(name, stepNamed(name).fingerprint);
        }
        return Fingerprints.of(step.step, inputs, after);
    }

    private StepProgress stepNamed(String name) {
        return steps[indexByName.get(name)];
    }

    private void launch(StepProgress step) {
        Attempt attempt = new Attempt(++step.attempts);
        step.current = attempt;
        step.retry = null;
        Map<String, Object> inputs = new HashMap<>();
        for (String input : step.step.inputs()) {
            Object value = outputs.get(input);
            if (value != null) {
                inputs.put(input, value);
            }
        }
        try {
            attempt.future = services.executor().submit(() -> runAttempt(step, attempt, inputs));
        } catch (RejectedExecutionException e) {
            attempt.settled.set(true);
            step.errors.add(StepError.of(attempt.number, e));
            finish(step, StepState.FAILED, "the runner's executor refused the step (is it shut down?)");
        }
    }

    // ---- one attempt (on a worker thread, outside the lock) ----

    private void runAttempt(StepProgress step, Attempt attempt, Map<String, Object> inputs) {
        if (attempt.settled.get()) {
            return;
        }
        Step definition = step.step;
        boolean storing = services.store().isPresent() && definition.persistOutputs() && step.restorable;
        try {
            if (storing && attempt.number == 1) {
                Optional<StepResult> stored = loadStored(step);
                if (stored.isPresent()) {
                    settle(step, attempt, stored.get(), null, true);
                    return;
                }
            }
            synchronized (this) {
                if (attempt.settled.get()) {
                    return;
                }
                Instant now = services.clock().instant();
                if (step.start == null) {
                    step.start = now;
                }
                notifyListeners(l -> l.onStepStart(runId, definition.name(), attempt.number, now));
            }
            definition.timeout().ifPresent(limit -> attempt.timeout = services.timer().schedule(
                    () -> timeOut(step, attempt, limit), limit.toNanos(), TimeUnit.NANOSECONDS));
            AttemptContext context = new AttemptContext(pipeline.name(), runId, definition.name(), attempt.number,
                    definition.inputs(), inputs, definition.parameters(),
                    new RecordingStepLog(pipeline.name(), runId, definition.name(), attempt.number, step.logLines,
                            services.clock()),
                    () -> cancelled || attempt.timedOut);
            StepResult result = definition.action().run(context);
            checkResult(definition, result);
            if (storing && !attempt.settled.get()) {
                services.store().get().save(pipeline.name(), definition.name(), step.fingerprint, result);
            }
            settle(step, attempt, result, null, false);
        } catch (Throwable failure) {
            settle(step, attempt, null, failure, false);
            if (failure instanceof VirtualMachineError error) {
                throw error;
            }
        } finally {
            cancelTimers(attempt);
        }
    }

    private Optional<StepResult> loadStored(StepProgress step) {
        try {
            return services.store().get().load(pipeline.name(), step.step.name(), step.fingerprint);
        } catch (RuntimeException e) {
            LOG.warn("Pipeline '{}' run {}: cannot restore the stored outputs of step '{}', running it again: {}",
                    pipeline.name(), runId, step.step.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private void checkResult(Step definition, StepResult result) {
        if (result == null) {
            throw new MlopsException("Step '" + definition.name() + "' returned null; return StepResult.empty() "
                    + "when it has no outputs");
        }
        Set<String> returned = result.outputs().keySet();
        if (!returned.equals(Set.copyOf(definition.outputs()))) {
            throw new MlopsException("Step '" + definition.name() + "' declares outputs " + definition.outputs()
                    + " but returned " + returned + "; a step returns exactly the outputs it declares");
        }
        if (result.chosenBranches().isPresent()) {
            List<String> next = pipeline.downstreamOf(definition.name());
            for (String chosen : result.chosenBranches().get()) {
                if (!next.contains(chosen)) {
                    throw new MlopsException("Step '" + definition.name() + "' chose branch '" + chosen
                            + "', which is not one of its downstream steps " + next);
                }
            }
        }
    }

    private void timeOut(StepProgress step, Attempt attempt, Duration limit) {
        if (!attempt.settled.compareAndSet(false, true)) {
            return;
        }
        attempt.timedOut = true;
        Future<?> future = attempt.future;
        if (future != null) {
            future.cancel(true);
        }
        synchronized (this) {
            if (step.state == null) {
                step.errors.add(new StepError(attempt.number, "timeout", "Step '" + step.step.name() + "' attempt "
                        + attempt.number + " did not finish within " + limit + "; its thread was interrupted and the"
                        + " attempt abandoned", ""));
                retryOrFinish(step, attempt, StepState.TIMED_OUT);
                drain();
            }
        }
        publishIfFinished();
    }

    /** Records the outcome of an attempt unless a timeout or cancellation settled it first. */
    private void settle(StepProgress step, Attempt attempt, StepResult result, Throwable failure, boolean restored) {
        if (!attempt.settled.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (step.state == null) {
                if (failure == null) {
                    succeed(step, result, restored);
                } else {
                    step.errors.add(StepError.of(attempt.number, failure));
                    retryOrFinish(step, attempt, StepState.FAILED);
                }
                drain();
            }
        }
        publishIfFinished();
    }

    // ---- state changes (under the lock) ----

    private void succeed(StepProgress step, StepResult result, boolean restored) {
        outputs.putAll(result.outputs());
        result.chosenBranches().ifPresent(chosen -> {
            for (int d : downstream[step.index]) {
                if (!chosen.contains(steps[d].step.name()) && steps[d].notChosenBy == null) {
                    steps[d].notChosenBy = step.step.name();
                }
            }
        });
        if (restored) {
            step.attempts = 0;
        }
        finish(step, StepState.SUCCEEDED, restored ? "outputs restored from the output store" : "", restored);
    }

    private void retryOrFinish(StepProgress step, Attempt attempt, StepState finalState) {
        StepError error = step.errors.get(step.errors.size() - 1);
        if (cancelled || attempt.number >= step.step.retryPolicy().maxAttempts()) {
            finish(step, finalState, "");
            return;
        }
        Duration delay = step.step.retryPolicy().delayAfter(attempt.number, services.random());
        step.logLines.add(new LogLine(services.clock().instant(), attempt.number, "WARN", "attempt "
                + attempt.number + " failed (" + error.message() + "); retrying in " + delay));
        LOG.info("Pipeline '{}' run {}: step '{}' attempt {} failed ({}); retrying in {}", pipeline.name(), runId,
                step.step.name(), attempt.number, error.message(), delay);
        try {
            step.retry = services.timer().schedule(() -> retryNow(step), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            finish(step, finalState, "the runner was closed before the step could be retried");
        }
    }

    private void retryNow(StepProgress step) {
        synchronized (this) {
            if (step.state == null && !cancelled) {
                launch(step);
                drain();
            }
        }
        publishIfFinished();
    }

    private void finish(StepProgress step, StepState state, String note) {
        finish(step, state, note, false);
    }

    private void finish(StepProgress step, StepState state, String note, boolean restored) {
        Instant now = services.clock().instant();
        step.state = state;
        step.current = null;
        StepRun record = new StepRun(step.step.name(), state, step.attempts, step.start != null ? step.start : now,
                now, restored, step.fingerprint, note, step.errors, List.copyOf(step.logLines));
        records[step.index] = record;
        notifyListeners(l -> l.onStepEnd(runId, record));
        for (int d : downstream[step.index]) {
            if (--steps[d].waitingFor == 0) {
                toEvaluate.add(steps[d]);
            }
        }
        if (--remaining == 0) {
            finished = buildRun(now);
            notifyListeners(l -> l.onPipelineEnd(finished));
        }
    }

    private PipelineRun buildRun(Instant end) {
        List<StepRun> all = List.of(records);
        PipelineState state;
        if (cancelled) {
            state = PipelineState.CANCELLED;
        } else if (all.stream().anyMatch(r -> r.state().isFailure())) {
            state = PipelineState.FAILED;
        } else {
            state = PipelineState.SUCCEEDED;
        }
        return new PipelineRun(runId, pipeline.name(), state, start, end, all, outputs);
    }

    private void publishIfFinished() {
        PipelineRun run;
        synchronized (this) {
            run = finished;
        }
        if (run != null && !done.isDone()) {
            done.complete(run);
        }
    }

    private static void cancelTimers(Attempt attempt) {
        ScheduledFuture<?> timeout = attempt.timeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    private void notifyListeners(java.util.function.Consumer<PipelineListener> call) {
        for (PipelineListener listener : services.listeners()) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Pipeline listener {} failed on run {} of '{}': {}", listener.getClass().getName(), runId,
                        pipeline.name(), e.toString(), e);
            }
        }
    }
}
