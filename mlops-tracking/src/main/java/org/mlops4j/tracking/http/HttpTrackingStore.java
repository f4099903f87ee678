package org.mlops4j.tracking.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.PageToken;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingInputChecks;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;

/**
 * A tracking store on a tracking server, ours ({@code mlops server}) or MLflow's, reached through MLflow's REST API
 * 2.0 at an {@code http:} or {@code https:} URI.
 *
 * <p>Metric values logged without params or tags wait in a {@link MetricBuffer} and go in one {@code log-batch} of up
 * to 1,000 values (after the flush interval at the latest, and before anything else is asked about their run: a
 * refusal of values sent in the background is reported by the run's next write, ending the run included); params
 * and tags go at once, so that a changed param is refused by the call that changes it. Every value is checked here
 * before it is sent ({@link TrackingInputChecks}), and again by the server. Reads and writes of one client see each
 * other; another client sees buffered metrics once they are sent.
 *
 * <p>Artifacts go through MLflow's {@code mlflow-artifacts} endpoints, at the path of the run's artifact URI when it
 * is an {@code mlflow-artifacts:} URI, else at {@code <experiment id>/<run id>/artifacts}, MLflow's layout under the
 * server's artifact root. A file is held in memory while it is sent or read.
 *
 * <p>Thread-safe. Errors: the server's refusals as {@link ErrorMapping#TRACKING} maps them; an unreachable server as a
 * {@link TrackingException} naming it.
 */
final class HttpTrackingStore implements TrackingStore {

    private static final int EXPERIMENTS_PAGE = 1000;
    private static final int HISTORY_PAGE = 25_000;

    private final MlflowRestClient rest;
    private final MetricBuffer buffer;

    /** @param settings the server and how to call it */
    HttpTrackingStore(HttpSettings settings) {
        this.rest = new MlflowRestClient(settings, ErrorMapping.TRACKING);
        this.buffer = new MetricBuffer(this::sendMetrics, settings.flushInterval());
    }

    @Override
    public URI location() {
        return rest.server();
    }

    @Override
    public Experiment createExperiment(String name, Map<String, String> tags) {
        ObjectNode request = MlflowMessages.object().put("name", name);
        request.set("tags", MlflowMessages.keyValues(tags));
        String id = rest.call(MlflowCall.CREATE_EXPERIMENT, request).path("experiment_id").asText();
        return getExperiment(id).orElseThrow(() -> new TrackingException("The tracking server at " + location()
                + " created experiment " + id + " but does not find it."));
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        return rest.find(MlflowCall.GET_EXPERIMENT, MlflowMessages.object().put("experiment_id", experimentId))
                .map(answer -> MlflowMessages.experiment(answer.path("experiment")));
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        return rest.find(MlflowCall.GET_EXPERIMENT_BY_NAME, MlflowMessages.object().put("experiment_name", name))
                .map(answer -> MlflowMessages.experiment(answer.path("experiment")));
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        List<Experiment> experiments = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            ObjectNode request = MlflowMessages.object().put("view_type", viewType.name())
                    .put("max_results", EXPERIMENTS_PAGE);
            token.ifPresent(t -> request.put("page_token", t));
            JsonNode answer = rest.call(MlflowCall.SEARCH_EXPERIMENTS, request);
            answer.path("experiments").forEach(e -> experiments.add(MlflowMessages.experiment(e)));
            token = nextPageToken(answer);
        } while (token.isPresent());
        experiments.sort(Comparator.comparing(Experiment::experimentId, HttpTrackingStore::byId));
        return experiments;
    }

    @Override
    public void renameExperiment(String experimentId, String newName) {
        rest.call(MlflowCall.UPDATE_EXPERIMENT, MlflowMessages.object().put("experiment_id", experimentId)
                .put("new_name", newName));
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        TrackingInputChecks.checkExperimentTag(key, value);
        rest.call(MlflowCall.SET_EXPERIMENT_TAG, MlflowMessages.object().put("experiment_id", experimentId)
                .put("key", key).put("value", value));
    }

    @Override
    public void deleteExperiment(String experimentId) {
        buffer.flushAll();
        rest.call(MlflowCall.DELETE_EXPERIMENT, MlflowMessages.object().put("experiment_id", experimentId));
    }

    @Override
    public void restoreExperiment(String experimentId) {
        rest.call(MlflowCall.RESTORE_EXPERIMENT, MlflowMessages.object().put("experiment_id", experimentId));
    }

    @Override
    public RunInfo createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags) {
        ObjectNode request = MlflowMessages.object().put("experiment_id", experimentId).put("run_name", runName)
                .put("user_id", userId).put("start_time", startTime);
        ArrayNode tagArray = request.putArray("tags");
        tags.forEach(tag -> tagArray.addObject().put("key", tag.key()).put("value", tag.value()));
        return MlflowMessages.run(rest.call(MlflowCall.CREATE_RUN, request).path("run")).info();
    }

    @Override
    public RunInfo updateRun(String runId, RunStatus status, OptionalLong endTime) {
        RuntimeException unsent = null;
        try {
            buffer.flush(runId);
        } catch (RuntimeException e) {
            unsent = e;  // the run still ends; the caller then learns which values were lost
        }
        ObjectNode request = MlflowMessages.object().put("run_id", runId).put("status", status.name());
        endTime.ifPresent(end -> request.put("end_time", end));
        RunInfo updated;
        try {
            updated = MlflowMessages.runInfo(rest.call(MlflowCall.UPDATE_RUN, request).path("run_info"));
        } catch (RuntimeException e) {
            if (unsent != null) {
                e.addSuppressed(unsent);
            }
            throw e;
        }
        if (unsent != null) {
            throw unsent;
        }
        return updated;
    }

    @Override
    public Optional<Run> getRun(String runId) {
        TrackingInputChecks.checkRunId(runId);
        buffer.flushForRead(runId);
        return rest.find(MlflowCall.GET_RUN, MlflowMessages.object().put("run_id", runId))
                .map(answer -> MlflowMessages.run(answer.path("run")));
    }

    @Override
    public void deleteRun(String runId) {
        buffer.flush(runId);
        rest.call(MlflowCall.DELETE_RUN, MlflowMessages.object().put("run_id", runId));
    }

    @Override
    public void restoreRun(String runId) {
        buffer.flush(runId);
        rest.call(MlflowCall.RESTORE_RUN, MlflowMessages.object().put("run_id", runId));
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        TrackingInputChecks.checkRunId(runId);
        TrackingInputChecks.checkBatch(runId, metrics, params, tags);
        if (params.isEmpty() && tags.isEmpty()) {
            if (!metrics.isEmpty()) {
                buffer.add(runId, metrics);
            }
            return;
        }
        buffer.flush(runId);
        send(runId, metrics, params, tags);
    }

    @Override
    public void deleteTag(String runId, String key) {
        buffer.flush(runId);
        rest.call(MlflowCall.DELETE_TAG, MlflowMessages.object().put("run_id", runId).put("key", key));
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        buffer.flushForRead(runId);
        List<Metric> history = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            ObjectNode request = MlflowMessages.object().put("run_id", runId).put("metric_key", key)
                    .put("max_results", HISTORY_PAGE);
            token.ifPresent(t -> request.put("page_token", t));
            JsonNode answer = rest.call(MlflowCall.GET_METRIC_HISTORY, request);
            answer.path("metrics").forEach(m -> history.add(MlflowMessages.metric(m)));
            token = nextPageToken(answer);
        } while (token.isPresent());
        return history;
    }

    @Override
    public RunsPage searchRuns(SearchRequest request) {
        buffer.flushAll();
        ObjectNode body = MlflowMessages.object();
        body.set("experiment_ids", MlflowMessages.array(request.experimentIds()));
        body.put("filter", request.filter().toString()).put("run_view_type", request.viewType().name())
                .put("max_results", request.maxResults());
        body.set("order_by", MlflowMessages.array(request.orderBy().stream().map(Object::toString).toList()));
        request.pageToken().map(PageToken::encode).ifPresent(token -> body.put("page_token", token));
        JsonNode answer = rest.call(MlflowCall.SEARCH_RUNS, body);
        List<Run> runs = new ArrayList<>();
        answer.path("runs").forEach(run -> runs.add(MlflowMessages.run(run)));
        return new RunsPage(runs, nextPageToken(answer));
    }

    @Override
    public void writeArtifact(String runId, String path, InputStream content) {
        String clean = TrackingInputChecks.checkArtifactPath(path, false);
        String root = artifactRoot(runId);
        try {
            rest.upload(root + "/" + clean, content.readAllBytes());
        } catch (IOException e) {
            throw new TrackingException("Cannot read the content of artifact '" + clean + "' of run " + runId
                    + " to send it to " + location() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ArtifactInfo> listArtifacts(String runId, String path) {
        String clean = TrackingInputChecks.checkArtifactPath(path, true);
        JsonNode answer = rest.call(MlflowCall.LIST_ARTIFACTS, MlflowMessages.object().put("run_id", runId)
                .put("path", clean));
        List<ArtifactInfo> files = new ArrayList<>();
        answer.path("files").forEach(f -> files.add(new ArtifactInfo(f.path("path").asText(),
                f.path("is_dir").asBoolean(false), f.path("file_size").asLong(0))));
        files.sort(Comparator.comparing(ArtifactInfo::path));
        return files;
    }

    @Override
    public InputStream openArtifact(String runId, String path) {
        String clean = TrackingInputChecks.checkArtifactPath(path, false);
        return new ByteArrayInputStream(rest.download(artifactRoot(runId) + "/" + clean));
    }

    /** Sends what is buffered, then stops the background sends. */
    @Override
    public void close() {
        buffer.close();
    }

    @Override
    public String toString() {
        return "HttpTrackingStore[" + location() + "]";
    }

    private void sendMetrics(String runId, List<Metric> metrics) {
        send(runId, metrics, List.of(), List.of());
    }

    private void send(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        ObjectNode request = MlflowMessages.object().put("run_id", runId);
        ArrayNode metricArray = request.putArray("metrics");
        metrics.forEach(metric -> metricArray.add(MlflowMessages.metric(metric)));
        ArrayNode paramArray = request.putArray("params");
        params.forEach(param -> paramArray.addObject().put("key", param.key()).put("value", param.value()));
        ArrayNode tagArray = request.putArray("tags");
        tags.forEach(tag -> tagArray.addObject().put("key", tag.key()).put("value", tag.value()));
        rest.call(metrics.isEmpty() ? MlflowCall.LOG_BATCH_WITHOUT_METRICS : MlflowCall.LOG_BATCH, request);
    }

    /** The run's folder under the server's artifact root, as MLflow's artifact proxy names it. */
    private String artifactRoot(String runId) {
        RunInfo info = getRun(runId).orElseThrow(() -> new TrackingNotFoundException("Run with id=" + runId
                + " not found at " + location() + "."))
                .info();
        String uri = info.artifactUri();
        if (uri.startsWith("mlflow-artifacts:")) {
            String proxied = URI.create(uri).getPath();
            return proxied == null ? "" : proxied.replaceAll("^/+|/+$", "");
        }
        return info.experimentId() + "/" + info.runId() + "/artifacts";
    }

    private static Optional<String> nextPageToken(JsonNode answer) {
        return Optional.of(answer.path("next_page_token").asText("")).filter(token -> !token.isEmpty());
    }

    private static int byId(String a, String b) {
        boolean numeric = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
        return numeric && a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
