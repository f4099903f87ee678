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
 * mlops4j's filter, order and paging to what the folders hold; nothing is indexed.
 *
 * <p>Opening and reading write nothing into the folder: no lock, no index, no {@code .trash}. Every write is refused
 * with a {@link TrackingException}: writing MLflow's file layout is not supported yet.
 *
 * <p>Folders that are not what their place says (a run folder without a readable {@code meta.yaml}, a run recorded
 * under another experiment, an experiment whose id is not its folder's name) are skipped with a warning, logged once
 * per folder, as MLflow skips them.
 *
 * <p>Thread-safe: it keeps no state but the folders already warned about.
 */
public final class MlflowFileStore implements TrackingStore {

    private static final Logger LOG = LoggerFactory.getLogger(MlflowFileStore.class);

    private final URI location;
    private final MlflowLayout layout;
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();

    /**
     * Opens the store; reads nothing yet and writes nothing ever.
     *
     * @param location the tracking URI it was given as, for {@link #location()} and messages
     * @param root     the folder holding MLflow's layout
     */
    public MlflowFileStore(URI location, Path root) {
        this.location = location;
        this.layout = new MlflowLayout(root);
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
            for (Path runDir : layout.runDirs(experimentDir)) {
                run(runDir).ifPresent(runs::add);
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

    private void warnOnce(Path folder, MalformedFolderException e) {
        if (warned.add(folder)) {
            LOG.warn("Skipped: {}", e.getMessage());
        } else {
            LOG.debug("Skipped: {}", e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ writes, refused

    @Override
    public Experiment createExperiment(String name, Map<String, String> tags) {
        throw refused("create experiment '" + name + "'");
    }

    @Override
    public void renameExperiment(String experimentId, String newName) {
        throw refused("rename experiment " + experimentId);
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        throw refused("set tag '" + key + "' of experiment " + experimentId);
    }

    @Override
    public void deleteExperiment(String experimentId) {
        throw refused("delete experiment " + experimentId);
    }

    @Override
    public void restoreExperiment(String experimentId) {
        throw refused("restore experiment " + experimentId);
    }

    @Override
    public RunInfo createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags) {
        throw refused("create a run in experiment " + experimentId);
    }

    @Override
    public RunInfo updateRun(String runId, RunStatus status, OptionalLong endTime) {
        throw refused("set the status of run " + runId);
    }

    @Override
    public void deleteRun(String runId) {
        throw refused("delete run " + runId);
    }

    @Override
    public void restoreRun(String runId) {
        throw refused("restore run " + runId);
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        throw refused("log to run " + runId);
    }

    @Override
    public void deleteTag(String runId, String key) {
        throw refused("delete tag '" + key + "' of run " + runId);
    }

    @Override
    public void writeArtifact(String runId, String path, InputStream content) {
        throw refused("write artifact '" + path + "' of run " + runId);
    }

    /** Nothing is held open. */
    @Override
    public void close() {
    }

    private TrackingException refused(String what) {
        return MlflowWritesRefused.inTracking(what, location);
    }
}
