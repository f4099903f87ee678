package org.mlops4j.core.tracking;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where experiments, runs, params, metrics, tags and artifacts are kept. Opened by a
 * {@link org.mlops4j.core.spi.TrackingStoreProvider} for a tracking URI; applications usually work through
 * {@link TrackingClient}, which calls these methods.
 *
 * <p>Every implementation keeps the same rules, which a shared contract test suite checks: MLflow's name rules and
 * size limits (see {@link TrackingLimits}), immutable params, append-only metric history, soft deletion, MLflow's
 * search grammar. Bad input is reported with {@link InvalidTrackingInputException}, missing experiments and runs with
 * {@link TrackingNotFoundException}, and failures of the storage itself with {@link TrackingException}.
 *
 * <p>Implementations are safe to use from several threads, and a store at a shared location (a folder, a database)
 * is safe to use from several processes at once.
 */
public interface TrackingStore extends AutoCloseable {

    /** @return the tracking URI this store was opened at */
    URI location();

    /**
     * Creates an experiment.
     *
     * @param name the unique name
     * @param tags tags to set on it
     * @return the new experiment
     * @throws TrackingAlreadyExistsException when an experiment (active or deleted) already has the name
     * @throws InvalidTrackingInputException  when the name or a tag breaks the rules
     */
    Experiment createExperiment(String name, Map<String, String> tags);

    /**
     * @param experimentId an experiment id
     * @return the experiment, active or deleted, if it exists
     */
    Optional<Experiment> getExperiment(String experimentId);

    /**
     * @param name an experiment name
     * @return the experiment with that name (the active one if an active and a deleted one share it), if any
     */
    Optional<Experiment> getExperimentByName(String name);

    /**
     * @param viewType which lifecycle stages to include
     * @return the experiments, by id
     */
    List<Experiment> listExperiments(ViewType viewType);

    /**
     * @param experimentId an active experiment's id
     * @param newName      its new, unique name
     * @throws TrackingNotFoundException      when there is no such experiment
     * @throws TrackingAlreadyExistsException when another experiment has the name
     * @throws InvalidTrackingInputException  when the experiment is deleted or the name breaks the rules
     */
    void renameExperiment(String experimentId, String newName);

    /**
     * @param experimentId an experiment's id
     * @param key          the tag key
     * @param value        the value (replaces an existing one)
     * @throws TrackingNotFoundException     when there is no such experiment
     * @throws InvalidTrackingInputException when the key or value breaks the rules
     */
    void setExperimentTag(String experimentId, String key, String value);

    /**
     * Soft-deletes an experiment and its active runs. They stay in the store and can be restored.
     *
     * @param experimentId the experiment's id; not the default experiment
     * @throws TrackingNotFoundException     when there is no such experiment
     * @throws InvalidTrackingInputException when it is the default experiment
     */
    void deleteExperiment(String experimentId);

    /**
     * Restores a soft-deleted experiment and the runs deleted with it.
     *
     * @param experimentId the experiment's id
     * @throws TrackingNotFoundException when there is no such experiment
     */
    void restoreExperiment(String experimentId);

    /**
     * Creates a run in status {@link RunStatus#RUNNING}. The name is mirrored in the tag
     * {@link SystemTags#RUN_NAME}.
     *
     * @param experimentId an active experiment's id
     * @param runName      the run's name
     * @param userId       who starts it
     * @param startTime    when it starts, in milliseconds since the epoch
     * @param tags         tags to set on it, such as {@link SystemTags#PARENT_RUN_ID}
     * @return the new run's info
     * @throws TrackingNotFoundException     when there is no such experiment
     * @throws InvalidTrackingInputException when the experiment is deleted, or a name, tag or time breaks the rules
     */
    RunInfo createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags);

    /**
     * Creates a run with a given id instead of a new one, as a copy of a run from another store keeps its id
     * ({@code mlops migrate}); otherwise as {@link #createRun}. Stores that cannot keep ids say so with
     * {@link #keepsRunIds()} and refuse; callers then create the run with a new id.
     *
     * @param runId        the id to give the run (letters, digits, {@code _} and {@code -}; the store may limit it
     *                     further, such as MLflow's databases to 32 characters)
     * @param experimentId an active experiment's id
     * @param runName      the run's name
     * @param userId       who starts it
     * @param startTime    when it starts, in milliseconds since the epoch
     * @param tags         tags to set on it
     * @return the new run's info, with the given id
     * @throws TrackingAlreadyExistsException when a run (in any experiment, active or deleted) has the id
     * @throws InvalidTrackingInputException  when the id breaks the store's rules, or as {@link #createRun}
     * @throws TrackingException              when the store does not keep given run ids (the default)
     */
    default RunInfo createRunWithId(String runId, String experimentId, String runName, String userId, long startTime,
                                    List<RunTag> tags) {
        throw new TrackingException("The tracking store at " + location() + " (" + getClass().getSimpleName()
                + ") does not create runs with given ids; create the run with createRun to get a new id.");
    }

    /**
     * @return whether {@link #createRunWithId} keeps the ids it is given; {@code false} unless a store says so
     */
    default boolean keepsRunIds() {
        return false;
    }

    /**
     * Sets a run's status, for instance to end it. Ending a run (a terminal status) forces what it logged to disk.
     *
     * @param runId   an active run's id
     * @param status  the new status
     * @param endTime the end time, for terminal statuses
     * @return the updated info
     * @throws TrackingNotFoundException     when there is no such run
     * @throws InvalidTrackingInputException when the run is deleted
     */
    RunInfo updateRun(String runId, RunStatus status, OptionalLong endTime);

    /**
     * @param runId a run id
     * @return the run with its latest metrics, params and tags, if it exists (active or deleted)
     */
    Optional<Run> getRun(String runId);

    /**
     * Soft-deletes a run.
     *
     * @param runId a run's id
     * @throws TrackingNotFoundException when there is no such run
     */
    void deleteRun(String runId);

    /**
     * Restores a soft-deleted run.
     *
     * @param runId a run's id
     * @throws TrackingNotFoundException when there is no such run
     */
    void restoreRun(String runId);

    /**
     * Logs metrics, params and tags to an active run. The whole batch is checked before anything is written; within
     * each kind, values are written in the order given; for a tag key given twice the last value wins.
     *
     * @param runId   an active run's id
     * @param metrics metric values to append (at most 1000)
     * @param params  params to set (at most 100; a param already logged must have the same value)
     * @param tags    tags to set (at most 100)
     * @throws TrackingNotFoundException     when there is no such run
     * @throws InvalidTrackingInputException when the run is deleted, a limit is exceeded, a key breaks the rules or a
     *                                       param would change its value
     */
    void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags);

    /**
     * @param runId an active run's id
     * @param key   the tag to remove
     * @throws TrackingNotFoundException when there is no such run or tag
     */
    void deleteTag(String runId, String key);

    /**
     * @param runId a run's id
     * @param key   a metric key
     * @return every value logged for the metric, ordered by step, then timestamp; empty if none was logged
     * @throws TrackingNotFoundException when there is no such run
     */
    List<Metric> getMetricHistory(String runId, String key);

    /**
     * Searches runs with a filter, an order and paging.
     *
     * @param request what to search
     * @return one page of runs and the token of the next page
     * @throws TrackingNotFoundException     when an experiment id does not exist
     * @throws InvalidTrackingInputException when the filter compares a key with the wrong kind of value
     */
    RunsPage searchRuns(SearchRequest request);

    /**
     * Stores an artifact file of a run; an existing file at the path is replaced. Readers see the old content or the
     * new one, never a partial file.
     *
     * @param runId   a run's id
     * @param path    the file's path relative to the run's artifact root, with {@code /} separators
     * @param content the bytes; read to the end, not closed
     * @throws InvalidTrackingInputException when the path is absolute or escapes the artifact root
     * @throws TrackingNotFoundException     when there is no such run
     */
    void writeArtifact(String runId, String path, InputStream content);

    /**
     * @param runId a run's id
     * @param path  a folder relative to the run's artifact root; empty for the root
     * @return the folder's entries (not recursive), sorted by path; empty when the folder does not exist
     * @throws InvalidTrackingInputException when the path is absolute or escapes the artifact root
     */
    List<ArtifactInfo> listArtifacts(String runId, String path);

    /**
     * @param runId a run's id
     * @param path  a file relative to the run's artifact root
     * @return a stream of its bytes; the caller closes it
     * @throws TrackingNotFoundException     when there is no such run or file
     * @throws InvalidTrackingInputException when the path is absolute or escapes the artifact root
     */
    InputStream openArtifact(String runId, String path);

    /** Flushes what is buffered and releases files and connections. Calling it twice is harmless. */
    @Override
    void close();
}
