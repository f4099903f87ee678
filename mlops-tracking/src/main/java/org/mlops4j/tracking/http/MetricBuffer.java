package org.mlops4j.tracking.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.TrackingLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metric values logged to runs of an {@code http:} store, waiting to be sent together in one {@code log-batch} of at
 * most {@value TrackingLimits#MAX_METRICS_PER_BATCH} values. A run's values are sent, in the order logged, when they
 * reach that many, when the oldest has waited the flush interval (a daemon thread looks every interval), and whenever
 * the store is asked something about the run, ends it or closes.
 *
 * <p>Values are checked before they are buffered (keys, counts), so what the server can still refuse is the run
 * itself (deleted or missing in between). A refusal while sending in the background is kept and thrown by the next
 * call about that run, naming how many values were lost. Thread-safe; a run's values are sent under its lock, so
 * they arrive in order.
 */
final class MetricBuffer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricBuffer.class);

    private final BiConsumer<String, List<Metric>> sender;
    private final long intervalNanos;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    /**
     * @param sender   sends one batch of a run's values (at most 1,000), throwing what the server refused
     * @param interval how long a value may wait
     */
    MetricBuffer(BiConsumer<String, List<Metric>> sender, Duration interval) {
        this.sender = sender;
        this.intervalNanos = interval.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mlops-http-metric-flush");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::flushDue, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Buffers a run's values; sends full batches at once.
     *
     * @param runId   the run
     * @param metrics checked values
     * @throws RuntimeException what the server refused, now or in a background send since the last call
     */
    void add(String runId, List<Metric> metrics) {
        Pending run = pending.computeIfAbsent(runId, id -> new Pending());
        synchronized (run) {
            run.throwFailure();
            if (run.metrics.isEmpty()) {
                run.since = System.nanoTime();
            }
            run.metrics.addAll(metrics);
            while (run.metrics.size() >= TrackingLimits.MAX_METRICS_PER_BATCH) {
                send(runId, run, TrackingLimits.MAX_METRICS_PER_BATCH);
            }
        }
    }

    /**
     * Sends what is buffered for a run.
     *
     * @param runId the run
     * @throws RuntimeException what the server refused, now or in a background send since the last call
     */
    void flush(String runId) {
        Pending run = pending.get(runId);
        if (run == null) {
            return;
        }
        synchronized (run) {
            run.throwFailure();
            sendAll(runId, run);
        }
    }

    /** Sends what is buffered for every run; a refusal is kept for the run's next call, not thrown here. */
    void flushAll() {
        pending.forEach((runId, run) -> {
            synchronized (run) {
                trySendAll(runId, run);
            }
        });
    }

    /** Stops the background sends and sends what is left. */
    @Override
    public void close() {
        timer.shutdownNow();
        flushAll();
    }

    private void flushDue() {
        long now = System.nanoTime();
        pending.forEach((runId, run) -> {
            synchronized (run) {
                if (!run.metrics.isEmpty() && now - run.since >= intervalNanos) {
                    trySendAll(runId, run);
                }
            }
        });
    }

    private void trySendAll(String runId, Pending run) {
        int waiting = run.metrics.size();
        try {
            sendAll(runId, run);
        } catch (RuntimeException e) {
            run.failure = e;
            LOG.warn("{} metric value(s) logged to run {} were not stored; the run's next call reports it: {}",
                    waiting, runId, e.getMessage());
        }
    }

    private void sendAll(String runId, Pending run) {
        while (!run.metrics.isEmpty()) {
            send(runId, run, Math.min(run.metrics.size(), TrackingLimits.MAX_METRICS_PER_BATCH));
        }
    }

    /** Sends the first values; when the server refuses them, the run's other waiting values are dropped too. */
    private void send(String runId, Pending run, int count) {
        List<Metric> batch = new ArrayList<>(run.metrics.subList(0, count));
        run.metrics.subList(0, count).clear();
        run.since = System.nanoTime();
        try {
            sender.accept(runId, batch);
        } catch (RuntimeException e) {
            run.metrics.clear();
            throw e;
        }
    }

    /** The values of one run that wait, and the refusal of a background send, if one failed. */
    private static final class Pending {
        private final List<Metric> metrics = new ArrayList<>();
        private long since;
        private RuntimeException failure;

        void throwFailure() {
            if (failure != null) {
                RuntimeException refused = failure;
                failure = null;
                throw refused;
            }
        }
    }
}
