package org.mlops4j.serving.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mlops4j.core.monitor.ServedBatch;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.models.ServedBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures a sample of the scored requests into the {@link ServingLog}, off the request path: a request thread only
 * draws whether its request is in the sample and offers it to a bounded queue, which never blocks; when the queue is
 * full the request is dropped and counted ({@link #dropped()}). One writer thread turns each captured request into a
 * {@link ServedBatch} (the scored rows' input columns, each row's label and the positive class's probability, the
 * request's imputation counts) and appends it, so that the monitoring pipeline reads online traffic exactly as it
 * reads a batch pipeline's log.
 *
 * <p>The sample is drawn per request: a request is captured whole, with all its scored rows, with probability
 * {@code sampleRate}. Rows that failed the input check are not captured (they were never scored). Each captured
 * request is its own line group under a batch id: the one given, else the UTC day it was scored ({@code 2026-12-07}),
 * so that a day is a monitoring window.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class ServingLogCapture implements ScoringObserver, AutoCloseable {

    /** Requests that may wait for the writer unless told otherwise: {@value}. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ServingLogCapture.class);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

    private final ServingLog log;
    private final double sampleRate;
    private final Optional<String> batchId;
    private final Clock clock;
    private final BlockingQueue<Capture> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong capturedRequests = new AtomicLong();
    private final AtomicLong capturedRows = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    private record Capture(ServedModel model, ScoredRequest scored, Instant at) {
    }

    /**
     * Starts the writer thread.
     *
     * @param log           where captured requests go
     * @param sampleRate    the share of requests captured, in [0, 1]
     * @param queueCapacity how many captured requests may wait for the writer, at least 1
     * @param batchId       the batch id of every captured request; empty for the UTC day it was scored
     * @param clock         stamps each request
     * @throws IllegalArgumentException when the rate or the capacity is out of range
     */
    public ServingLogCapture(ServingLog log, double sampleRate, int queueCapacity, Optional<String> batchId,
            Clock clock) {
        if (!(sampleRate >= 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("The serving log's sample rate must be in [0, 1], was " + sampleRate);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("The serving log's queue needs room for at least 1 request, was "
                    + queueCapacity);
        }
        this.log = Objects.requireNonNull(log, "log");
        this.sampleRate = sampleRate;
        this.batchId = Objects.requireNonNull(batchId, "batchId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = new Thread(this::writeUntilClosed, "mlops-serving-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** @return the serving log written to */
    public ServingLog log() {
        return log;
    }

    @Override
    public void scored(ServedModel model, ScoredRequest scored, long nanos) {
        if (closing || scored.input().table().rowCount() == 0
                || (sampleRate < 1 && ThreadLocalRandom.current().nextDouble() >= sampleRate)) {
            return;
        }
        if (!queue.offer(new Capture(model, scored, clock.instant()))) {
            long drops = dropped.incrementAndGet();
            if (Long.bitCount(drops) == 1) { // 1, 2, 4, 8 ...: a busy writer does not flood the log
                LOG.warn("The serving log {} cannot keep up: {} sampled requests dropped so far (queue of {} full)",
                        log.file(), drops, queue.remainingCapacity() + queue.size());
            }
        }
    }

    @Override
    public void rejected(String kind, long nanos) {
        // A request rejected as a whole was not scored: nothing to capture.
    }

    /** @return how many sampled requests were dropped because the queue was full */
    public long dropped() {
        return dropped.get();
    }

    /** @return how many requests were written to the log */
    public long capturedRequests() {
        return capturedRequests.get();
    }

    /** @return how many rows were written to the log */
    public long capturedRows() {
        return capturedRows.get();
    }

    /** @return how many captured requests could not be written (each is logged) */
    public long failedWrites() {
        return failedWrites.get();
    }

    private void writeUntilClosed() {
        while (!closing || !queue.isEmpty()) {
            Capture capture;
            try {
                capture = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (capture != null) {
                write(capture);
            }
        }
    }

    private void write(Capture capture) {
        ServedModel model = capture.model();
        try {
            ServedBatch batch = ServedBatches.of(batchId.orElseGet(() -> capture.at().atZone(ZoneOffset.UTC)
                            .toLocalDate().toString()), model.version().name(), model.version().version(),
                    capture.at(), capture.scored().input().table(), model.inputColumns(),
                    capture.scored().predictions(), positiveLabel(model));
            log.append(batch, 1.0, 0L);
            capturedRequests.incrementAndGet();
            capturedRows.addAndGet(batch.rows().size());
        } catch (RuntimeException e) {
            failedWrites.incrementAndGet();
            LOG.warn("Cannot write a scored request to the serving log {}: {}", log.file(), e.toString());
        }
    }

    /** @return the class whose probability the log keeps as the score: the model's positive class, else its last */
    private static String positiveLabel(ServedModel model) {
        List<String> classes = model.model().classLabels();
        return model.model().positiveLabel().orElse(classes.isEmpty() ? "" : classes.get(classes.size() - 1));
    }

    /**
     * Stops taking requests and writes those still queued (for up to 10 s); calling it again does nothing.
     */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(DRAIN_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("The serving log {} still had {} requests to write after {}; they are lost", log.file(),
                    queue.size(), DRAIN_LIMIT);
            writer.interrupt();
        }
    }
}
