package org.mlops4j.core.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.mlops4j.core.MlopsException;

/**
 * The tracking API for applications: experiments, runs, and what runs log, kept in a {@link TrackingStore}.
 *
 * <pre>{@code
 * try (TrackingClient tracking = TrackingClient.open(Mlops.create())) {        // file:./mlruns by default
 *     Experiment experiment = tracking.getOrCreateExperiment("lead-scoring");
 *     tracking.run(experiment.name(), "logistic-regression", run -> {         // FAILED if the body throws
 *         run.logParam("C", "0.5");
 *         for (int epoch = 0; epoch < 10; epoch++) {
 *             run.logMetric("loss", loss(epoch), epoch);
 *         }
 *         run.logJson(report, "report.json");
 *         return null;
 *     });
 *     RunsPage best = tracking.searchRuns(SearchRequest.builder(experiment.experimentId())
 *             .filter("metrics.auc > 0.8").orderBy("metrics.auc DESC").maxResults(5).build());
 * }
 * }</pre>
 *
 * <p>Thread-safe: several threads may log to their own runs (or the same run) through one client. The client owns
 * its store and closes it.
 */
public final class TrackingClient implements AutoCloseable {

    private final TrackingStore store;
    private final String userId;

    private TrackingClient(TrackingStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.userId = System.getProperty("user.name", "unknown");
    }

    /**
     * Opens the store at the configured tracking URI ({@code mlops.tracking.uri}, by default {@code file:./mlruns}).
     *
     * @param mlops the configuration and providers (an {@link org.mlops4j.core.runtime.Mlops})
     * @return a client that owns the store it opened
     * @throws org.mlops4j.core.ConfigurationException when no provider serves the URI's scheme
     */
    public static TrackingClient open(TrackingStoreOpener mlops) {
        return open(mlops, mlops.trackingUri());
    }

    /**
     * Opens the store at a location to read and write, creating it when the location is missing or empty.
     *
     * @param mlops    the configuration and providers (an {@link org.mlops4j.core.runtime.Mlops})
     * @param location a tracking URI such as {@code file:./mlruns} or {@code jdbc:sqlite:runs.db}
     * @return a client that owns the store it opened
     * @throws org.mlops4j.core.ConfigurationException when no provider serves the URI's scheme, or the location holds
     *                                                 something other than a store
     */
    public static TrackingClient open(TrackingStoreOpener mlops, URI location) {
        return new TrackingClient(mlops.openTrackingStore(location, StoreAccess.READ_WRITE));
    }

    /**
     * Opens the store at the configured tracking URI to read only (see {@link StoreAccess#READ_ONLY}): nothing is
     * created or changed there, and every write through the client is refused.
     *
     * @param mlops the configuration and providers (an {@link org.mlops4j.core.runtime.Mlops})
     * @return a client that owns the store it opened
     * @throws org.mlops4j.core.ConfigurationException when no provider serves the URI's scheme, or the location does
     *                                                 not exist or holds no store
     */
    public static TrackingClient openReadOnly(TrackingStoreOpener mlops) {
        return openReadOnly(mlops, mlops.trackingUri());
    }

    /**
     * Opens the store at a location to read only (see {@link StoreAccess#READ_ONLY}): nothing is created or changed
     * there, and every write through the client is refused.
     *
     * @param mlops    the configuration and providers (an {@link org.mlops4j.core.runtime.Mlops})
     * @param location a tracking URI such as {@code file:./mlruns} or {@code jdbc:sqlite:runs.db}
     * @return a client that owns the store it opened
     * @throws org.mlops4j.core.ConfigurationException when no provider serves the URI's scheme, or the location does
     *                                                 not exist or holds no store
     */
    public static TrackingClient openReadOnly(TrackingStoreOpener mlops, URI location) {
        return new TrackingClient(mlops.openTrackingStore(location, StoreAccess.READ_ONLY));
    }

    /**
     * @param store an open store, which the client will close
     * @return a client over it
     */
    public static TrackingClient of(TrackingStore store) {
        return new TrackingClient(store);
    }

    /** @return the store the client works with */
    public TrackingStore store() {
        return store;
    }

    /** @return the store's tracking URI */
    public URI location() {
        return store.location();
    }

    /**
     * @param name a unique experiment name
     * @return the new experiment
     * @throws TrackingAlreadyExistsException when the name is taken
     */
    public Experiment createExperiment(String name) {
        return store.createExperiment(name, Map.of());
    }

    /**
     * @param name a unique experiment name
     * @param tags tags to set on it
     * @return the new experiment
     * @throws TrackingAlreadyExistsException when the name is taken
     */
    public Experiment createExperiment(String name, Map<String, String> tags) {
        return store.createExperiment(name, tags);
    }

    /**
     * Returns the active experiment with the name, creating it if there is none; safe when several threads or
     * processes do it at once.
     *
     * @param name an experiment name
     * @return the experiment
     * @throws InvalidTrackingInputException when the experiment with the name is deleted (restore it first)
     */
    public Experiment getOrCreateExperiment(String name) {
        for (int attempt = 0; ; attempt++) {
            Optional<Experiment> existing = store.getExperimentByName(name);
            if (existing.isPresent()) {
                if (!existing.get().isActive()) {
                    throw new InvalidTrackingInputException("Experiment '" + name + "' (id "
                            + existing.get().experimentId() + ") is deleted. Restore it with restoreExperiment, or "
                            + "choose another name.");
                }
                return existing.get();
            }
            try {
                return store.createExperiment(name, Map.of());
            } catch (TrackingAlreadyExistsException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
    }

    /**
     * @param experimentId an experiment id
     * @return the experiment, if it exists
     */
    public Optional<Experiment> getExperiment(String experimentId) {
        return store.getExperiment(experimentId);
    }

    /**
     * @param name an experiment name
     * @return the experiment (the active one if an active and a deleted one share the name), if any
     */
    public Optional<Experiment> getExperimentByName(String name) {
        return store.getExperimentByName(name);
    }

    /** @return the active experiments */
    public List<Experiment> listExperiments() {
        return store.listExperiments(ViewType.ACTIVE_ONLY);
    }

    /**
     * @param viewType which lifecycle stages to include
     * @return the experiments
     */
    public List<Experiment> listExperiments(ViewType viewType) {
        return store.listExperiments(viewType);
    }

    /**
     * @param experimentId an experiment id
     * @param newName      the new unique name
     */
    public void renameExperiment(String experimentId, String newName) {
        store.renameExperiment(experimentId, newName);
    }

    /**
     * @param experimentId an experiment id
     * @param key          the tag key
     * @param value        the value
     */
    public void setExperimentTag(String experimentId, String key, String value) {
        store.setExperimentTag(experimentId, key, value);
    }

    /**
     * Soft-deletes an experiment and its active runs.
     *
     * @param experimentId an experiment id
     */
    public void deleteExperiment(String experimentId) {
        store.deleteExperiment(experimentId);
    }

    /**
     * Restores a soft-deleted experiment and its runs.
     *
     * @param experimentId an experiment id
     */
    public void restoreExperiment(String experimentId) {
        store.restoreExperiment(experimentId);
    }

    /**
     * Starts a run in an experiment, creating the experiment if there is none with that name.
     *
     * @param experimentName an experiment name
     * @param runName        the run's name; {@code null} for a generated one
     * @return the running run; end it with {@link ActiveRun#end()} (closing it unended marks it FAILED)
     */
    public ActiveRun startRun(String experimentName, String runName) {
        return startRun(getOrCreateExperiment(experimentName), runName, Map.of());
    }

    /**
     * @param experiment an active experiment
     * @param runName    the run's name; {@code null} for a generated one
     * @return the running run
     */
    public ActiveRun startRun(Experiment experiment, String runName) {
        return startRun(experiment, runName, Map.of());
    }

    /**
     * @param experiment an active experiment
     * @param runName    the run's name; {@code null} for a generated one
     * @param tags       tags to set on the run from the start, such as {@link SystemTags#NOTE}
     * @return the running run
     */
    public ActiveRun startRun(Experiment experiment, String runName, Map<String, String> tags) {
        return startRun(experiment.experimentId(), runName, tags, Optional.empty());
    }

    ActiveRun startRun(String experimentId, String runName, Map<String, String> tags, Optional<String> parentRunId) {
        String name = runName == null ? RunNames.generate() : runName;
        TrackingInputChecks.checkRunName(name);
        Map<String, String> all = new LinkedHashMap<>();
        all.put(SystemTags.USER, userId);
        all.put(SystemTags.SOURCE_TYPE, "LOCAL");
        sourceName().ifPresent(source -> all.put(SystemTags.SOURCE_NAME, source));
        parentRunId.ifPresent(parent -> all.put(SystemTags.PARENT_RUN_ID, parent));
        all.putAll(tags);
        List<RunTag> runTags = all.entrySet().stream().map(e -> new RunTag(e.getKey(), e.getValue())).toList();
        RunInfo info = store.createRun(experimentId, name, userId, System.currentTimeMillis(), runTags);
        return new ActiveRun(this, info);
    }

    /**
     * Starts a run, does the work in it, and ends it: {@link RunStatus#FINISHED} when the body returns,
     * {@link RunStatus#FAILED} when it throws (the exception is rethrown; checked ones wrapped in
     * {@link MlopsException}).
     *
     * @param experimentName an experiment name (created if missing)
     * @param runName        the run's name; {@code null} for a generated one
     * @param body           the work
     * @param <T>            what the work returns
     * @return what the body returned
     */
    public <T> T run(String experimentName, String runName, RunBody<T> body) {
        return startRun(experimentName, runName).execute(body);
    }

    /**
     * Starts a run, does work that returns nothing in it, and ends it, as {@link #run(String, String, RunBody)} does:
     * {@link RunStatus#FINISHED} when the work returns, {@link RunStatus#FAILED} when it throws (the exception is
     * rethrown; checked ones wrapped in {@link MlopsException}).
     *
     * <pre>{@code
     * tracking.record("lead-scoring", "logistic", run -> {
     *     run.logParam("C", "0.5");
     *     run.logMetric("auc", 0.81);
     * });
     * }</pre>
     *
     * @param experimentName an experiment name (created if missing)
     * @param runName        the run's name; {@code null} for a generated one
     * @param action         the work
     * @return the id of the run, to read it back or register its model
     */
    public String record(String experimentName, String runName, RunAction action) {
        return run(experimentName, runName, run -> {
            action.execute(run);
            return run.id();
        });
    }

    /**
     * Continues a run that ended (or whose process died), setting it back to {@link RunStatus#RUNNING}.
     *
     * @param runId an active run's id
     * @return the running run
     * @throws TrackingNotFoundException when there is no such run
     */
    public ActiveRun resumeRun(String runId) {
        RunInfo info = store.updateRun(runId, RunStatus.RUNNING, OptionalLong.empty());
        return new ActiveRun(this, info);
    }

    /**
     * @param runId a run id
     * @return the run, if it exists
     */
    public Optional<Run> getRun(String runId) {
        return store.getRun(runId);
    }

    /**
     * @param runId a run id
     * @param key   a metric key
     * @return every value logged for the metric, ordered by step, then timestamp
     */
    public List<Metric> getMetricHistory(String runId, String key) {
        return store.getMetricHistory(runId, key);
    }

    /**
     * @param request what to search
     * @return one page of runs
     */
    public RunsPage searchRuns(SearchRequest request) {
        return store.searchRuns(request);
    }

    /**
     * Runs a search and follows its page tokens to the end.
     *
     * @param request what to search
     * @return every matching run, in order
     */
    public List<Run> searchAllRuns(SearchRequest request) {
        List<Run> all = new ArrayList<>();
        SearchRequest page = request;
        while (true) {
            RunsPage result = store.searchRuns(page);
            all.addAll(result.runs());
            if (result.nextPageToken().isEmpty()) {
                return all;
            }
            page = page.withPageToken(result.nextPageToken().get());
        }
    }

    /**
     * @param runId a run id
     */
    public void deleteRun(String runId) {
        store.deleteRun(runId);
    }

    /**
     * @param runId a run id
     */
    public void restoreRun(String runId) {
        store.restoreRun(runId);
    }

    /**
     * @param runId a run id
     * @param path  a folder relative to the run's artifact root; empty for the root
     * @return its entries, not recursive
     */
    public List<ArtifactInfo> listArtifacts(String runId, String path) {
        return store.listArtifacts(runId, path);
    }

    /**
     * @param runId a run id
     * @param path  a file relative to the run's artifact root
     * @return its bytes as a stream; the caller closes it
     */
    public InputStream openArtifact(String runId, String path) {
        return store.openArtifact(runId, path);
    }

    /**
     * Copies an artifact file, or a folder with everything in it, to a local folder.
     *
     * @param runId  a run id
     * @param path   a file or folder relative to the run's artifact root; empty for everything
     * @param target the local folder to copy into (created if needed)
     * @return the local copy of the file or folder
     */
    public Path downloadArtifacts(String runId, String path, Path target) {
        String clean = TrackingInputChecks.checkArtifactPath(path, true);
        try {
            Files.createDirectories(target);
            List<ArtifactInfo> entries = store.listArtifacts(runId, clean);
            Path local = clean.isEmpty() ? target : target.resolve(clean);
            if (entries.isEmpty() && !clean.isEmpty()) {
                Files.createDirectories(local.getParent());
                try (InputStream in = store.openArtifact(runId, clean)) {
                    Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
                }
                return local;
            }
            Files.createDirectories(local);
            for (ArtifactInfo entry : entries) {
                if (entry.directory()) {
                    downloadArtifacts(runId, entry.path(), target);
                } else {
                    Path file = target.resolve(entry.path());
                    Files.createDirectories(file.getParent());
                    try (InputStream in = store.openArtifact(runId, entry.path())) {
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy artifacts of run " + runId + " to " + target, e);
        }
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }

    private static Optional<String> sourceName() {
        String command = System.getProperty("sun.java.command", "").trim();
        if (command.isEmpty()) {
            return Optional.empty();
        }
        int space = command.indexOf(' ');
        String main = space < 0 ? command : command.substring(0, space);
        return Optional.of(main.length() > TrackingLimits.MAX_RUN_TAG_VALUE_LENGTH
                ? main.substring(0, TrackingLimits.MAX_RUN_TAG_VALUE_LENGTH) : main);
    }
}
