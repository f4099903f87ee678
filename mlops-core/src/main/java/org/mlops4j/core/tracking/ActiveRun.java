package org.mlops4j.core.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run that is being logged to. Get one from {@link TrackingClient#startRun(Experiment, String)}; it ends with
 * {@link #end()} (FINISHED), {@link #end(RunStatus)} or {@link #close()}. In a try-with-resources block, end it as the
 * block's last statement: leaving the block any other way, by an exception or an early {@code return}, ends it
 * {@link RunStatus#FAILED}.
 *
 * <pre>{@code
 * try (ActiveRun run = tracking.startRun(experiment, "baseline")) {
 *     run.logParam("model", "logistic");
 *     run.logMetric("auc", 0.87);
 *     run.end();                                // FINISHED; had anything above thrown, the run would be FAILED
 * }
 * }</pre>
 *
 * <p>Java does not show {@code close()} whether the block threw, so the run cannot tell a failed block from one that
 * forgot to end it; it takes the safe reading, like a transaction that was not committed. Where the work fits in a
 * lambda, {@link #execute(RunBody)}, {@link TrackingClient#run(String, String, RunBody)} and
 * {@link #childRun(String, RunBody)} end the run FINISHED or FAILED by themselves and rethrow.
 *
 * <p>Thread-safe: several threads may log to the same run.
 */
public final class ActiveRun implements AutoCloseable {

    /** The {@link SystemTags#END_REASON} of a run closed before it was ended. */
    public static final String CLOSED_BEFORE_END = "closed before end(): the block threw or left early";

    private static final Logger LOG = LoggerFactory.getLogger(ActiveRun.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndRegisterModules();

    private final TrackingClient client;
    private final TrackingStore store;
    private final RunInfo started;
    private volatile boolean ended;

    ActiveRun(TrackingClient client, RunInfo started) {
        this.client = client;
        this.store = client.store();
        this.started = started;
    }

    /** @return the run's id */
    public String id() {
        return started.runId();
    }

    /** @return the run's experiment id */
    public String experimentId() {
        return started.experimentId();
    }

    /** @return the run's name when it was started */
    public String name() {
        return started.runName();
    }

    /** @return the run's info when it was started */
    public RunInfo startInfo() {
        return started;
    }

    /** @return the run as it is in the store now */
    public Run read() {
        return store.getRun(id()).orElseThrow(() -> new TrackingNotFoundException("Run " + id()
                + " is no longer in the store at " + store.location()));
    }

    /**
     * @param key   the param key
     * @param value its value, as text
     * @throws InvalidTrackingInputException when the param was logged before with another value
     */
    public void logParam(String key, String value) {
        store.logBatch(id(), List.of(), List.of(new Param(key, value)), List.of());
    }

    /**
     * @param params params by key; values are turned into text with {@link String#valueOf(Object)}
     */
    public void logParams(Map<String, ?> params) {
        List<Param> list = params.entrySet().stream()
                .map(e -> new Param(e.getKey(), String.valueOf(e.getValue()))).toList();
        logBatch(List.of(), list, List.of());
    }

    /**
     * Logs a value measured now, at step 0.
     *
     * @param key   the metric key
     * @param value the value (NaN and the infinities are kept)
     */
    public void logMetric(String key, double value) {
        logMetric(key, value, 0);
    }

    /**
     * @param key   the metric key
     * @param value the value (NaN and the infinities are kept)
     * @param step  the step or epoch
     */
    public void logMetric(String key, double value, long step) {
        store.logBatch(id(), List.of(Metric.now(key, value, step)), List.of(), List.of());
    }

    /**
     * Logs several metrics measured now, in one batch.
     *
     * @param metrics values by key
     * @param step    the step or epoch
     */
    public void logMetrics(Map<String, Double> metrics, long step) {
        long now = System.currentTimeMillis();
        logBatch(metrics.entrySet().stream().map(e -> new Metric(e.getKey(), e.getValue(), now, step)).toList(),
                List.of(), List.of());
    }

    /**
     * @param key   the tag key
     * @param value its value (replaces an existing one); setting {@link SystemTags#RUN_NAME} renames the run
     */
    public void setTag(String key, String value) {
        store.logBatch(id(), List.of(), List.of(), List.of(new RunTag(key, value)));
    }

    /**
     * @param tags tags by key
     */
    public void setTags(Map<String, String> tags) {
        logBatch(List.of(), List.of(), tags.entrySet().stream().map(e -> new RunTag(e.getKey(), e.getValue()))
                .toList());
    }

    /**
     * @param key the tag to remove
     * @throws TrackingNotFoundException when the run has no such tag
     */
    public void deleteTag(String key) {
        store.deleteTag(id(), key);
    }

    /**
     * Logs metrics, params and tags together. Lists larger than a store's batch limits are split into several
     * batches, in order.
     *
     * @param metrics metric values
     * @param params  params
     * @param tags    tags
     */
    public void logBatch(List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        int m = 0;
        int p = 0;
        int t = 0;
        do {
            int pCount = Math.min(params.size() - p, TrackingLimits.MAX_PARAMS_PER_BATCH);
            int tCount = Math.min(tags.size() - t, TrackingLimits.MAX_TAGS_PER_BATCH);
            int mCount = Math.min(metrics.size() - m, TrackingLimits.MAX_ENTITIES_PER_BATCH - pCount - tCount);
            store.logBatch(id(), metrics.subList(m, m + mCount), params.subList(p, p + pCount),
                    tags.subList(t, t + tCount));
            m += mCount;
            p += pCount;
            t += tCount;
        } while (m < metrics.size() || p < params.size() || t < tags.size());
    }

    /**
     * Stores a local file, or a folder with everything in it, as artifacts of the run.
     *
     * @param local a file or folder
     */
    public void logArtifact(Path local) {
        logArtifact(local, "");
    }

    /**
     * Stores a local file, or a folder with everything in it, as artifacts of the run.
     *
     * @param local        a file or folder
     * @param artifactPath the folder inside the run's artifacts to put it in; empty for the root
     * @throws InvalidTrackingInputException when the folder would leave the run's artifact root
     */
    public void logArtifact(Path local, String artifactPath) {
        String folder = TrackingInputChecks.checkArtifactPath(artifactPath, true);
        String prefix = folder.isEmpty() ? "" : folder + "/";
        try {
            if (Files.isDirectory(local)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(local)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    String relative = local.relativize(file).toString().replace(file.getFileSystem()
                            .getSeparator(), "/");
                    writeFile(file, prefix + relative);
                }
            } else {
                writeFile(local, prefix + local.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + local + " to log it to run " + id(), e);
        }
    }

    private void writeFile(Path file, String artifactPath) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            store.writeArtifact(id(), artifactPath, in);
        }
    }

    /**
     * @param text         the text, stored as UTF-8
     * @param artifactFile the file's path inside the run's artifacts, such as {@code notes/summary.txt}
     */
    public void logText(String text, String artifactFile) {
        logBytes(text.getBytes(StandardCharsets.UTF_8), artifactFile);
    }

    /**
     * @param value        an object Jackson can serialise (records, maps, lists)
     * @param artifactFile the file's path inside the run's artifacts, such as {@code report.json}
     */
    public void logJson(Object value, String artifactFile) {
        try {
            logBytes(JSON.writeValueAsBytes(value), artifactFile);
        } catch (JsonProcessingException e) {
            throw new InvalidTrackingInputException("Cannot write " + value.getClass().getName() + " as JSON for "
                    + artifactFile + ": " + e.getOriginalMessage());
        }
    }

    /**
     * @param bytes        the content
     * @param artifactFile the file's path inside the run's artifacts
     */
    public void logBytes(byte[] bytes, String artifactFile) {
        store.writeArtifact(id(), artifactFile, new ByteArrayInputStream(bytes));
    }

    /**
     * Starts a run nested under this one (tag {@link SystemTags#PARENT_RUN_ID}) in the same experiment.
     *
     * @param runName the child's name; {@code null} for a generated one
     * @return the running child
     */
    public ActiveRun startChildRun(String runName) {
        return client.startRun(experimentId(), runName, Map.of(), Optional.of(id()));
    }

    /**
     * Runs work in a nested run, which ends FINISHED when the body returns and FAILED when it throws (rethrown).
     *
     * @param runName the child's name; {@code null} for a generated one
     * @param body    the work
     * @param <T>     what the work returns
     * @return what the body returned
     */
    public <T> T childRun(String runName, RunBody<T> body) {
        return startChildRun(runName).execute(body);
    }

    /**
     * Does work in this run and ends it: FINISHED when the body returns, FAILED when it throws (the exception is
     * rethrown; checked ones wrapped in {@link MlopsException}).
     *
     * @param body the work
     * @param <T>  what the work returns
     * @return what the body returned
     */
    public <T> T execute(RunBody<T> body) {
        Objects.requireNonNull(body, "body");
        T result;
        try {
            result = body.execute(this);
        } catch (RuntimeException | Error e) {
            endQuietly(RunStatus.FAILED, e);
            throw e;
        } catch (Exception e) {
            endQuietly(RunStatus.FAILED, e);
            throw new MlopsException("Run " + id() + " (" + name() + ") failed: " + e.getMessage(), e);
        }
        end(RunStatus.FINISHED);
        return result;
    }

    private void endQuietly(RunStatus status, Throwable failure) {
        try {
            end(status);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Ends the run FINISHED.
     */
    public void end() {
        end(RunStatus.FINISHED);
    }

    /**
     * Ends the run, forcing what it logged to disk. Ending it again does nothing.
     *
     * @param status FINISHED, FAILED or KILLED
     * @throws IllegalArgumentException when the status is not a terminal one
     */
    public synchronized void end(RunStatus status) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("A run ends FINISHED, FAILED or KILLED, not " + status);
        }
        if (ended) {
            return;
        }
        store.updateRun(id(), status, OptionalLong.of(System.currentTimeMillis()));
        ended = true;
    }

    /** @return whether the run was ended through this object */
    public boolean isEnded() {
        return ended;
    }

    /**
     * Ends the run {@link RunStatus#FAILED} unless it was ended before, and tags it with
     * {@link SystemTags#END_REASON} saying so: a block that closes a run it did not end either threw or left early.
     */
    @Override
    public synchronized void close() {
        if (ended) {
            return;
        }
        LOG.info("Run {} ('{}') was closed before it was ended: marking it FAILED", id(), name());
        try {
            setTag(SystemTags.END_REASON, CLOSED_BEFORE_END);
        } finally {
            end(RunStatus.FAILED);
        }
    }

    @Override
    public String toString() {
        return "ActiveRun[" + id() + " '" + name() + "' in experiment " + experimentId() + "]";
    }
}
