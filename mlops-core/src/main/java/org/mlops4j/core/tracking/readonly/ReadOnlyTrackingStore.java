package org.mlops4j.core.tracking.readonly;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
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
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.core.tracking.WriteRefused;

/**
 * A tracking store opened with {@link StoreAccess#READ_ONLY}: reads go to the store it wraps, every write is refused
 * with a {@link TrackingException} marked {@link WriteRefused} that names the store and the refused change. Providers
 * wrap the store they opened for reading in it, so no write can reach the location by mistake.
 *
 * <p>Thread-safe when the wrapped store is. Closing it closes the wrapped store.
 */
public final class ReadOnlyTrackingStore implements TrackingStore {

    private final TrackingStore store;

    private ReadOnlyTrackingStore(TrackingStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @param store an open store, which the wrapper owns and closes
     * @return the store, read-only (itself when it is already wrapped)
     */
    public static TrackingStore of(TrackingStore store) {
        return store instanceof ReadOnlyTrackingStore ? store : new ReadOnlyTrackingStore(store);
    }

    @Override
    public URI location() {
        return store.location();
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        return store.getExperiment(experimentId);
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        return store.getExperimentByName(name);
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        return store.listExperiments(viewType);
    }

    @Override
    public Optional<Run> getRun(String runId) {
        return store.getRun(runId);
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        return store.getMetricHistory(runId, key);
    }

    @Override
    public RunsPage searchRuns(SearchRequest request) {
        return store.searchRuns(request);
    }

    @Override
    public List<ArtifactInfo> listArtifacts(String runId, String path) {
        return store.listArtifacts(runId, path);
    }

    @Override
    public InputStream openArtifact(String runId, String path) {
        return store.openArtifact(runId, path);
    }

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
        throw refused("update run " + runId);
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

    /** Closes the wrapped store. */
    @Override
    public void close() {
        store.close();
    }

    private TrackingException refused(String what) {
        return new Refused("Cannot " + what + ": the tracking store at " + store.location()
                + " was opened read-only. Open it read-write (TrackingClient.open) to change it.");
    }

    /** A change refused because the store was opened read-only. */
    private static final class Refused extends TrackingException implements WriteRefused {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
