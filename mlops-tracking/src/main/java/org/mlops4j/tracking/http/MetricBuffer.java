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
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingLimits;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metric values logged to runs of an {@code http:} store, waiting to be sent together in one {@code log-batch} of at
 * most {@value TrackingLimits#MAX_METRICS_PER_BATCH} values. A run's values are sent, in the order logged, when they
 * reach that many, when the oldest has waited the flush interval (a daemon thread looks every interval), and whenever
 * the store is asked something about the run, ends it or closes.
 *
 * <p>Values are checked before they are buffered (keys, counts), so what the server can still refuse is the run
 * itself (deleted or missing in between), or the server may stay unreachable. A send that fails in the background is
 * logged and reported by the next write to that run ({@link #flush(String)}, {@link #add(String, List)}), with the
 * number of values lost and the exception type of the refusal; reads send what waits but leave the report to the next
 * write. Thread-safe; a run's values are sent under its lock, so they arrive in order.
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
     * @throws RuntimeException what the server refused now, or in a background send since the run's last write (then
     *                          this call's values are not kept either)
     */
    void add(String runId, List<Metric> metrics) {
        while (true) {
            Pending run = pending.computeIfAbsent(runId, id -> new Pending());
            synchronized (run) {
                if (run.retired) {
                    continue;
                }
                run.throwFailure(runId, metrics.size());
                if (run.metrics.isEmpty()) {
                    run.since = System.nanoTime();
                }
                run.metrics.addAll(metrics);
                while (run.metrics.size() >= TrackingLimits.MAX_METRICS_PER_BATCH) {
                    send(runId, run, TrackingLimits.MAX_METRICS_PER_BATCH);
                }
                return;
            }
        }
    }

    /**
     * Sends what waits for a run, before a write to it.
     *
     * @param runId the run
     * @throws RuntimeException what the server refused now, or in a background send since the run's last write
     */
    void flush(String runId) {
        Pending run = pending.get(runId);
        if (run == null) {
            return;
        }
        synchronized (run) {
            run.throwFailure(runId, 0);
            sendAll(runId, run);
        }
    }

    /**
     * Sends what waits for a run, before a read of it; a refusal is kept for the run's next write.
     *
     * @param runId the run
     */
    void flushForRead(String runId) {
        Pending run = pending.get(runId);
        if (run != null) {
            synchronized (run) {
                trySendAll(runId, run);
            }
        }
    }

    /** Sends what waits for every run; a refusal is kept for the run's next write, not thrown here. */
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
                } else if (run.metrics.isEmpty() && run.failure == null && now - run.since >= 10 * intervalNanos) {
                    run.retired = true;  // idle: forget the run, so that a long-lived client does not grow
                    pending.remove(runId, run);
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
            run.lost += waiting;
            LOG.warn("{} metric value(s) logged to run {} were not stored; the run's next write reports it: {}",
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
        private long since = System.nanoTime();
        private RuntimeException failure;
        private int lost;
        private boolean retired;

        void throwFailure(String runId, int alsoDropped) {
            if (failure == null) {
                return;
            }
            String message = lost + " metric value(s) logged to run " + runId + " earlier were not stored"
                    + (alsoDropped > 0 ? ", nor the " + alsoDropped + " of this call" : "") + ": "
                    + failure.getMessage();
            RuntimeException cause = failure;
            failure = null;
            lost = 0;
            throw sameKind(cause, message);
        }

        private static RuntimeException sameKind(RuntimeException cause, String message) {
            if (cause instanceof TrackingNotFoundException) {
                return new TrackingNotFoundException(message);
            }
            if (cause instanceof InvalidTrackingInputException) {
                return new InvalidTrackingInputException(message);
            }
            if (cause instanceof ConfigurationException) {
                return new ConfigurationException(message, cause);
            }
            return new TrackingException(message, cause);
        }
    }
}
