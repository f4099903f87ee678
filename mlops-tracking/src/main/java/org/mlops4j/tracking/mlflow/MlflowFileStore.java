package org.mlops4j.tracking.mlflow;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mlops4j.core.tracking.TrackingInputChecks;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.tracking.internal.ArtifactFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracking store over a folder in MLflow's own file layout ({@code ./mlruns} as MLflow 1.x, 2.x and 3.x, and
 * PyCaret through MLflow, write it), read in place. The {@code file:} provider opens it for a folder that
 * {@code StoreFolder} recognises as MLflow's; experiments, runs, params, tags, metric histories and artifacts read as
 * MLflow's {@code FileStore} reads them (the rules, with their sources, are in {@link MlflowLayout},
 * {@link MlflowExperimentFolder}, {@link MlflowRunFolder} and {@link ArtifactLocations}). Run search applies
 * mlops4j's filter, order and paging to the runs of {@link MlflowRunIndex}, which reads again only the run folders
 * that changed since the last search (MLflow's own processes may change them at any time).
 *
 * <p>Opening and reading write nothing into the folder: no lock, no index, no {@code .trash}; a run index file left
 * by a writer is used when valid. Once this instance has written, it also saves the run index file of each experiment
 * it searches ({@link MlflowRunIndex}, a plain file that MLflow never reads). Opened read-write,
 * experiments, runs, params, tags, metrics and artifacts are written in MLflow's layout, as MLflow's
 * {@code FileStore} writes them, crash-safe and under lock files that MLflow does not see ({@link MlflowFileWriter});
 * opened read-only, every write is refused with a {@link TrackingException}.
 *
 * <p>Folders that are not what their place says (a run folder without a readable {@code meta.yaml}, a run recorded
 * under another experiment, an experiment whose id is not its folder's name) are skipped with a warning, logged once
 * per folder, as MLflow skips them.
 *
 * <p>Thread-safe, and several processes may write one store: it keeps no state but the folders already warned about.
 */
public final class MlflowFileStore implements TrackingStore {

    private static final Logger LOG = LoggerFactory.getLogger(MlflowFileStore.class);

    private final URI location;
    private final MlflowLayout layout;
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();
    private final Map<String, MlflowRunIndex> indexes = new ConcurrentHashMap<>();
    private final AtomicBoolean wrote = new AtomicBoolean();
    private final Optional<MlflowFileWriter> writer;

    /**
     * Opens the store to read only; reads nothing yet and writes nothing ever (writes are refused).
     *
     * @param location the tracking URI it was given as, for {@link #location()} and messages
     * @param root     the folder holding MLflow's layout
     */
    public MlflowFileStore(URI location, Path root) {
        this(location, root, StoreAccess.READ_ONLY);
    }

    /**
     * Opens the store; reads nothing yet. Read-only, nothing is ever written (writes are refused, and no lock file is
     * made); read-write, writes go into MLflow's layout ({@link MlflowFileWriter}), the lock files made by the first
     * write.
     *
     * @param location the tracking URI it was given as, for {@link #location()} and messages
     * @param root     the folder holding MLflow's layout
     * @param access   whether the store only reads
     */
    public MlflowFileStore(URI location, Path root, StoreAccess access) {
        this.location = location;
        this.layout = new MlflowLayout(root);
        this.writer = access == StoreAccess.READ_WRITE
                ? Optional.of(new MlflowFileWriter(location.toString(), layout)) : Optional.empty();
    }

    /**
     * Makes a new store in MLflow's layout in a missing or empty folder, as MLflow's {@code FileStore} does when
     * first opened (the default experiment {@code 0} "Default" in {@code 0/meta.yaml}, and {@code .trash/}), and
     * opens it to read and write. A folder already holding MLflow's layout is opened as it is.
     *
     * @param location the tracking URI it was given as
     * @param root     the folder
     * @return the store, open to read and write
     * @throws TrackingException when the folder cannot be created or written
     */
    public static MlflowFileStore create(URI location, Path root) {
        MlflowFileWriter.createStore(location.toString(), root);
        return new MlflowFileStore(location, root, StoreAccess.READ_WRITE);
    }

    @Override
    public URI location() {
        return location;
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        return layout.experimentDir(experimentId).flatMap(this::experiment);
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        List<Experiment> named = listExperiments(ViewType.ALL).stream().filter(e -> e.name().equals(name)).toList();
        return named.stream().filter(Experiment::isActive).findFirst().or(() -> named.stream().findFirst());
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        List<Experiment> experiments = new ArrayList<>();
        for (Path folder : layout.experimentDirs(ViewType.ALL)) {
            experiment(folder).filter(e -> viewType.includes(e.lifecycleStage())).ifPresent(experiments::add);
        }
        experiments.sort(Comparator.comparing(Experiment::experimentId, MlflowLayout.ID_ORDER));
        return experiments;
    }

    @Override
    public Optional<Run> getRun(String runId) {
        TrackingInputChecks.checkRunId(runId);
        return layout.runDir(runId).flatMap(this::run);
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        TrackingInputChecks.checkKey("Metric", key);
        return MlflowRunFolder.history(requireRunDir(runId), key);
    }

    @Override
    public RunsPage searchRuns(SearchRequest request) {
        List<Run> runs = new ArrayList<>();
        for (String experimentId : request.experimentIds()) {
            Path experimentDir = layout.experimentDir(experimentId).orElseThrow(() ->
                    new TrackingNotFoundException("Experiment " + experimentId + " does not exist in the MLflow"
                            + " store at " + location + "; list the experiments to see their ids."));
            MlflowRunIndex index = indexes.computeIfAbsent(experimentId, MlflowRunIndex::new);
            runs.addAll(index.runs(experimentDir, this::warnOnce));
            if (wrote.get() && index.worthSaving()) {
                save(experimentId, index, experimentDir);
            }
        }
        return RunPages.page(runs, request);
    }

    @Override
    public List<ArtifactInfo> listArtifacts(String runId, String path) {
        return artifacts(runId).list(path);
    }

    @Override
    public InputStream openArtifact(String runId, String path) {
        return artifacts(runId).open(path);
    }

    private ArtifactFolder artifacts(String runId) {
        Path runDir = requireRunDir(runId);
        RunInfo info = run(runDir).orElseThrow(() -> notFound(runId)).info();
        Path folder = ArtifactLocations.of(info.artifactUri(), runDir);
        Path confinedTo = folder.startsWith(runDir) ? layout.root() : folder;
        return new ArtifactFolder(folder, confinedTo, runId);
    }

    private Path requireRunDir(String runId) {
        return layout.runDir(runId).orElseThrow(() -> notFound(runId));
    }

    private TrackingNotFoundException notFound(String runId) {
        return new TrackingNotFoundException("Run '" + runId + "' does not exist in the MLflow store at " + location
                + "; search the runs to see their ids.");
    }

    private Optional<Experiment> experiment(Path folder) {
        try {
            return Optional.of(MlflowExperimentFolder.read(folder));
        } catch (MalformedFolderException e) {
            warnOnce(folder, e);
            return Optional.empty();
        }
    }

    private Optional<Run> run(Path runDir) {
        try {
            RunInfo info = MlflowRunFolder.info(runDir, runDir.getParent().getFileName().toString());
            return Optional.of(MlflowRunFolder.read(runDir, info));
        } catch (MalformedFolderException e) {
            warnOnce(runDir, e);
            return Optional.empty();
        }
    }

    /** Writes an experiment's run index file; a failure only costs the next instance's first search its speed. */
    private void save(String experimentId, MlflowRunIndex index, Path experimentDir) {
        try {
            writer.orElseThrow().saveIndex(experimentId, index, experimentDir);
        } catch (TrackingException e) {
            LOG.warn("Could not save the run index of experiment {} in {}: {}", experimentId, experimentDir,
                    e.getMessage());
        }
    }

    private void warnOnce(MalformedFolderException e) {
        warnOnce(e.folder(), e);
    }

    private void warnOnce(Path folder, MalformedFolderException e) {
        if (warned.add(folder)) {
            LOG.warn("Skipped: {}", e.getMessage());
        } else {
            LOG.debug("Skipped: {}", e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ writes

    @Override
    public Experiment createExperiment(String name, Map<String, String> tags) {
        return writes("create experiment '" + name + "'").createExperiment(name, tags);
    }

    @Override
    public void renameExperiment(String experimentId, String newName) {
        writes("rename experiment " + experimentId)
                .renameExperiment(experimentId, newName);
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        writes("set tag '" + key + "' of experiment " + experimentId)
                .setExperimentTag(experimentId, key, value);
    }

    @Override
    public void deleteExperiment(String experimentId) {
        writes("delete experiment " + experimentId).deleteExperiment(experimentId);
    }

    @Override
    public void restoreExperiment(String experimentId) {
        writes("restore experiment " + experimentId).restoreExperiment(experimentId);
    }

    @Override
    public RunInfo createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags) {
        String runId = writes("create a run in experiment " + experimentId)
                .createRun(experimentId, runName, userId, startTime, tags);
        return getRun(runId).orElseThrow(() -> notFound(runId)).info();
    }

    /** Keeps the id: the run's folder is named by it, as MLflow names it by its {@code run_uuid}. */
    @Override
    public RunInfo createRunWithId(String runId, String experimentId, String runName, String userId, long startTime,
                                   List<RunTag> tags) {
        MlflowFileWriter runs = writes("create a run in experiment " + experimentId);
        TrackingInputChecks.checkRunId(runId);
        if (getRun(runId).isPresent()) {
            throw new TrackingAlreadyExistsException("Run " + runId + " already exists in " + location()
                    + "; a run id is given once.");
        }
        runs.createRun(runId, experimentId, runName, userId, startTime, tags);
        return getRun(runId).orElseThrow(() -> notFound(runId)).info();
    }

    /** @return whether the store was opened to write */
    @Override
    public boolean keepsRunIds() {
        return writer.isPresent();
    }

    @Override
    public RunInfo updateRun(String runId, RunStatus status, OptionalLong endTime) {
        return writes("set the status of run " + runId).updateRun(runId, status, endTime);
    }

    @Override
    public void deleteRun(String runId) {
        writes("delete run " + runId).setDeleted(runId, true);
    }

    @Override
    public void restoreRun(String runId) {
        writes("restore run " + runId).setDeleted(runId, false);
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        writes("log to run " + runId).logBatch(runId, metrics, params, tags);
    }

    @Override
    public void deleteTag(String runId, String key) {
        writes("delete tag '" + key + "' of run " + runId).deleteTag(runId, key);
    }

    @Override
    public void writeArtifact(String runId, String path, InputStream content) {
        writes("write artifact '" + path + "' of run " + runId)
                .underRunLock(runId, () -> artifacts(runId).write(path, content));
    }

    /** Nothing is held open. */
    @Override
    public void close() {
    }

    /** @return the writer, noting that this instance writes (so that it keeps the run index files) */
    private MlflowFileWriter writes(String what) {
        MlflowFileWriter runs = writer.orElseThrow(() -> refused(what));
        wrote.set(true);
        return runs;
    }

    private TrackingException refused(String what) {
        return MlflowWritesRefused.inTracking(what, location);
    }
}
