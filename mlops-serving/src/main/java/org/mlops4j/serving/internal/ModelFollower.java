package org.mlops4j.serving.internal;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.tracking.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the alias or stage a model server serves: every poll interval it resolves the URI again, and when it names
 * another version, loads that version on its own thread, checks that it scores a probe row (every input missing, so
 * that the whole preprocessing runs), and swaps it in atomically. Requests never wait for a load: each takes the
 * version serving when it starts. A version that does not resolve, load or score the probe leaves the old one serving
 * and is reported (logged once per version, counted in the metrics, shown by {@code /version}); the next poll tries
 * again.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class ModelFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFollower.class);

    private final ModelLoader loader;
    private final AtomicReference<ServedModel> serving;
    private final ServingMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService poller;
    private final AtomicReference<Optional<FailedLoad>> lastFailure = new AtomicReference<>(Optional.empty());

    /**
     * Starts polling.
     *
     * @param loader   resolves and loads versions
     * @param serving  the version serving, swapped here
     * @param interval how often to resolve the URI again
     * @param metrics  counts swaps and failures
     * @param clock    stamps failures
     */
    public ModelFollower(ModelLoader loader, AtomicReference<ServedModel> serving, Duration interval,
            ServingMetrics metrics, Clock clock) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.serving = Objects.requireNonNull(serving, "serving");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mlops-model-follower");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** @return the last version that failed to swap in, while the version serving is not newer than that failure */
    public Optional<FailedLoad> lastFailure() {
        return lastFailure.get();
    }

    /** Resolves the URI once and swaps in the version it names, if that is another one. */
    void poll() {
        ServedModel current = serving.get();
        int wanted = 0;
        try {
            ModelVersion version = loader.resolve();
            wanted = version.version();
            if (wanted == current.version().version()) {
                return;
            }
            ServedModel next = loader.load(version);
            try {
                probe(next);
            } catch (RuntimeException e) {
                next.retire();
                throw e;
            }
            serving.set(next);
            current.retire();
            lastFailure.set(Optional.empty());
            metrics.swapped();
            LOG.info("{} now serves version {} (was {})", loader.uri(), wanted, current.version().version());
        } catch (RuntimeException e) {
            fail(wanted, e);
        }
    }

    private static void probe(ServedModel model) {
        List<String> columns = model.inputColumns();
        JsonNode[] missing = new JsonNode[columns.size()];
        java.util.Arrays.fill(missing, NullNode.getInstance());
        ScoredRequest probe = ScoredRequest.score(model, new RequestTable(columns, List.of(RequestTable.Row.of(
                missing))));
        if (probe.failedRows() > 0) {
            throw new MlopsException("Version " + model.version().version() + " cannot score a probe row (every "
                    + "input missing): " + probe.error(0).map(RowError::message).orElse(""));
        }
    }

    private void fail(int version, RuntimeException e) {
        metrics.loadFailed();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Optional<FailedLoad> previous = lastFailure.getAndSet(Optional.of(new FailedLoad(version, message,
                clock.instant())));
        if (previous.isEmpty() || previous.get().version() != version || !previous.get().message().equals(message)) {
            LOG.warn("{} names version {}, which cannot be served; version {} keeps serving: {}", loader.uri(),
                    version == 0 ? "none" : version, serving.get().version().version(), message);
        }
    }

    /** Stops polling; a load in progress is abandoned. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
